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

/** Where each value of a prepared INSERT goes: the row (in order) and column of its parameter. */
type RowSlot = { row: number; column: string } | { value: unknown };

/**
 * INSERTs into `table` compiled by Kysely once per shape (the columns given, the number of rows), then
 * run through any executor, a command's transaction included, with new values. A ticket command's
 * statements run while it holds SQLite's write lock: building and compiling them there cost more than
 * running them. `returning: 'all'` answers the rows written.
 */
export function preparedInsert<T extends keyof Database>(table: T, returning: 'all' | 'none') {
  type Row = Insertable<Database[T]>;
  const shapes = new Map<string, { sql: string; slots: RowSlot[] }>();
  const mark = (row: number, column: string) => `\u0000guichet-insert-${row}-${column}\u0000`;
  return async (ex: Kysely<Database>, rows: readonly Row[]): Promise<Selectable<Database[T]>[]> => {
    const first = rows[0];
    if (!first) return [];
    const columns = Object.keys(first).filter((c) => (first as Record<string, unknown>)[c] !== undefined);
    const key = `${rows.length}:${columns.join(',')}`;
    let shape = shapes.get(key);
    if (!shape) {
      const marked = rows.map((_, i) => Object.fromEntries(columns.map((c) => [c, mark(i, c)])));
      // The table's own types cannot be spelled here (T is any table): the marks stand for any value.
      const insert = (ex as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto(table)
        .values(marked);
      const compiled = (returning === 'all' ? insert.returningAll() : insert).compile();
      const where = new Map(rows.flatMap((_, i) => columns.map((c) => [mark(i, c), { row: i, column: c }])));
      shape = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) => where.get(p as string) ?? { value: p }),
      };
      shapes.set(key, shape);
    }
    for (const row of rows.slice(1)) {
      const given = Object.keys(row).filter((c) => (row as Record<string, unknown>)[c] !== undefined);
      if (given.length !== columns.length || given.some((c) => !columns.includes(c)))
        throw new Error(`prepared insert into ${table}: every row must give the same columns`);
    }
    const parameters = shape.slots.map((s) =>
      'row' in s ? (rows[s.row] as Record<string, unknown>)[s.column] : s.value,
    );
    const result = await ex.executeQuery<Selectable<Database[T]>>(CompiledQuery.raw(shape.sql, parameters));
    return result.rows;
  };
}
