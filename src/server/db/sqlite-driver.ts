import type BetterSqlite3 from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteDialect,
  SqliteQueryCompiler,
  ValueNode,
  type DialectAdapter,
  type Driver,
  type LimitNode,
  type OffsetNode,
  type OperationNode,
  type QueryCompiler,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import { GroupCommitSqliteDriver } from './sqlite-group-commit.js';

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
  /** The statement changes nothing (a SELECT; not an INSERT … RETURNING). */
  readonly readonly: boolean;
}

/**
 * A function that makes the row object of a statement from the array better-sqlite3 returns in raw mode,
 * with `boolean` columns as true/false: one object literal of fixed shape, which V8 builds at once. The
 * objects better-sqlite3 makes itself get their properties one by one (slow, dictionary-mode objects past
 * a few dozen columns): on a list page of 26 tickets that was half the time of the query. Duplicate
 * names keep the last value, as better-sqlite3 does. Null when a column name could not be a plain key.
 */
function rowMaker(columns: BetterSqlite3.ColumnDefinition[]): ((values: unknown[]) => unknown) | null {
  return objectMaker(columns.map((c) => ({ name: c.name, boolean: c.type?.toLowerCase() === 'boolean' })));
}

/**
 * The object maker of rowMaker for fields known in advance (the ticket list reads its rows as JSON arrays
 * on SQLite): `a[i]` becomes the property `fields[i].name`, 1/0 become true/false for boolean fields.
 */
export function objectMaker(
  fields: readonly { name: string; boolean: boolean }[],
): ((values: unknown[]) => unknown) | null {
  if (fields.length === 0 || fields.some((f) => f.name === '__proto__')) return null;
  const props = fields.map((f, i) => {
    const v = `a[${i}]`;
    const value = f.boolean ? `(${v} === 1 ? true : ${v} === 0 ? false : ${v})` : v;
    // JSON.stringify quotes any name (the text of a query's aliases) as a valid property key.
    return `${JSON.stringify(f.name)}: ${value}`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from column names, quoted above
  return new Function('a', `return { ${props.join(', ')} };`) as (values: unknown[]) => unknown;
}

/** The rows of a statement left to better-sqlite3's objects (see rowMaker): booleans converted in place. */
function slowConverter(stmt: BetterSqlite3.Statement): (row: unknown) => unknown {
  const boolColumns = stmt.reader
    ? stmt
        .columns()
        .filter((c) => c.type?.toLowerCase() === 'boolean')
        .map((c) => c.name)
    : [];
  return (row: unknown): unknown => {
    if (boolColumns.length === 0 || row === null || typeof row !== 'object') return row;
    const r = row as Record<string, unknown>;
    for (const c of boolColumns) {
      const v = r[c];
      if (v === 0 || v === 1) r[c] = v === 1;
    }
    return r;
  };
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

  /** The read connection to the same file (openSqliteReader), whose statements are forgotten with these. */
  reader: WrappedSqlite | undefined;

  /** Statements carry column metadata; forget them after a schema change. */
  clearCache(): void {
    this.#cache.clear();
    this.reader?.clearCache();
  }

  prepare(sql: string): Prepared {
    const cached = this.#cache.get(sql);
    if (cached) return cached;
    const stmt = this.raw.prepare(sql);
    const make = stmt.reader ? rowMaker(stmt.columns()) : null;
    if (make) stmt.raw(true);
    const convert = make ? (row: unknown) => make(row as unknown[]) : slowConverter(stmt);
    const prepared: Prepared = {
      reader: stmt.reader,
      readonly: stmt.readonly,
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

/** A whole number, written into the SQL instead of bound (LiteralLimitCompiler). */
function literalCount(node: OperationNode): number | undefined {
  if (!ValueNode.is(node)) return undefined;
  const { value } = node;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * LIMIT and OFFSET as numbers in the SQL, not parameters. SQLite plans with the value of a bound LIMIT or
 * OFFSET (sqlite3ExprIsInteger), and so marks its statement to be prepared anew whenever that parameter
 * is bound: at every run. For a list page that was a third of its query (50 µs at a million tickets).
 * Pages are 1 to 200 rows, so the distinct statements stay few.
 */
class LiteralLimitCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const n = literalCount(node.limit);
    if (n === undefined) return super.visitLimit(node);
    this.append(`limit ${n}`);
  }

  protected override visitOffset(node: OffsetNode): void {
    const n = literalCount(node.offset);
    if (n === undefined) return super.visitOffset(node);
    this.append(`offset ${n}`);
  }
}

export class GuichetSqliteDialect extends SqliteDialect {
  readonly #database: WrappedSqlite;

  /**
   * `database`: the connection, and its read connection if it has one; this dialect turns their busy
   * timeout off (BusyRetryConnection waits).
   */
  constructor(config: SqliteDialectConfig & { database: WrappedSqlite }) {
    super(config);
    this.#database = config.database;
    config.database.raw.pragma('busy_timeout = 0');
    config.database.reader?.raw.pragma('busy_timeout = 0');
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.#database);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createQueryCompiler(): QueryCompiler {
    return new LiteralLimitCompiler();
  }
}
