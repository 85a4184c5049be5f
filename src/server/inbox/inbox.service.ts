import type {
  InboxStatus,
  InboxTestResult,
  IngestResult,
  QuarantinePage,
  QuarantineQuery,
  QuarantineReason,
} from '../../common/schemas/inbox.schema.js';
import type { Settings } from '../../common/settings.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { AppError, badRequest } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import { resolveImapAccount, testImapAccount, type ImapAccount } from './inbox.imap.js';
import type { MailIngest } from './inbox.ingest.js';
import type { InboxRepository, QuarantineRow } from './inbox.repository.js';

export interface InboxServiceDeps {
  clock: Clock;
  config: Pick<Config, 'imapUrl'>;
  settings: Pick<SettingsService, 'all'>;
  secrets: Pick<SecretBox, 'open'>;
  repo: InboxRepository;
  ingest: MailIngest;
  /** Tests replace the IMAP login check. */
  testAccount?: (account: ImapAccount) => Promise<InboxTestResult>;
}

const quarantinedNotFound = () =>
  new AppError('quarantined_mail_not_found', 404, 'No such message in the quarantine');

function presentQuarantined(r: QuarantineRow) {
  return {
    id: r.id,
    mailbox: r.mailbox,
    receivedAt: r.received_at,
    from: r.from_address,
    subject: r.subject,
    messageId: r.message_id,
    reason: (r.reason ?? 'unparseable') as QuarantineReason,
    error: r.error,
    size: r.size,
    attempts: r.attempts,
  };
}

/**
 * The administrator's view of incoming mail (SPEC 5, 7): where it is read from and how the collector is
 * doing, the connection test, and the quarantine (list, download, retry, delete). Administrators only.
 */
export function createInboxService(deps: InboxServiceDeps) {
  const { clock, config, settings, secrets, repo, ingest } = deps;
  const test = deps.testAccount ?? testImapAccount;

  /** A malformed GUICHET_IMAP_URL collects nothing and says why on the status, rather than failing. */
  async function account(): Promise<{
    source: InboxStatus['source'];
    account: ImapAccount | null;
    problem: string | null;
  }> {
    const all: Settings = await settings.all();
    try {
      return { ...resolveImapAccount(all, config, (sealed) => secrets.open(sealed)), problem: null };
    } catch (err) {
      return { source: 'env', account: null, problem: err instanceof Error ? err.message : String(err) };
    }
  }

  return {
    /** The configured mailbox, for the collector: re-read at each connection, so edits take effect. */
    async account(): Promise<ImapAccount | null> {
      return (await account()).account;
    },

    async status(actorIn: Actor | null): Promise<InboxStatus> {
      requirePermission(actorIn, 'admin');
      const { source, account: acc, problem } = await account();
      const [collector, counts, quarantined] = await Promise.all([
        acc ? repo.collector(acc.label) : Promise.resolve(undefined),
        acc ? repo.countsByStatus(acc.label) : Promise.resolve({} as Record<string, number>),
        repo.countQuarantined(),
      ]);
      const now = clock.now().toISOString();
      return {
        source,
        mailbox: acc?.label ?? null,
        running: Boolean(collector?.owner && collector.leaseUntil && collector.leaseUntil > now),
        mode: collector?.mode === 'idle' || collector?.mode === 'poll' ? collector.mode : null,
        lastCheckAt: collector?.lastCheckAt ?? null,
        lastSuccessAt: collector?.lastSuccessAt ?? null,
        importedCount: counts.imported ?? 0,
        ignoredCount: counts.ignored ?? 0,
        quarantinedCount: quarantined,
        lastError: problem ?? collector?.lastError ?? null,
        lastErrorAt: collector?.lastErrorAt ?? null,
      };
    },

    /** Logs in with the current settings; 422 imap_failed with the reason, 400 when nothing is set. */
    async test(actorIn: Actor | null): Promise<InboxTestResult> {
      requirePermission(actorIn, 'admin');
      const { account: acc, problem } = await account();
      if (!acc) throw badRequest(problem ?? 'No incoming mailbox is configured: set the IMAP host first');
      return test(acc);
    },

    async quarantine(actorIn: Actor | null, q: QuarantineQuery): Promise<QuarantinePage> {
      requirePermission(actorIn, 'admin');
      const before = q.cursor === undefined ? undefined : Number(q.cursor);
      if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) {
        throw badRequest('Invalid cursor', { cursor: q.cursor });
      }
      const [rows, total] = await Promise.all([
        repo.listQuarantined(q.limit + 1, before),
        repo.countQuarantined(),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentQuarantined),
        total,
        nextCursor: rows.length > q.limit && last ? String(last.id) : null,
      };
    },

    /** The raw message as it arrived, for the administrator to download (.eml). */
    async raw(actorIn: Actor | null, id: number): Promise<{ filename: string; content: Buffer }> {
      requirePermission(actorIn, 'admin');
      const row = await repo.findQuarantined(id);
      if (!row?.raw) throw quarantinedNotFound();
      return { filename: `quarantine-${row.id}.eml`, content: Buffer.from(row.raw) };
    },

    /** Imports the kept message again; it leaves the quarantine unless it fails again. */
    async retry(actorIn: Actor | null, id: number): Promise<IngestResult> {
      requirePermission(actorIn, 'admin');
      const row = await repo.findQuarantined(id);
      if (!row?.raw) throw quarantinedNotFound();
      return ingest.retry(row.id, Buffer.from(row.raw), row.mailbox);
    },

    async remove(actorIn: Actor | null, id: number): Promise<void> {
      requirePermission(actorIn, 'admin');
      if (!(await repo.deleteQuarantined(id))) throw quarantinedNotFound();
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
