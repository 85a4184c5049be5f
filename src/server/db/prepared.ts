import { CompiledQuery, type Compilable, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.js';

/** Where each parameter of the compiled SQL comes from: an argument of the call, or a constant. */
type Slot = { arg: number } | { value: unknown };

/**
 * A query built and compiled by Kysely once, then run many times with new arguments: only the parameters
 * change. Building and compiling a query costs more than running it on an indexed lookup, and some
 * queries run on every request (resolving the session or API token). `build` receives one placeholder per
 * argument and must use each where the argument goes; other values in it stay constant.
 */
export function preparedQuery<Args extends readonly unknown[], Row>(
  kysely: Kysely<Database>,
  arity: Args['length'],
  build: (k: Kysely<Database>, ...placeholders: string[]) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const run = compileWithSlots<Args, Row>(kysely, arity, build);
  return (...args: Args) => run(kysely, args);
}

/**
 * Like preparedQuery, compiled at its first call, and run through the executor given with each call (a
 * command's transaction): for the statements of hot commands, which run while SQLite's write lock is held.
 */
export function preparedStatement<Args extends readonly unknown[], Row>(
  arity: Args['length'],
  build: (k: Kysely<Database>, ...placeholders: string[]) => Compilable<Row>,
): (ex: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  let run: ((ex: Kysely<Database>, args: Args) => Promise<Row[]>) | undefined;
  return (ex: Kysely<Database>, ...args: Args) => {
    run ??= compileWithSlots<Args, Row>(ex, arity, build);
    return run(ex, args);
  };
}

function compileWithSlots<Args extends readonly unknown[], Row>(
  kysely: Kysely<Database>,
  arity: number,
  build: (k: Kysely<Database>, ...placeholders: string[]) => Compilable<Row>,
): (ex: Kysely<Database>, args: Args) => Promise<Row[]> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000guichet-prepared-${i}\u0000`);
  const compiled = build(kysely, ...placeholders).compile();
  const slots: Slot[] = compiled.parameters.map((p) => {
    const i = placeholders.indexOf(p as string);
    return i >= 0 ? { arg: i } : { value: p };
  });
  for (let i = 0; i < arity; i++) {
    if (!slots.some((s) => 'arg' in s && s.arg === i))
      throw new Error(`prepared query: placeholder ${i} is not used in the query`);
  }
  return async (ex, args) => {
    const parameters = slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const result = await ex.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

/**
 * INSERTs into `table` compiled by Kysely once per shape (the columns given, the number of rows), then
 * run through any executor, a command's transaction included, with new values. A ticket command's
 * statements run while it holds SQLite's write lock: building and compiling them there cost more than
 * running them. `returning: 'all'` answers the rows written.
 */
export function preparedInsert<T extends keyof Database>(table: T, returning: 'all' | 'none') {
  type Row = Insertable<Database[T]>;
  type Written = Selectable<Database[T]>;
  const shapes = new Map<string, (ex: Kysely<Database>, args: unknown[]) => Promise<Written[]>>();
  const given = (row: Row) =>
    Object.keys(row).filter((c) => (row as Record<string, unknown>)[c] !== undefined);
  return async (ex: Kysely<Database>, rows: readonly Row[]): Promise<Written[]> => {
    const first = rows[0];
    if (!first) return [];
    const columns = given(first);
    for (const row of rows.slice(1)) {
      const own = given(row);
      if (own.length !== columns.length || own.some((c) => !columns.includes(c)))
        throw new Error(`prepared insert into ${table}: every row must give the same columns`);
    }
    const key = `${rows.length}:${columns.join(',')}`;
    let run = shapes.get(key);
    if (!run) {
      // One placeholder per value, row after row; the table's own types cannot be spelled here (T is any
      // table), so the placeholders stand for any value.
      run = compileWithSlots<unknown[], Written>(ex, rows.length * columns.length, (k, ...marks) => {
        const insert = (k as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .insertInto(table)
          .values(
            rows.map((_, i) => Object.fromEntries(columns.map((c, j) => [c, marks[i * columns.length + j]]))),
          );
        return returning === 'all' ? insert.returningAll() : insert;
      });
      shapes.set(key, run);
    }
    return run(
      ex,
      rows.flatMap((row) => columns.map((c) => (row as Record<string, unknown>)[c])),
    );
  };
}
