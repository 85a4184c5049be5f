import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';

/**
 * better-sqlite3 knows no booleans and no dates. This thin layer lets the rest of the code use the same
 * values on SQLite as on PostgreSQL: `true`/`false` and `Date` parameters are bound as 1/0 and ISO text,
 * and columns declared `boolean` in the schema come back as `true`/`false`. It also keeps prepared
 * statements for reuse, which matters on hot list queries.
 */
const CACHE_SIZE = 500;

type Param = unknown;

function bindable(p: Param): Param {
  if (typeof p === 'boolean') return p ? 1 : 0;
  if (p instanceof Date) return p.toISOString();
  return p;
}

interface Prepared extends SqliteStatement {
  readonly reader: boolean;
}

export class WrappedSqlite implements SqliteDatabase {
  readonly raw: BetterSqlite3.Database;
  readonly #cache = new Map<string, Prepared>();

  constructor(raw: BetterSqlite3.Database) {
    this.raw = raw;
  }

  close(): void {
    this.#cache.clear();
    this.raw.close();
  }

  /** Statements carry column metadata; forget them after a schema change. */
  clearCache(): void {
    this.#cache.clear();
  }

  prepare(sql: string): Prepared {
    const cached = this.#cache.get(sql);
    if (cached) return cached;
    const stmt = this.raw.prepare(sql);
    const boolColumns = stmt.reader
      ? stmt
          .columns()
          .filter((c) => c.type?.toLowerCase() === 'boolean')
          .map((c) => c.name)
      : [];
    const convert = (row: unknown): unknown => {
      if (boolColumns.length === 0 || row === null || typeof row !== 'object') return row;
      const r = row as Record<string, unknown>;
      for (const c of boolColumns) {
        const v = r[c];
        if (v === 0 || v === 1) r[c] = v === 1;
      }
      return r;
    };
    const prepared: Prepared = {
      reader: stmt.reader,
      all: (params: ReadonlyArray<unknown>) => stmt.all(...params.map(bindable)).map(convert),
      run: (params: ReadonlyArray<unknown>) => stmt.run(...params.map(bindable)),
      iterate: (params: ReadonlyArray<unknown>) => {
        const it = stmt.iterate(...params.map(bindable));
        return (function* () {
          for (const row of it) yield convert(row);
        })();
      },
    };
    if (this.#cache.size >= CACHE_SIZE) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(sql, prepared);
    return prepared;
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite runs DDL inside transactions; saying so makes the migrator apply a whole batch atomically.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions take the write lock when they begin. A deferred transaction that reads, then writes, fails
 * at once with SQLITE_BUSY when another process wrote in between (the busy timeout does not apply to a
 * stale snapshot); taken up front, the lock is waited for. Several web processes share one database file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class GuichetSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
