import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '../../../test/helpers/dovecot.js';
import { AppError } from '../http/errors.js';
import { createMailCollector, type CollectorDeps, type MailCollector } from './inbox.collector.js';
import { testImapAccount, type ImapAccount } from './inbox.imap.js';

/**
 * The collector against a real Dovecot on loopback. One server for the file, one folder per test, so the
 * tests stay apart; mail arrives by IMAP APPEND as a delivering mail server would put it there.
 */

let dovecot: DovecotServer;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.close());

const collectors: MailCollector[] = [];
afterEach(async () => {
  await Promise.all(collectors.splice(0).map((c) => c.stop()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

const mail = (id: string) =>
  [
    'From: Camille Martin <camille@customer.example>',
    'To: support@example.test',
    `Subject: Message ${id}`,
    `Message-ID: <${id}@customer.example>`,
    'Date: Sat, 28 Nov 2026 09:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${id}`,
    '',
  ].join('\r\n');

const idOf = (raw: Buffer) => /^Message-ID: <([^@>]+)@/im.exec(raw.toString('utf8'))?.[1] ?? '?';

function account(folder: string, patch: Partial<ImapAccount> = {}): ImapAccount {
  const a: ImapAccount = {
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    starttls: false,
    user: dovecot.user,
    password: dovecot.password,
    folder,
    afterImport: 'seen',
    moveTo: 'Guichet',
    pollSeconds: 3600,
    label: '',
    ...patch,
  };
  return { ...a, label: `${a.user}@${a.host}/${a.folder}` };
}

/** The database lease, in memory: held by its owner until it runs out. */
function memoryLease() {
  const held = new Map<string, { owner: string; until: number }>();
  return {
    held,
    acquire(mailbox: string, owner: string, ttlMs: number) {
      const cur = held.get(mailbox);
      if (cur && cur.owner !== owner && cur.until > Date.now()) return Promise.resolve(false);
      held.set(mailbox, { owner, until: Date.now() + ttlMs });
      return Promise.resolve(true);
    },
    release(mailbox: string, owner: string) {
      if (held.get(mailbox)?.owner === owner) held.delete(mailbox);
      return Promise.resolve();
    },
  };
}

interface Harness {
  collector: MailCollector;
  /** Message ids (the part before @) in the order ingest stored them. */
  stored: string[];
  /** Every call, failed ones included. */
  attempts: string[];
  checked: { mailbox: string; mode: string }[];
  failed: string[];
  /** While set, ingest rejects the messages it names, as when the database is away. */
  reject: Set<string>;
}

function collect(
  acc: ImapAccount | (() => ImapAccount | null),
  opts: { lease?: CollectorDeps['lease']; ingestMs?: number } = {},
): Harness {
  const h: Omit<Harness, 'collector'> = {
    stored: [],
    attempts: [],
    checked: [],
    failed: [],
    reject: new Set(),
  };
  const collector = createMailCollector({
    account: () => Promise.resolve(typeof acc === 'function' ? acc() : acc),
    async ingest(raw, mailbox) {
      const id = idOf(raw);
      h.attempts.push(id);
      expect(mailbox).toMatch(/^support@example\.test@127\.0\.0\.1\//);
      if (opts.ingestMs) await sleep(opts.ingestMs);
      if (h.reject.has(id)) throw new Error('database unavailable');
      h.stored.push(id);
    },
    lease: opts.lease ?? memoryLease(),
    report: {
      checked: (mailbox, mode) => {
        h.checked.push({ mailbox, mode });
        return Promise.resolve();
      },
      failed: (_mailbox, error) => {
        h.failed.push(error);
        return Promise.resolve();
      },
    },
    timing: { backoffMinMs: 50, backoffMaxMs: 400, leaseTtlMs: 900 },
  });
  collectors.push(collector);
  collector.start();
  return { ...h, collector };
}

const seenOf = async (folder: string) => (await dovecot.list(folder)).map((m) => m.seen);

describe('the IMAP collector', () => {
  it('imports unseen messages oldest first, marks them seen, and leaves seen ones alone', async () => {
    await dovecot.append(mail('old'), 'Order', ['\\Seen']);
    for (const id of ['a1', 'a2', 'a3']) await dovecot.append(mail(id), 'Order');
    const h = collect(account('Order'));
    await waitFor('three messages', () => h.stored.length === 3);
    expect(h.stored).toEqual(['a1', 'a2', 'a3']);
    await waitFor('all seen', async () => (await seenOf('Order')).every(Boolean));
    await waitFor('a check reported', () => h.checked.length > 0);
    expect(h.checked[0]).toEqual({ mailbox: 'support@example.test@127.0.0.1/Order', mode: 'idle' });
    expect(h.failed).toEqual([]);
  });

  it('in move mode, imported messages go to the folder named, created when missing', async () => {
    await expect(dovecot.list('Done')).rejects.toThrow();
    for (const id of ['m1', 'm2']) await dovecot.append(mail(id), 'Moving');
    const h = collect(account('Moving', { afterImport: 'move', moveTo: 'Done' }));
    await waitFor('moved', async () => (await dovecot.list('Moving')).length === 0);
    expect(h.stored).toEqual(['m1', 'm2']);
    expect(await dovecot.list('Done')).toEqual([
      { uid: 1, seen: true, messageId: '<m1@customer.example>' },
      { uid: 2, seen: true, messageId: '<m2@customer.example>' },
    ]);
  });

  it('with IDLE, a message arriving while the collector waits is imported within 2 s, not at the next poll', async () => {
    await dovecot.append(mail('first'), 'Idle');
    const h = collect(account('Idle', { pollSeconds: 3600 }));
    await waitFor('the first check', () => h.checked.length > 0);
    await sleep(300);
    const sentAt = Date.now();
    await dovecot.append(mail('pushed'), 'Idle');
    await waitFor('the new message', () => h.stored.includes('pushed'), 2000);
    expect(Date.now() - sentAt).toBeLessThan(2000);
    expect(h.stored).toEqual(['first', 'pushed']);
  });

  it('a message whose storing fails stays unseen, the others go on, and it is stored once when storing works again', async () => {
    for (const id of ['r1', 'r2', 'r3']) await dovecot.append(mail(id), 'Retry');
    const h = collect(account('Retry'));
    h.reject.add('r2');
    await waitFor('r2 tried again after a failure', () => h.attempts.filter((id) => id === 'r2').length >= 2);
    await waitFor('the others stored', async () => {
      const seen = await seenOf('Retry');
      return seen[0] === true && seen[2] === true;
    });
    expect(h.stored).toEqual(['r1', 'r3']);
    expect(await seenOf('Retry')).toEqual([true, false, true]);
    expect(h.failed[0]).toMatch(/could not be stored, it will be tried again: database unavailable/);

    h.reject.clear();
    await waitFor('r2 stored', () => h.stored.includes('r2'));
    await waitFor('r2 seen', async () => (await seenOf('Retry'))[1] === true);
    h.collector.checkNow();
    await sleep(300);
    expect(h.stored).toEqual(['r1', 'r3', 'r2']);
  });

  it('survives a server restart: nothing lost, nothing imported twice', async () => {
    await dovecot.append(mail('before'), 'Restart');
    const h = collect(account('Restart'));
    await waitFor('the first message seen', async () => (await seenOf('Restart'))[0] === true);

    await dovecot.stop();
    await waitFor('the failure reported', () => h.failed.length > 0);
    expect(h.failed[0]).toMatch(/127\.0\.0\.1/);
    await dovecot.start();
    await dovecot.append(mail('after'), 'Restart');
    await waitFor('the message sent after the restart', () => h.stored.includes('after'), 8000);
    await waitFor('all seen', async () => (await seenOf('Restart')).every(Boolean));
    h.collector.checkNow();
    await sleep(200);
    expect(h.stored).toEqual(['before', 'after']);
  });

  it('two collectors on one mailbox: only the lease holder imports; the other takes over when it stops', async () => {
    const lease = memoryLease();
    const one = collect(account('Shared'), { lease });
    const two = collect(account('Shared'), { lease });
    for (const id of ['s1', 's2', 's3']) await dovecot.append(mail(id), 'Shared');
    await waitFor('three imports', () => one.stored.length + two.stored.length === 3);
    await sleep(300);
    const [holder, other] = one.stored.length > 0 ? [one, two] : [two, one];
    expect(holder.stored).toEqual(['s1', 's2', 's3']);
    expect(other.attempts).toEqual([]);

    await holder.collector.stop();
    await dovecot.append(mail('s4'), 'Shared');
    await waitFor('the other collector takes over', () => other.stored.includes('s4'));
    expect([...holder.stored, ...other.stored]).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('a wrong password is reported in plain words and retried, importing nothing', async () => {
    await dovecot.append(mail('locked'), 'Auth');
    const h = collect(account('Auth', { password: 'wrong' }));
    await waitFor('two failed attempts', () => h.failed.length >= 2);
    expect(h.failed[0]).toBe(
      'Authentication failed for support@example.test on ' + `127.0.0.1:${dovecot.port}`,
    );
    expect(h.attempts).toEqual([]);
    expect(await seenOf('Auth')).toEqual([false]);
  });

  it('a settings change to another folder takes effect at the next check', async () => {
    await dovecot.append(mail('here'), 'Before');
    await dovecot.append(mail('there'), 'After');
    let current = account('Before');
    const h = collect(() => current);
    await waitFor('the first folder', () => h.stored.includes('here'));
    current = account('After');
    h.collector.checkNow();
    await waitFor('the second folder', () => h.stored.includes('there'));
    expect(h.stored).toEqual(['here', 'there']);
  });

  it('stop lets the message in progress finish and be marked seen, then releases the lease', async () => {
    await dovecot.append(mail('slow'), 'Stop');
    await dovecot.append(mail('next'), 'Stop');
    const lease = memoryLease();
    const h = collect(account('Stop'), { lease, ingestMs: 400 });
    await waitFor('the import begun', () => h.attempts.length === 1);
    await h.collector.stop();
    await h.collector.stop();
    expect(h.stored).toEqual(['slow']);
    expect(await seenOf('Stop')).toEqual([true, false]);
    expect(lease.held.size).toBe(0);
  });

  it('stop does not wait for a server that accepts the connection but never greets', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const h = collect(account('INBOX', { port }));
      await sleep(200);
      const startedAt = Date.now();
      await h.collector.stop();
      expect(Date.now() - startedAt).toBeLessThan(1000);
    } finally {
      silent.close();
    }
  });
});

describe('the connection test', () => {
  it('answers the counts of the folder and that the server offers IDLE', async () => {
    await dovecot.append(mail('t1'), 'Counted', ['\\Seen']);
    await dovecot.append(mail('t2'), 'Counted');
    await expect(testImapAccount(account('Counted'))).resolves.toEqual({
      ok: true,
      mailbox: 'support@example.test@127.0.0.1/Counted',
      messages: 2,
      unseen: 1,
      idle: true,
    });
  });

  it('a wrong password or a missing folder is a 422 imap_failed that says which', async () => {
    const failure = (a: ImapAccount) =>
      testImapAccount(a).then(
        () => null,
        (err: unknown) => err,
      );
    const auth = await failure(account('INBOX', { password: 'wrong' }));
    expect(auth).toBeInstanceOf(AppError);
    expect(auth).toMatchObject({ code: 'imap_failed', status: 422, details: { reason: 'auth_failed' } });
    expect((auth as AppError).message).toBe(
      `Authentication failed for support@example.test on 127.0.0.1:${dovecot.port}`,
    );

    const folder = await failure(account('Nowhere'));
    expect(folder).toMatchObject({ code: 'imap_failed', status: 422, details: { reason: 'folder_missing' } });
    expect((folder as AppError).message).toMatch(/The folder "Nowhere" does not exist/);
  });
});
