import type { Settings } from '../../common/settings.js';
import type { Config } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createSmtpTransport, type MailTransport } from './mail.transport.js';

/** Where mail goes out and in whose name, as resolved at send time. */
export interface MailRoute {
  transport: MailTransport;
  /** `From` of every mail: the configured support address (with the sender name), else the default. */
  from: string;
  /** `Reply-To`: the support address, so customers' answers reach the support mailbox. */
  replyTo: string | null;
}

type SmtpSettings = Pick<
  Settings,
  | 'mail.smtp.host'
  | 'mail.smtp.port'
  | 'mail.smtp.security'
  | 'mail.smtp.user'
  | 'mail.smtp.password'
  | 'mail.from'
  | 'mail.fromName'
>;

/** Settings are re-read at most this often by the synchronous readiness check of the job runner. */
const REFRESH_MS = 5000;

const quoteName = (name: string) => (/^[\w .-]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`);

/** A nodemailer URL from the Email settings; the password is opened from its sealed form here only. */
export function smtpUrlOf(s: SmtpSettings, open: (sealed: string) => string): string {
  const scheme = s['mail.smtp.security'] === 'tls' ? 'smtps' : 'smtp';
  const user = s['mail.smtp.user'];
  const auth = user
    ? `${encodeURIComponent(user)}${s['mail.smtp.password'] ? `:${encodeURIComponent(open(s['mail.smtp.password']))}` : ''}@`
    : '';
  const params = new URLSearchParams();
  if (s['mail.smtp.security'] === 'starttls') params.set('requireTLS', 'true');
  // `none`: plain SMTP (a relay on the same host or network); nodemailer would still upgrade if offered.
  if (s['mail.smtp.security'] === 'none') params.set('ignoreTLS', 'true');
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return `${scheme}://${auth}${s['mail.smtp.host']}:${s['mail.smtp.port']}${query}`;
}

export interface MailTransportsDeps {
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
  settings: Pick<SettingsService, 'all'>;
  secrets: Pick<SecretBox, 'open'>;
  /** A transport given by the caller (tests) wins over everything. */
  override?: MailTransport | null;
}

/**
 * The outgoing transport, resolved at send time: the caller's transport (tests), else the SMTP settings
 * of the Email page when a host is set, else GUICHET_SMTP_URL; none of them, mail stays queued. The built
 * transport is kept until the settings it came from change.
 */
export function createMailTransports({ config, settings, secrets, override }: MailTransportsDeps) {
  const host = new URL(config.publicUrl).hostname;
  let built: { key: string; transport: MailTransport } | undefined;
  let ready = Boolean(override) || Boolean(config.smtpUrl);
  let checkedAt = 0;
  let refreshing: Promise<unknown> | undefined;

  function transportFor(url: string): MailTransport {
    if (built?.key === url) return built.transport;
    built?.transport.close?.();
    built = { key: url, transport: createSmtpTransport(url) };
    return built.transport;
  }

  async function resolve(): Promise<MailRoute | null> {
    const s = await settings.all();
    checkedAt = Date.now();
    const support = s['mail.from'];
    // GUICHET_MAIL_FROM overrides the settings page (SPEC 1).
    const from =
      config.mailFrom ??
      (support
        ? s['mail.fromName']
          ? `${quoteName(s['mail.fromName'])} <${support}>`
          : support
        : `Guichet <no-reply@${host}>`);
    const replyTo = support || null;
    let transport: MailTransport | null = null;
    if (override) transport = override;
    else if (s['mail.smtp.host']) transport = transportFor(smtpUrlOf(s, (sealed) => secrets.open(sealed)));
    else if (config.smtpUrl) transport = transportFor(config.smtpUrl);
    ready = transport !== null;
    return transport ? { transport, from, replyTo } : null;
  }

  return {
    resolve,

    /**
     * For the job runner's synchronous check: the last known answer, refreshed in the background when
     * older than a few seconds, so configuring SMTP on the Email page releases the waiting mail.
     */
    isReady(): boolean {
      if (!refreshing && Date.now() - checkedAt > REFRESH_MS) {
        refreshing = resolve()
          .catch(() => undefined)
          .finally(() => (refreshing = undefined));
      }
      return ready;
    },

    /** Re-reads the settings now (after a change on the Email page). */
    refresh: () => resolve().then(() => undefined),

    close(): void {
      built?.transport.close?.();
      built = undefined;
    },
  };
}

export type MailTransports = ReturnType<typeof createMailTransports>;
