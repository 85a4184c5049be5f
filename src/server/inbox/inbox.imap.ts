import type { ImapFlowError, ImapFlowOptions } from 'imapflow';
import type { InboxTestResult } from '../../common/schemas/inbox.schema.js';
import type { Settings } from '../../common/settings.js';
import { AppError } from '../http/errors.js';

/** The support mailbox the collector reads (SPEC 5), from the Email settings or GUICHET_IMAP_URL. */
export interface ImapAccount {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (imaps, usually port 993). */
  secure: boolean;
  /** Plain connection upgraded with STARTTLS, refused when the server does not offer it. */
  starttls: boolean;
  user: string;
  password: string;
  folder: string;
  afterImport: 'seen' | 'move';
  moveTo: string;
  pollSeconds: number;
  /** `user@host/folder`: names the mailbox in the lease, the records and the settings page; no password. */
  label: string;
}

type ImapSettings = Pick<
  Settings,
  | 'mail.imap.host'
  | 'mail.imap.port'
  | 'mail.imap.security'
  | 'mail.imap.user'
  | 'mail.imap.password'
  | 'mail.imap.folder'
  | 'mail.imap.afterImport'
  | 'mail.imap.moveTo'
  | 'mail.imap.pollSeconds'
>;

export type ImapAccountSource = 'settings' | 'env' | 'none';

const POLL_MIN = 10;
const POLL_MAX = 3600;

const labelOf = (user: string, host: string, folder: string) => `${user}@${host}/${folder}`;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * GUICHET_IMAP_URL: `imap://user:pass@host:port/Folder?...` (`imaps://` for implicit TLS; ports 143 and
 * 993 by default; user, password and folder percent-encoded; folder INBOX by default). A plain `imap://`
 * requires STARTTLS so that the password never crosses the network in clear, unless `security=none`
 * (a server on the same host). Optional query: `afterImport=seen|move`, `moveTo`, `pollSeconds`; those
 * left out come from the Email settings.
 */
export function parseImapUrl(url: string, defaults: ImapSettings): ImapAccount {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('GUICHET_IMAP_URL is not a valid URL');
  }
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') {
    throw new Error('GUICHET_IMAP_URL must start with imap:// or imaps://');
  }
  const secure = u.protocol === 'imaps:';
  const q = u.searchParams;
  const security = q.get('security');
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error('GUICHET_IMAP_URL has no host');
  const user = decode(u.username);
  const folder = decode(u.pathname.replace(/^\/+/, '')) || 'INBOX';
  const afterImport = q.get('afterImport');
  const poll = Number(q.get('pollSeconds'));
  return {
    host,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    starttls: !secure && security !== 'none',
    user,
    password: decode(u.password),
    folder,
    afterImport:
      afterImport === 'seen' || afterImport === 'move' ? afterImport : defaults['mail.imap.afterImport'],
    moveTo: q.get('moveTo')?.trim() || defaults['mail.imap.moveTo'],
    pollSeconds:
      q.has('pollSeconds') && Number.isInteger(poll)
        ? Math.min(POLL_MAX, Math.max(POLL_MIN, poll))
        : defaults['mail.imap.pollSeconds'],
    label: labelOf(user, host, folder),
  };
}

/**
 * The mailbox to collect: the Email settings when their host is set, else GUICHET_IMAP_URL, else none.
 * The password setting is stored sealed; `open` unseals it. Throws only for a malformed GUICHET_IMAP_URL.
 */
export function resolveImapAccount(
  settings: ImapSettings,
  config: { imapUrl?: string | undefined },
  open: (sealed: string) => string,
): { source: ImapAccountSource; account: ImapAccount | null } {
  const host = settings['mail.imap.host'].trim();
  if (host) {
    const security = settings['mail.imap.security'];
    const user = settings['mail.imap.user'];
    const folder = settings['mail.imap.folder'] || 'INBOX';
    const sealed = settings['mail.imap.password'];
    return {
      source: 'settings',
      account: {
        host,
        port: settings['mail.imap.port'],
        secure: security === 'tls',
        starttls: security === 'starttls',
        user,
        password: sealed ? open(sealed) : '',
        folder,
        afterImport: settings['mail.imap.afterImport'],
        moveTo: settings['mail.imap.moveTo'] || 'Guichet',
        pollSeconds: settings['mail.imap.pollSeconds'],
        label: labelOf(user, host, folder),
      },
    };
  }
  if (config.imapUrl) return { source: 'env', account: parseImapUrl(config.imapUrl, settings) };
  return { source: 'none', account: null };
}

/**
 * imapflow options for an account. IDLE is left to the caller (auto-IDLE would only start after 15 s of
 * quiet, too late for mail to show up at once). IDLE is restarted every 4 minutes, within the 5-minute
 * socket timeout and the 30 minutes servers allow, so a quiet mailbox keeps its connection.
 */
export function imapClientOptions(account: ImapAccount): ImapFlowOptions {
  return {
    host: account.host,
    port: account.port,
    secure: account.secure,
    doSTARTTLS: account.secure ? undefined : account.starttls,
    auth: { user: account.user, pass: account.password },
    logger: false,
    clientInfo: { name: 'Guichet' },
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
    maxIdleTime: 4 * 60_000,
  };
}

/** Why talking to the IMAP server failed, for the administrator; `reason` lets the page translate it. */
export type ImapFailure = 'auth_failed' | 'cannot_connect' | 'tls_failed' | 'folder_missing' | 'failed';

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'ETIMEOUT',
]);

/** One readable line (never a stack trace nor the password) and its kind, from an imapflow error. */
export function describeImapError(
  err: unknown,
  account: Pick<ImapAccount, 'host' | 'port' | 'user' | 'folder'>,
): { reason: ImapFailure; message: string } {
  const e = (err ?? {}) as ImapFlowError;
  const detail = (e.responseText || e.message || String(err)).replace(/\s+/g, ' ').trim();
  const where = `${account.host}:${account.port}`;
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return { reason: 'auth_failed', message: `Authentication failed for ${account.user} on ${where}` };
  }
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') {
    return { reason: 'folder_missing', message: `The folder "${account.folder}" does not exist on ${where}` };
  }
  if (e.tlsFailed || /certificate|ssl|tls/i.test(e.code ?? '') || /STARTTLS/i.test(detail)) {
    return { reason: 'tls_failed', message: `Secure connection to ${where} failed: ${detail}` };
  }
  if (e.code === 'EConnectionClosed' || e.code === 'NoConnection') {
    return { reason: 'cannot_connect', message: `The connection to ${where} was lost: ${detail}` };
  }
  if (e.code && CONNECT_CODES.has(e.code)) {
    return { reason: 'cannot_connect', message: `Cannot connect to ${where}: ${detail}` };
  }
  return { reason: 'failed', message: `The IMAP server ${where} failed: ${detail}` };
}

/**
 * The "Test connection" button: logs in, opens the folder read-only and counts its messages. Any failure
 * is a 422 `imap_failed` whose message is one line and whose `details.reason` says which step failed.
 */
export async function testImapAccount(account: ImapAccount): Promise<InboxTestResult> {
  const { ImapFlow } = await loadImapFlow();
  const client = new ImapFlow({ ...imapClientOptions(account), connectionTimeout: 10_000 });
  // Errors also reject the command in progress; without a listener an 'error' event would crash.
  client.on('error', () => undefined);
  const fail = (err: unknown) => {
    const { reason, message } = describeImapError(err, account);
    return new AppError('imap_failed', 422, message, { details: { reason } });
  };
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw fail(err);
  }
  try {
    const mailbox = await client.mailboxOpen(account.folder, { readOnly: true });
    const unseen = mailbox.exists > 0 ? await client.search({ seen: false }, { uid: true }) : [];
    return {
      ok: true,
      mailbox: account.label,
      messages: mailbox.exists,
      unseen: Array.isArray(unseen) ? unseen.length : 0,
      idle: client.capabilities.has('IDLE'),
    };
  } catch (err) {
    throw fail(err);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * imapflow, loaded when a mailbox is first used: `guichet mail:ingest` and the web processes never need
 * it, and it is a tenth of a second of every start.
 */
export const loadImapFlow = () => import('imapflow');
