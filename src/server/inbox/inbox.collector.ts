import crypto from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import { describeImapError, imapClientOptions, loadImapFlow, type ImapAccount } from './inbox.imap.js';

export interface CollectorDeps {
  /** Re-read before each connection and at each check: a settings change (other host, folder…) reconnects. */
  account(): Promise<ImapAccount | null>;
  /**
   * Stores one message. Resolves once it is stored, ignored or quarantined (the message can then be
   * marked seen / moved). Rejects only on a transient failure (database unavailable): the message must
   * then stay unseen and be tried again later, and the collector goes on with the others after a pause.
   */
  ingest(raw: Buffer, mailbox: string): Promise<void>;
  /** One collector per mailbox across processes: a lease renewed while connected. */
  lease: {
    acquire(mailbox: string, owner: string, ttlMs: number): Promise<boolean>;
    release(mailbox: string, owner: string): Promise<void>;
  };
  /** What the Email settings page shows. */
  report: {
    checked(mailbox: string, mode: 'idle' | 'poll', at: Date): Promise<void>;
    failed(mailbox: string, error: string, at: Date): Promise<void>;
  };
  clock?: { now(): Date };
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Tests make back-off and lease timing fast. */
  timing?: { backoffMinMs?: number; backoffMaxMs?: number; leaseTtlMs?: number };
}

export interface MailCollector {
  start(): void;
  /** Finishes the message in progress, logs out, releases the lease. Idempotent. */
  stop(): Promise<void>;
  /** Checks the mailbox now (after a settings change), cutting short any wait or back-off. */
  checkNow(): void;
}

/** Without a mailbox configured, how often to look again (settings may be saved at any time). */
const NO_ACCOUNT_MS = 5000;

/** What ends a wait: `mail` is the server announcing new messages, `closed` the connection dropping. */
type Wake = 'stop' | 'check' | 'mail' | 'closed' | 'lease';
const ANY: readonly Wake[] = ['stop', 'check', 'mail', 'closed', 'lease'];
/** Back-off pauses only end early for stop or an explicit check, not for new mail. */
const URGENT: readonly Wake[] = ['stop', 'check'];

/** Settings that need another connection when they change; the others apply at the next check. */
const connectionKey = (a: ImapAccount) =>
  JSON.stringify([a.host, a.port, a.secure, a.starttls, a.user, a.password, a.folder]);

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

const connectionLost = () =>
  Object.assign(new Error('the server closed the connection'), { code: 'EConnectionClosed' });

/**
 * The IMAP collector of the worker role (SPEC 5): holds the mailbox's lease so one process collects it,
 * imports every unseen message in UID order through `ingest`, then marks it seen or moves it, and waits
 * for new mail with IDLE (or polls). Errors never escape: they are reported, and it reconnects after a
 * back-off of 1 s doubling to 60 s, with jitter.
 */
export function createMailCollector(deps: CollectorDeps): MailCollector {
  const owner = crypto.randomUUID();
  const now = () => deps.clock?.now() ?? new Date();
  const log = deps.log ?? (() => undefined);
  const backoffMin = deps.timing?.backoffMinMs ?? 1000;
  const backoffMax = deps.timing?.backoffMaxMs ?? 60_000;
  const leaseTtl = deps.timing?.leaseTtlMs ?? 60_000;

  let running = false;
  let stopping = false;
  /** Connection failures since the last good connection: the back-off grows with them. */
  let failuresInARow = 0;
  let loop: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const pending = new Set<Wake>();
  let waiter: { on: readonly Wake[]; resolve: () => void } | null = null;
  /** The client while it connects: stop() cuts a slow attempt short instead of waiting for its timeout. */
  let connecting: ImapFlow | null = null;

  function wake(reason: Wake) {
    pending.add(reason);
    if (waiter?.on.includes(reason)) waiter.resolve();
  }

  /** Waits `ms`, or less when one of `on` happens (now or since the last wait that consumed it). */
  async function pause(ms: number, on: readonly Wake[]): Promise<void> {
    const due = () => on.some((r) => pending.has(r));
    if (!due()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiter = null;
          resolve();
        }
        waiter = { on, resolve: done };
      });
    }
    // `stop` stays pending: every later wait must end at once.
    for (const r of on) if (r !== 'stop') pending.delete(r);
  }

  /** 1 s, 2 s, 4 s… up to the maximum; a random half of it so that processes do not retry in step. */
  function backoff(attempt: number): number {
    const full = Math.min(backoffMax, backoffMin * 2 ** Math.min(attempt, 30));
    return full / 2 + (Math.random() * full) / 2;
  }

  async function reportChecked(mailbox: string, mode: 'idle' | 'poll'): Promise<void> {
    try {
      await deps.report.checked(mailbox, mode, now());
    } catch (err) {
      log('warn', `Incoming mail: cannot record the check of ${mailbox}: ${messageOf(err)}`);
    }
  }

  async function reportFailed(mailbox: string, error: string): Promise<void> {
    try {
      await deps.report.failed(mailbox, error, now());
    } catch (err) {
      log('warn', `Incoming mail: cannot record the failure of ${mailbox}: ${messageOf(err)}`);
    }
  }

  async function readAccount(): Promise<ImapAccount | null | undefined> {
    try {
      return await deps.account();
    } catch (err) {
      log('error', `Incoming mail: cannot read the mailbox settings: ${messageOf(err)}`);
      return undefined;
    }
  }

  async function acquire(mailbox: string): Promise<boolean> {
    try {
      return await deps.lease.acquire(mailbox, owner, leaseTtl);
    } catch (err) {
      log('warn', `Incoming mail: cannot take the lease of ${mailbox}: ${messageOf(err)}`);
      return false;
    }
  }

  async function release(mailbox: string): Promise<void> {
    try {
      await deps.lease.release(mailbox, owner);
    } catch (err) {
      log('warn', `Incoming mail: cannot release the lease of ${mailbox}: ${messageOf(err)}`);
    }
  }

  /**
   * Keeps the lease while connected, renewing it every third of its life. Lost (taken by another process
   * after we stalled, or not renewed for a whole lease because the database is away), the session ends
   * so that two processes never import the same mailbox.
   */
  function holdLease(mailbox: string) {
    let lost = false;
    let renewedAt = Date.now();
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      deps.lease
        .acquire(mailbox, owner, leaseTtl)
        .then(
          (held) => {
            if (held) renewedAt = Date.now();
            else lost = true;
          },
          (err: unknown) => {
            log('warn', `Incoming mail: cannot renew the lease of ${mailbox}: ${messageOf(err)}`);
            if (Date.now() - renewedAt >= leaseTtl) lost = true;
          },
        )
        .finally(() => {
          renewing = false;
          if (lost) wake('lease');
        });
    }, leaseTtl / 3);
    return {
      get lost() {
        return lost;
      },
      end: () => clearInterval(timer),
    };
  }

  const movesTo = (a: ImapAccount) =>
    a.afterImport === 'move' && a.moveTo !== '' && a.moveTo.toLowerCase() !== a.folder.toLowerCase();

  /** Moves need their folder: created once per connection when missing. */
  async function ensureFolder(client: ImapFlow, folder: string, known: Set<string>): Promise<void> {
    if (known.has(folder)) return;
    await client.mailboxCreate(folder);
    known.add(folder);
  }

  /**
   * Imports the unseen messages, oldest UID first, one at a time (each source is fetched alone, so memory
   * stays bounded whatever the backlog). Answers whether every message went through.
   */
  async function collect(
    client: ImapFlow,
    account: ImapAccount,
    folders: Set<string>,
    ended: () => boolean,
  ): Promise<boolean> {
    const lock = await client.getMailboxLock(account.folder);
    let allDone = true;
    let failures = 0;
    try {
      const found = await client.search({ seen: false }, { uid: true });
      if (!Array.isArray(found)) throw new Error(`The server refused to search ${account.folder}`);
      const uids = [...found].sort((a, b) => a - b);
      for (const uid of uids) {
        if (stopping || ended()) return false;
        const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        // Gone since the search (another client deleted or moved it): nothing to do.
        if (!message || !message.source) continue;
        try {
          await deps.ingest(message.source, account.label);
        } catch (err) {
          // Transient (the database is away): the message stays unseen for a later check; the others
          // are tried after a pause, in case the failure was about this message alone.
          allDone = false;
          const reason = `A message (UID ${uid}) could not be stored, it will be tried again: ${messageOf(err)}`;
          log('warn', `Incoming mail ${account.label}: ${reason}`);
          await reportFailed(account.label, reason);
          await pause(backoff(failures++), URGENT);
          continue;
        }
        // Seen first, also when moving: the moved copy reads as handled, and a move that fails (or a
        // folder moved into itself) leaves a message that is not imported again.
        const marked = await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        if (!marked) throw new Error('The server refused to mark the message as seen');
        if (movesTo(account)) {
          await ensureFolder(client, account.moveTo, folders);
          const moved = await client.messageMove(String(uid), account.moveTo, { uid: true });
          if (!moved) throw new Error(`The server refused to move the message to ${account.moveTo}`);
        }
      }
    } finally {
      lock.release();
    }
    return allDone;
  }

  /**
   * One connection: open the folder, then check, wait for mail, check again… Returns when asked to stop
   * or when the connection settings changed; throws when the connection fails.
   */
  async function session(first: ImapAccount): Promise<void> {
    const { ImapFlow } = await loadImapFlow();
    let account = first;
    const lease = holdLease(account.label);
    const client = new ImapFlow(imapClientOptions(account));
    let closed = false;
    let lastError: Error | undefined;
    client.on('error', (err: Error) => {
      lastError = err;
    });
    client.on('close', () => {
      closed = true;
      wake('closed');
    });
    client.on('exists', () => wake('mail'));
    const folders = new Set<string>();
    let retryFailures = 0;
    pending.delete('closed');
    pending.delete('lease');
    try {
      connecting = client;
      try {
        await client.connect();
      } finally {
        connecting = null;
      }
      if (stopping) return;
      const mailbox = await client.mailboxOpen(account.folder);
      const mode = client.capabilities.has('IDLE') ? 'idle' : 'poll';
      log('info', `Incoming mail: collecting ${account.label} (${mode}), ${mailbox.exists} messages`);
      for (;;) {
        pending.delete('mail');
        pending.delete('check');
        const allDone = await collect(client, account, folders, () => closed || lease.lost);
        if (closed) throw lastError ?? connectionLost();
        if (stopping || lease.lost) return;
        // A connection that got this far is good: the next failure starts the back-off again at 1 s.
        failuresInARow = 0;
        if (allDone) {
          retryFailures = 0;
          await reportChecked(account.label, mode);
        }
        // IDLE (or imapflow's NOOP polling on a server without it) keeps the connection alive and
        // announces new mail; the next command ends it. Its failures show up as a closed connection.
        client.idle().catch(() => undefined);
        // A message that failed is tried again after a back-off, not an hour later.
        const wait = allDone ? account.pollSeconds * 1000 : backoff(retryFailures++);
        await pause(wait, ANY);
        if (closed) throw lastError ?? connectionLost();
        if (stopping || lease.lost) return;
        const next = await readAccount();
        if (next === null) return;
        if (next && connectionKey(next) !== connectionKey(account)) return;
        if (next) account = next;
      }
    } finally {
      lease.end();
      if (closed) client.close();
      else await client.logout().catch(() => client.close());
      // Leaving on purpose (stop, other settings, lease lost): another process may take over at once.
      // After a connection failure the lease is kept, and runs out if we do not come back.
      if (stopping || !closed) await release(first.label);
    }
  }

  async function main(): Promise<void> {
    let last: string | undefined;
    while (!stopping) {
      const account = await readAccount();
      if (account === undefined) {
        await pause(backoff(failuresInARow++), URGENT);
        continue;
      }
      if (account === null) {
        await pause(NO_ACCOUNT_MS, URGENT);
        continue;
      }
      last = account.label;
      if (!(await acquire(account.label))) {
        // Another process collects this mailbox; take over if its lease runs out.
        await pause(leaseTtl / 3, URGENT);
        continue;
      }
      try {
        await session(account);
      } catch (err) {
        if (stopping) break;
        const { message } = describeImapError(err, account);
        log('warn', `Incoming mail ${account.label}: ${message}`);
        await reportFailed(account.label, message);
        await pause(backoff(failuresInARow++), URGENT);
      }
    }
    // Stopped during a back-off, the lease of the failed connection may still be ours.
    if (last) await release(last);
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      pending.clear();
      stopped = undefined;
      loop = main().catch((err: unknown) => {
        // Unreachable by design (every step catches its own errors); logged rather than left unhandled.
        log('error', `Incoming mail: the collector stopped: ${messageOf(err)}`);
      });
    },

    stop() {
      if (!running) return stopped ?? Promise.resolve();
      if (!stopped) {
        stopping = true;
        wake('stop');
        connecting?.close();
        stopped = (loop ?? Promise.resolve()).finally(() => {
          running = false;
        });
      }
      return stopped;
    },

    checkNow() {
      wake('check');
    },
  };
}
