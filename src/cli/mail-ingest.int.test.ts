import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../server/mail/mail.fixtures.js';
import { eml } from '../server/inbox/inbox.fixtures.js';
import { createTestDb, ENGINES, type TestDb } from '../../test/helpers/db.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `guichet mail:ingest` from the sources, as an MTA pipe runs it: the message on standard input. */
function ingest(input: Buffer, env: Record<string, string>, args: string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'mail:ingest', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), GUICHET_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

for (const engine of ENGINES) {
  describe(`guichet mail:ingest (${engine})`, () => {
    let db: TestDb | undefined;
    afterEach(async () => {
      await db?.cleanup();
      db = undefined;
    });

    const envOf = (t: TestDb): Record<string, string> => ({
      GUICHET_DATA_DIR: t.dataDir,
      GUICHET_PUBLIC_URL: 'http://guichet.test',
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    });

    it('stores a new message, says which ticket, and ignores it the second time (exit 0 both times)', async () => {
      db = await createTestDb(engine);
      const raw = eml({ subject: 'Badge reader broken' });
      const first = await ingest(raw, envOf(db));
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout.trim()).toMatch(/^created TS\d{4}-\d{4}$/);
      const again = await ingest(raw, envOf(db));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout.trim()).toBe('ignored: duplicate');
      const tickets = await db.db.kysely.selectFrom('tickets').select(['subject', 'origin']).execute();
      expect(tickets).toEqual([{ subject: 'Badge reader broken', origin: 'email' }]);
    });

    it('keeps an unreadable message in the quarantine (exit 0) and refuses empty input (exit 65)', async () => {
      db = await createTestDb(engine);
      const broken = await ingest(Buffer.from('not a mail\r\n'), envOf(db), ['--mailbox', 'postfix']);
      expect(broken.code, broken.stderr).toBe(0);
      expect(broken.stdout.trim()).toBe('quarantined: unparseable');
      const rows = await db.db.kysely.selectFrom('inbound_mails').select(['mailbox', 'status']).execute();
      expect(rows).toEqual([{ mailbox: 'postfix', status: 'quarantined' }]);

      const empty = await ingest(Buffer.alloc(0), envOf(db));
      expect(empty.code).toBe(65);
      expect(empty.stderr.trim()).toBe('guichet: no message on standard input');
    });
  });
}

describe('guichet mail:ingest without its database', () => {
  it('exits 75 so the MTA keeps the message and tries again later', async () => {
    const port = await closedPort();
    const r = await ingest(eml(), {
      GUICHET_DATA_DIR: os.tmpdir(),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere`,
    });
    expect(r.code).toBe(75);
    expect(r.stderr).toMatch(/^guichet: /);
  });
});
