/**
 * `npm run bench [-- --tickets 100000]`: seeds a fresh database (SQLite in a temporary directory, and
 * PostgreSQL in a database created from DATABASE_URL when it is set), starts the real server from the
 * built CLI, and measures it with autocannon. Prints p50/p99, requests/s and the ratio to a bare
 * endpoint of the same server, SQLite first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db, type DialectName } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { step } from './progress.js';
import { openTicketIds, runScenarios, type Measure } from './scenarios.js';
import { BENCH_ADMIN, seed } from './seed.js';
import { apiToken, startServer } from './server.js';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    thirdparties: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'web-processes': { type: 'string', default: String(os.availableParallelism()) },
    engine: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'server-root': { type: 'string' },
    only: { type: 'string' },
    'node-args': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench -- [--tickets N] [--thirdparties N] [--duration s] [--connections n]
  [--engine sqlite|postgres] [--no-build] [--keep] [--reuse <data dir or database URL kept by --keep>]
  [--web-processes N (GUICHET_WEB_PROCESSES of the server; default: one per core)]
  [--server-root <another checkout, built, to compare>]
  [--only <regexp> (run only the scenarios whose name matches; the bare endpoint always runs)]
  [--node-args="<flags>" (Node flags for the server and its web processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")]
Env: DATABASE_URL (PostgreSQL server to create the benchmark database on), BENCH_TICKETS.`);
  process.exit(0);
}
const tickets = Number(process.env.BENCH_TICKETS ?? args.tickets);
const opts = {
  tickets,
  thirdparties: Math.min(Number(args.thirdparties), Math.max(100, Math.floor(tickets / 10))),
  duration: Number(args.duration),
  connections: Number(args.connections),
  webProcesses: Number(args['web-processes']),
};
const root = path.resolve(import.meta.dirname, '..');

interface Target {
  engine: DialectName;
  /** Server environment. */
  env: Record<string, string>;
  open(): Db;
  /** Whether it holds a seeded data set already (--reuse). */
  reused: boolean;
  dispose(): Promise<void>;
}

function sqliteTarget(): Target {
  const reuse = args.reuse && !args.reuse.startsWith('postgres') ? path.resolve(args.reuse) : undefined;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  const file = path.join(dir, 'guichet.db');
  return {
    engine: 'sqlite',
    env: { GUICHET_DATA_DIR: dir },
    reused: reuse !== undefined && fs.existsSync(file),
    open: () =>
      createDb({
        sqlitePath: file,
        databaseUrl: undefined,
        sqliteSynchronous: 'NORMAL',
        pgPoolMax: 1,
        pgStatementTimeoutMs: 0,
      }),
    dispose: () => {
      if (args.keep || reuse) console.log(`Kept the SQLite data in ${dir} (--reuse ${dir})`);
      else fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const reuse = args.reuse?.startsWith('postgres') ? args.reuse : undefined;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  const name = `guichet_bench_${process.pid}`;
  const u = new URL(reuse ?? serverUrl);
  if (!reuse) {
    await admin(`CREATE DATABASE ${name}`);
    u.pathname = `/${name}`;
  }
  const url = u.toString();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-pg-'));
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url, GUICHET_DATA_DIR: dir },
    reused: reuse !== undefined,
    open: () =>
      createDb({
        databaseUrl: url,
        sqlitePath: '',
        sqliteSynchronous: 'NORMAL',
        pgPoolMax: 4,
        pgStatementTimeoutMs: 0,
      }),
    dispose: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (args.keep || reuse) console.log(`Kept the PostgreSQL database ${url} (--reuse ${url})`);
      else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(engine: string, rows: Measure[]): string {
  const ceiling = rows[0]?.rps ?? 1;
  const head = ['scenario', 'p50 ms', 'p99 ms', 'req/s', 'vs bare', 'errors'];
  const body = rows.map((m) => [
    m.scenario,
    fmt(m.p50),
    fmt(m.p99),
    fmt(m.rps, 0),
    `${fmt((100 * m.rps) / ceiling, 1)} %`,
    String(m.failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const notes = rows.filter((m) => m.note).map((m) => `  ${m.scenario}: ${m.note}`);
  return [
    `\n${engine}, ${opts.tickets.toLocaleString('en-US')} tickets, ${opts.connections} connections, ${opts.duration} s per scenario, ${opts.webProcesses} web process(es)`,
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    ...notes,
  ].join('\n');
}

/** Refs stay unique under concurrent creation; the unique index would refuse a duplicate, this checks it held. */
async function checkRefs(db: Db): Promise<string> {
  const r = await sql<{
    n: number;
    d: number;
  }>`SELECT count(*) AS n, count(DISTINCT ref) AS d FROM tickets`.execute(db.kysely);
  const { n, d } = r.rows[0] ?? { n: 0, d: 0 };
  return Number(n) === Number(d)
    ? `refs unique (${fmt(Number(n), 0)} tickets)`
    : `DUPLICATE REFS: ${Number(n) - Number(d)}`;
}

async function benchmark(target: Target): Promise<string> {
  console.error(`\n== ${target.engine} ==`);
  if (!target.reused) {
    const db = target.open();
    await step('migrate', () => migrateToLatest(db));
    await seed(db, opts);
    await db.destroy();
  }
  const server = await step('start the server', () =>
    startServer(
      { ...target.env, GUICHET_WEB_PROCESSES: String(opts.webProcesses) },
      args['server-root'] ? path.resolve(args['server-root']) : undefined,
      args['node-args']?.split(/\s+/).filter(Boolean) ?? [],
    ),
  );
  try {
    const token = await apiToken(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const openIds = await openTicketIds({ url: server.url, token }, 2000);
    const before = target.open();
    const countBefore = await sql<{ n: number }>`SELECT count(*) AS n FROM tickets`.execute(before.kysely);
    const thirdparties = await sql<{ n: number }>`SELECT max(id) AS n FROM thirdparties`.execute(
      before.kysely,
    );
    await before.destroy();
    const measures = await runScenarios(
      {
        url: server.url,
        token,
        tickets: Number(countBefore.rows[0]?.n ?? opts.tickets),
        thirdparties: Number(thirdparties.rows[0]?.n ?? opts.thirdparties),
        duration: opts.duration,
        connections: opts.connections,
        openIds,
        only: args.only ? new RegExp(args.only, 'i') : undefined,
      },
      (m) =>
        console.error(
          `  ${m.scenario}: p50 ${fmt(m.p50)} ms, p99 ${fmt(m.p99)} ms, ${fmt(m.rps, 0)} req/s, ${m.failed} errors`,
        ),
    );
    const db = target.open();
    const create = measures.find((m) => m.scenario === 'create ticket');
    if (create) create.note = `${create.note ?? ''}, ${await checkRefs(db)}`;
    await db.destroy();
    return table(target.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', measures);
  } finally {
    await server.stop();
  }
}

async function main() {
  if (!args['no-build']) {
    await step('build the server (tsc)', () => {
      try {
        execFileSync(
          process.execPath,
          [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
          { cwd: root, stdio: 'inherit' },
        );
      } catch {
        console.error('tsc reported errors; the emitted JavaScript is used anyway');
      }
    });
  }
  const engines: DialectName[] = args.engine
    ? [args.engine as DialectName]
    : ['sqlite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  const tables: string[] = [];
  for (const engine of engines) {
    const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const target = engine === 'sqlite' ? sqliteTarget() : await postgresTarget(serverUrl);
    try {
      tables.push(await benchmark(target));
    } finally {
      await target.dispose();
    }
  }
  console.log(tables.join('\n'));
  console.log(
    `\nMachine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

await main();
