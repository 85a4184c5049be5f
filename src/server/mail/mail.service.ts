import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { iso, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Database, MailRow, MailStatus } from '../db/schema.js';
import type { JobQueue } from '../jobs/job.queue.js';
import { createMailRepository } from './mail.repository.js';
import type { OutgoingMail } from './mail.transport.js';

export interface QueueMailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (e.g. `X-Guichet-Ticket`). Addressing and MIME headers are set by Guichet, not here. */
  headers?: Record<string, string>;
  /** Message-ID of the mail this one answers, angle brackets included. */
  inReplyTo?: string;
  /** Readable start of the generated Message-ID: `ticket-42` gives `<ticket-42.…@host>`. */
  messageIdPrefix?: string;
  /** The ticket the mail is about (threading of replies by Message-ID), and the ticket message it carries. */
  ticketId?: number;
  messageRef?: number;
  /** Once-only key: a second mail with the same key is refused by the database (unique index). */
  dedupeKey?: string;
}

/** A stored outgoing mail and its delivery state, as the job handler and later the UI need it. */
export interface Mail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  messageId: string;
  inReplyTo: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/**
 * RFC 3834: marks every mail as machine-sent so that well-behaved auto-responders (vacation replies)
 * do not answer it, which would otherwise open a ticket and loop.
 */
export const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' } as const;

/** Headers derived from the mail itself; a caller setting them would produce a broken message. */
// prettier-ignore
const RESERVED_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'in-reply-to', 'references', 'mime-version',
  'content-type', 'content-transfer-encoding', 'auto-submitted',
]);

const FIELD_NAME = /^[!-9;-~]+$/; // RFC 5322: printable US-ASCII except the colon
const hasLineBreak = (s: string): boolean => /[\r\n]/.test(s);

function checkInput(input: QueueMailInput): void {
  // A line break in a header would let the text smuggle in headers of its own (header injection).
  if (hasLineBreak(input.to)) throw new Error('Invalid recipient address');
  if (hasLineBreak(input.subject)) throw new Error('The subject must be a single line');
  if (input.inReplyTo !== undefined && hasLineBreak(input.inReplyTo)) throw new Error('Invalid In-Reply-To');
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!FIELD_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new Error(`Header ${name} cannot be set on an outgoing mail`);
    }
    if (hasLineBreak(value)) throw new Error(`Header ${name} must be a single line`);
  }
}

function toMail(row: MailRow): Mail {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: JSON.parse(row.headers) as Record<string, string>,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export interface MailServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  config: Pick<Config, 'mailFrom' | 'publicUrl'>;
}

export function createMailService({ db, clock, jobs, config }: MailServiceDeps) {
  const mails = createMailRepository(db);
  const host = new URL(config.publicUrl).hostname;
  const from = config.mailFrom ?? `Guichet <no-reply@${host}>`;

  function newMessageId(prefix: string | undefined): string {
    const safe = (prefix ?? 'guichet').replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64) || 'guichet';
    return `<${safe}.${crypto.randomBytes(12).toString('base64url')}@${host}>`;
  }

  return {
    from,

    /**
     * Stores a mail and enqueues its delivery through `executor`, so that both commit with the change
     * that caused the mail, or neither does. Delivery happens later in the job runner.
     */
    async queue(
      executor: Kysely<Database>,
      input: QueueMailInput,
    ): Promise<{ id: number; messageId: string }> {
      if (!input.to.trim()) throw new Error('Invalid recipient address');
      checkInput(input);
      const messageId = newMessageId(input.messageIdPrefix);
      const id = await mails.insert(executor, {
        to: input.to.trim(),
        subject: input.subject,
        text: input.text,
        html: input.html ?? null,
        headers: { ...input.headers, ...AUTO_SUBMITTED },
        messageId,
        inReplyTo: input.inReplyTo ?? null,
        now: iso(clock.now()),
        ticketId: input.ticketId ?? null,
        messageRef: input.messageRef ?? null,
        dedupeKey: input.dedupeKey ?? null,
      });
      await jobs.enqueue(executor, 'mail.send', { mailId: id });
      return { id, messageId };
    },

    /**
     * Records, through `executor`, a mail that cannot go out (e.g. the ticket has no customer address),
     * as failed with `reason` and no job: its delivery state says why, and the retry button may re-queue it.
     */
    async recordUndeliverable(
      executor: Kysely<Database>,
      input: Omit<QueueMailInput, 'to'>,
      reason: string,
    ): Promise<{ id: number }> {
      checkInput({ ...input, to: '' });
      const id = await mails.insertFailed(
        executor,
        {
          to: '',
          subject: input.subject,
          text: input.text,
          html: input.html ?? null,
          headers: { ...input.headers, ...AUTO_SUBMITTED },
          messageId: newMessageId(input.messageIdPrefix),
          inReplyTo: input.inReplyTo ?? null,
          now: iso(clock.now()),
          ticketId: input.ticketId ?? null,
          messageRef: input.messageRef ?? null,
          dedupeKey: input.dedupeKey ?? null,
        },
        reason,
      );
      return { id };
    },

    /** Puts a failed mail back in the queue, to `to`, with a fresh job; false when it is not failed. */
    async requeue(executor: Kysely<Database>, id: number, to: string): Promise<boolean> {
      if (!to.trim() || hasLineBreak(to)) throw new Error('Invalid recipient address');
      if (!(await mails.requeue(executor, id, to.trim(), iso(clock.now())))) return false;
      await jobs.enqueue(executor, 'mail.send', { mailId: id });
      return true;
    },

    findByDedupeKey: (executor: Kysely<Database>, key: string) => mails.findByDedupeKey(executor, key),
    lastMessageIdOfTicket: (executor: Kysely<Database>, ticketId: number) =>
      mails.lastMessageIdOfTicket(executor, ticketId),

    async get(id: number): Promise<Mail | undefined> {
      const row = await mails.findById(id);
      return row && toMail(row);
    },

    /** What the transport sends for a stored mail; `sender` is resolved at send time (Email settings). */
    toOutgoing(mail: Mail, sender?: { from: string; replyTo: string | null }): OutgoingMail {
      return {
        from: sender?.from ?? from,
        replyTo: sender?.replyTo ?? null,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.inReplyTo ? [mail.inReplyTo] : [],
        // Older rows or hand-edited ones still go out marked as automatic.
        headers: { ...mail.headers, ...AUTO_SUBMITTED },
      };
    },

    markSent: (id: number) => mails.markSent(id, iso(clock.now())),
    markRetrying: (id: number, error: string) => mails.markRetrying(id, error, iso(clock.now())),
    markFailed: (id: number, error: string) => mails.markFailed(id, error, iso(clock.now())),
  };
}

export type MailService = ReturnType<typeof createMailService>;
