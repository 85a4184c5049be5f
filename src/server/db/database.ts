import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';
import { GuichetSqliteDialect, WrappedSqlite } from './sqlite-driver.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** For SQLite only: the underlying connection (online backup, cache reset after migrations). */
  sqlite?: WrappedSqlite;
  destroy(): Promise<void>;
}

const PG_INT8 = 20;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;
const PG_NUMERIC = 1700;

/** Values come back as on SQLite: counts and ids as numbers, dates as ISO-8601 UTC strings. */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_INT8 || oid === PG_NUMERIC) return (v) => Number(v);
  if (oid === PG_TIMESTAMPTZ)
    return (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
  if (oid === PG_TIMESTAMP) return (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString();
  return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
}

export function openSqlite(file: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): WrappedSqlite {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // The server checkpoints from a thread of its own (sqlite-checkpointer.ts); a commit checkpoints only
  // when the log passes ~40 MB, as a backstop and so that the log can start over.
  raw.pragma('wal_autocheckpoint = 10000');
  return withSharedSetup(raw);
}

/**
 * What both connections of a process need: temporary b-trees in memory (triggers, sorts and search
 * scratch tables otherwise spill a file), and the SQL functions the queries use.
 */
function withSharedSetup(raw: BetterSqlite3.Database): WrappedSqlite {
  raw.pragma('temp_store = MEMORY');
  // SQLite's lower() knows ASCII letters only: the list's custom field filters ignore case as on PostgreSQL.
  raw.function('guichet_lower', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? s.toLowerCase() : s,
  );
  return new WrappedSqlite(raw);
}

/** SQLite maps at most this much of a file (its default SQLITE_MAX_MMAP_SIZE); more is read as usual. */
const READER_MMAP_BYTES = 2_147_418_112;

/**
 * The connection a process reads through outside transactions (GroupCommitSqliteDriver), the file mapped
 * into memory: a page read is then a memory access, not a system call and a copy, which is most of the
 * cost of rows scattered through a large file (a customer's tickets, a ticket page at random: a tenth
 * more requests per second at a million tickets). The writer keeps plain reads: SQLite drops the mapping
 * whenever another connection has committed, and on the writer that made ticket creation a third slower.
 * Undefined for a database in memory, which a second connection would not share.
 */
export function openSqliteReader(file: string): WrappedSqlite | undefined {
  if (file === ':memory:') return undefined;
  const raw = new BetterSqlite3(file);
  raw.pragma('query_only = ON');
  raw.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
  return withSharedSetup(raw);
}

export function createPgPool(url: string, opts: { max?: number; statementTimeoutMs?: number } = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 30000,
    options: '-c TimeZone=UTC',
    types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
  });
}

export function createDb(
  config: Pick<
    Config,
    'databaseUrl' | 'sqlitePath' | 'sqliteSynchronous' | 'pgPoolMax' | 'pgStatementTimeoutMs'
  >,
): Db {
  if (config.databaseUrl) {
    const pool = createPgPool(config.databaseUrl, {
      max: config.pgPoolMax,
      statementTimeoutMs: config.pgStatementTimeoutMs,
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', destroy: () => kysely.destroy() };
  }
  const sqlite = openSqlite(config.sqlitePath, config.sqliteSynchronous);
  sqlite.reader = openSqliteReader(config.sqlitePath);
  const kysely = new Kysely<Database>({ dialect: new GuichetSqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', sqlite, destroy: () => kysely.destroy() };
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
