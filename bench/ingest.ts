/**
 * `npm run bench:ingest [-- --messages 1000]`: incoming-mail throughput (issue 5). A batch of messages made
 * from the .eml corpus (test/fixtures/mail, each given its own Message-ID) is imported twice into fresh
 * SQLite databases (and PostgreSQL when DATABASE_URL is set):
 * - through `guichet mail:ingest`, one process per message as an MTA pipe runs it, `--concurrency` at once;
 * - through IMAP: the batch is appended to a real Dovecot on loopback first, then a `guichet start --role
 *   worker` process collects it; timed from the worker's start until every message is recorded.
 * Prints messages/s and what became of them (created, replied, ignored, quarantined).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, type Db, type DialectName } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { startDovecot } from '../test/helpers/dovecot.js';
import { progressBar } from './progress.js';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: String(os.availableParallelism() * 2) },
    engine: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:ingest -- [--messages N] [--concurrency n (mail:ingest processes at once)]
  [--engine sqlite|postgres] [--no-build]
Env: DATABASE_URL (PostgreSQL server to create the benchmark databases on).`);
  process.exit(0);
}
const root = path.resolve(import.meta.dirname, '..');
const count = Number(args.messages);
const concurrency = Number(args.concurrency);
const corpusDir = path.join(root, 'test', 'fixtures', 'mail');

/** The corpus, cycled, each copy with a Message-ID of its own (a message without one keeps none). */
function batch(n: number): Buffer[] {
  const files = fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(corpusDir, f), 'latin1'));
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const raw = files[i % files.length]!;
    const id = `<bench-${i}-${process.pid}@mail.example.net>`;
    const replaced = raw.replace(/^Message-ID:[^\r\n]*(\r?\n[ \t][^\r\n]*)*/im, `Message-ID: ${id}`);
    // A message without Message-ID differs by a header, so its made-up id differs too.
    out.push(Buffer.from(replaced === raw ? `X-Bench: ${i}\r\n${raw}` : replaced, 'latin1'));
  }
  return out;
}

interface Target {
  engine: DialectName;
  env: Record<string, string>;
  db: Db;
  dispose(): Promise<void>;
}

async function newTarget(engine: DialectName): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-ingest-'));
  if (engine === 'sqlite') {
    const db = createDb({
      sqlitePath: path.join(dir, 'guichet.db'),
      databaseUrl: undefined,
      sqliteSynchronous: 'NORMAL',
      pgPoolMax: 1,
      pgStatementTimeoutMs: 0,
    });
    await migrateToLatest(db);
    return {
      engine,
      env: { GUICHET_DATA_DIR: dir },
      db,
      async dispose() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is needed for PostgreSQL');
  const name = `guichet_ingest_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = createDb({
    sqlitePath: '',
    databaseUrl: url,
    sqliteSynchronous: 'NORMAL',
    pgPoolMax: 2,
    pgStatementTimeoutMs: 0,
  });
  await migrateToLatest(db);
  return {
    engine,
    env: { GUICHET_DATA_DIR: dir, DATABASE_URL: url },
    db,
    async dispose() {
      await db.destroy();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function serverEnv(t: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  return {
    ...inherited,
    ...t.env,
    ...extra,
    NODE_ENV: 'production',
    GUICHET_LOG_LEVEL: 'warn',
    GUICHET_SECRET: 'benchmark secret benchmark secret 0123456789',
    GUICHET_PUBLIC_URL: 'http://127.0.0.1',
  };
}

function pipeOne(t: Target, raw: Buffer): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'guichet.js'), 'mail:ingest'], {
      env: serverEnv(t),
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
    child.stdin.end(raw);
  });
}

async function outcomes(db: Db): Promise<string> {
  const rows = await db.kysely
    .selectFrom('inbound_mails')
    .select(['status', 'reason', (e) => e.fn.countAll<number | string>().as('n')])
    .groupBy(['status', 'reason'])
    .orderBy('status')
    .orderBy('reason')
    .execute();
  return rows.map((r) => `${r.status}${r.reason ? `/${r.reason}` : ''} ${Number(r.n)}`).join(', ');
}

async function recorded(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom('inbound_mails')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** `guichet start --role worker`, as in production: it holds the database open and checkpoints it. */
function startWorker(t: Target, extra: Record<string, string> = {}) {
  const worker = spawn(
    process.execPath,
    [path.join(root, 'bin', 'guichet.js'), 'start', '--role', 'worker'],
    {
      env: serverEnv(t, extra),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return {
    worker,
    async stop() {
      if (worker.exitCode !== null) return;
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

async function viaPipe(engine: DialectName, messages: Buffer[]): Promise<string> {
  const t = await newTarget(engine);
  // Pipes run while Guichet runs: a lone process would open and close the database for each message.
  const worker = startWorker(t);
  try {
    let next = 0;
    let failed = 0;
    let done = 0;
    const progress = progressBar(`${engine} mail:ingest`, messages.length);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < messages.length) {
          const raw = messages[next++]!;
          if ((await pipeOne(t, raw)) !== 0) failed++;
          progress.update(++done);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    progress.done();
    return `${engine} mail:ingest: ${(messages.length / seconds).toFixed(1)} messages/s (${seconds.toFixed(1)} s, ${concurrency} processes at once, ${failed} non-zero exits); ${await outcomes(t.db)}`;
  } finally {
    await worker.stop();
    await t.dispose();
  }
}

async function viaImap(engine: DialectName, messages: Buffer[]): Promise<string> {
  const t = await newTarget(engine);
  const dovecot = await startDovecot();
  try {
    const appending = progressBar(`${engine} APPEND (untimed)`, messages.length);
    for (const [i, raw] of messages.entries()) {
      await dovecot.append(raw);
      appending.update(i + 1);
    }
    appending.done();
    const started = performance.now();
    const running = startWorker(t, { GUICHET_IMAP_URL: dovecot.url });
    const { worker } = running;
    const collecting = progressBar(`${engine} IMAP worker`, messages.length);
    let seen = 0;
    try {
      const deadline = Date.now() + 30 * 60 * 1000;
      while (seen < messages.length) {
        if (Date.now() > deadline) throw new Error(`only ${seen} of ${messages.length} collected`);
        if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
        await new Promise((r) => setTimeout(r, 100));
        seen = await recorded(t.db);
        collecting.update(seen);
      }
    } finally {
      await running.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    collecting.done();
    return `${engine} IMAP: ${(messages.length / seconds).toFixed(1)} messages/s (${seconds.toFixed(1)} s from the worker's start); ${await outcomes(t.db)}`;
  } finally {
    await dovecot.close();
    await t.dispose();
  }
}

async function main() {
  if (!args['no-build']) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const engines: DialectName[] = args.engine
    ? [args.engine as DialectName]
    : process.env.DATABASE_URL
      ? ['sqlite', 'postgres']
      : ['sqlite'];
  const messages = batch(count);
  const lines: string[] = [];
  for (const engine of engines) {
    lines.push(await viaPipe(engine, messages));
    lines.push(await viaImap(engine, messages));
  }
  console.log(`\nIncoming mail, ${count} messages from the corpus (${os.availableParallelism()} cores):`);
  for (const l of lines) console.log(`  ${l}`);
}

await main();
