import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
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
  return async (...args: Args): Promise<Row[]> => {
    const parameters = slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const result = await kysely.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
