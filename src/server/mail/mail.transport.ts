import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  replyTo?: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
}

/** Where mail leaves the application. Tests use a real SMTP server (test/helpers/smtp.ts), not a fake. */
export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with the server's reply otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  /** Connects and authenticates without sending, for a configuration check. */
  verify?(): Promise<void>;
  close?(): void;
}

/**
 * An SMTP transport from a URL: `smtp://user:pass@host:587` (STARTTLS when the server offers it) or
 * `smtps://host:465` (TLS from the start). Query parameters become nodemailer options, e.g.
 * `?requireTLS=true`, `?pool=true` or `?tls.rejectUnauthorized=false` for a self-signed relay.
 */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // nodemailer waits up to 10 minutes on a silent socket by default, as long as a job's lease: a hung
    // relay would then look like a dead worker. These defaults still leave the URL the last word.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        replyTo: mail.replyTo ?? undefined,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo ?? undefined,
        references: mail.references,
        headers: mail.headers,
      });
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}
