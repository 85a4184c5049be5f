import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../../test/helpers/db.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from the sources in a child process, with only the environment given. */
function cli(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), GUICHET_LOG_LEVEL: 'warn', ...env },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The single line a failed command prints. */
function errorLine(r: Result): string {
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('guichet CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-cli-'));
    env = { GUICHET_DATA_DIR: dataDir, GUICHET_PUBLIC_URL: 'http://guichet.test' };
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('--help describes every command', async () => {
    const r = await cli(['--help'], env);
    expect(r.code).toBe(0);
    for (const name of ['start', 'db:migrate', 'user:create', 'backup']) expect(r.stdout).toContain(name);
    const userHelp = await cli(['user:create', '--help'], env);
    expect(userHelp.stdout).toMatch(/--email <email>[\s\S]*--name <name>[\s\S]*--admin[\s\S]*--password/);
  });

  it('db:migrate creates the SQLite database, then finds it up to date', async () => {
    const first = await cli(['db:migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    expect(fs.existsSync(path.join(dataDir, 'guichet.db'))).toBe(true);

    const second = await cli(['db:migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('an invalid environment exits 1 with one clear line', async () => {
    const r = await cli(['db:migrate'], { ...env, DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/^guichet: Invalid configuration: DATABASE_URL: .*postgres:\/\//);
  });

  it('a migration that cannot apply exits 1 and leaves the database as it was', async () => {
    const file = path.join(dataDir, 'guichet.db');
    const raw = new BetterSqlite3(file);
    raw.exec("create table users (legacy text); insert into users values ('still here')");
    raw.close();

    const r = await cli(['db:migrate'], env);
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/^guichet: Database migration .* failed: .*No change was applied/);

    const after = new BetterSqlite3(file, { readonly: true });
    const tables = after.prepare(`select name from sqlite_master where type = 'table'`).pluck().all();
    expect(tables).toContain('users');
    expect(tables).not.toContain('groups');
    expect(after.prepare('select legacy from users').pluck().all()).toEqual(['still here']);
    after.close();
  });

  it('user:create without a password prints a one-time set-password link', async () => {
    const r = await cli(['user:create', '--email', 'bob@example.test', '--name', 'Bob'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created user bob@example.test');
    expect(r.stdout).toMatch(/http:\/\/guichet\.test\/\S*token=\S+/);
  });

  it('user:create rejects a bad email or a short password before touching the database', async () => {
    const r = await cli(['user:create', '--email', 'nope', '--name', 'X', '--password', 'short'], env);
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/^guichet: --email: .*; --password: .*10 characters/);
    expect(fs.existsSync(path.join(dataDir, 'guichet.db'))).toBe(false);
  });

  it('backup writes a SQLite copy that opens and holds the users', async () => {
    const created = await cli(
      [
        'user:create',
        '--email',
        'ada@example.test',
        '--name',
        'Ada',
        '--admin',
        '--password',
        'correct horse battery',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);

    const file = path.join(dataDir, 'backups', 'copy.db');
    const r = await cli(['backup', file], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`to ${file}`);

    const copy = new BetterSqlite3(file, { readonly: true });
    expect(copy.prepare('select email from users').pluck().all()).toEqual(['ada@example.test']);
    copy.close();

    const again = await cli(['backup', file], env);
    expect(again.code).toBe(1);
    expect(errorLine(again)).toContain('already exists');
    expect((await cli(['backup', file, '--force'], env)).code).toBe(0);
  });

  it('backup on PostgreSQL prints the pg_dump command without the password', async () => {
    const r = await cli(['backup', '/tmp/g.dump'], {
      ...env,
      DATABASE_URL: 'postgres://guichet:s3cret@db.internal:5432/guichet',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`pg_dump --format=custom --no-owner --file='/tmp/g.dump'`);
    expect(r.stdout).toContain('postgres://guichet@db.internal:5432/guichet');
    expect(r.stdout).not.toContain('s3cret');
  });
});

describe.each(ENGINES)('guichet CLI against a new %s database', (engine) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeEach(async () => {
    t = await createTestDb(engine, { migrate: false });
    env = {
      GUICHET_DATA_DIR: t.dataDir,
      GUICHET_PUBLIC_URL: 'http://guichet.test',
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    };
  });
  afterEach(() => t.cleanup());

  it('db:migrate, user:create --admin, and no second user with the same email', async () => {
    const migrated = await cli(['db:migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain(engine === 'postgres' ? 'PostgreSQL' : 'SQLite');

    const args = [
      'user:create',
      '--email',
      'Ada@Example.test',
      '--name',
      'Ada',
      '--admin',
      '--password',
      'correct horse battery',
    ];
    const first = await cli(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Created user Ada@Example\.test \(id \d+, administrator\)/);
    expect(first.stdout).not.toContain('token=');

    const users = await t.db.kysely.selectFrom('users').select(['email', 'password_hash']).execute();
    expect(users).toHaveLength(1);
    expect(users[0]?.password_hash).toMatch(/^\$argon2id\$/);

    const again = await cli([...args.slice(0, 2), 'ada@example.TEST', ...args.slice(3)], env);
    expect(again.code).toBe(1);
    expect(errorLine(again)).toMatch(/^guichet: .*(already|taken|exists)/i);
  });
});
