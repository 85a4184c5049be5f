import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DictionaryKind } from '../../common/tickets.js';
import type { Db } from '../db/database.js';
import type { Database, DictionaryEntriesTable, DictionaryEntryRow } from '../db/schema.js';

type Executor = Kysely<Database>;

/** The table and column that hold each kind's code: tickets for their classification, agenda events. */
const USED_BY = {
  'ticket-types': { table: 'tickets', column: 'type_code' },
  'ticket-categories': { table: 'tickets', column: 'category_code' },
  'ticket-severities': { table: 'tickets', column: 'severity_code' },
  'event-types': { table: 'events', column: 'type_code' },
} as const satisfies Record<DictionaryKind, { table: 'tickets' | 'events'; column: string }>;

/** Dictionary entries (SPEC 2.4): a small table, read whole and cached by the service. */
export function createDictionaryRepository(db: Db) {
  const k = db.kysely;
  return {
    all: (ex: Executor = k): Promise<DictionaryEntryRow[]> =>
      ex
        .selectFrom('dictionary_entries')
        .selectAll()
        .orderBy('kind')
        .orderBy('position')
        .orderBy('code')
        .execute(),

    listKind: (kind: DictionaryKind, ex: Executor = k): Promise<DictionaryEntryRow[]> =>
      ex
        .selectFrom('dictionary_entries')
        .selectAll()
        .where('kind', '=', kind)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    find: (kind: DictionaryKind, code: string, ex: Executor = k): Promise<DictionaryEntryRow | undefined> =>
      ex
        .selectFrom('dictionary_entries')
        .selectAll()
        .where('kind', '=', kind)
        .where('code', '=', code)
        .executeTakeFirst(),

    maxPosition: async (kind: DictionaryKind, ex: Executor = k): Promise<number> => {
      const r = await ex
        .selectFrom('dictionary_entries')
        .select((e) => e.fn.max('position').as('m'))
        .where('kind', '=', kind)
        .executeTakeFirst();
      return Number(r?.m ?? 0);
    },

    insert: (row: Insertable<DictionaryEntriesTable>, ex: Executor = k): Promise<DictionaryEntryRow> =>
      ex.insertInto('dictionary_entries').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (
      kind: DictionaryKind,
      code: string,
      patch: Updateable<DictionaryEntriesTable>,
      ex: Executor = k,
    ): Promise<DictionaryEntryRow | undefined> =>
      ex
        .updateTable('dictionary_entries')
        .set(patch)
        .where('kind', '=', kind)
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirst(),

    /** Leaves `keepCode` as the only default of its kind. */
    clearOtherDefaults: (kind: DictionaryKind, keepCode: string, at: string, ex: Executor = k) =>
      ex
        .updateTable('dictionary_entries')
        .set({ is_default: false, updated_at: at })
        .where('kind', '=', kind)
        .where('code', '!=', keepCode)
        .where('is_default', '=', true)
        .execute(),

    remove: (kind: DictionaryKind, code: string, ex: Executor = k) =>
      ex.deleteFrom('dictionary_entries').where('kind', '=', kind).where('code', '=', code).execute(),

    /**
     * Codes of `kind` that something refers to: tickets or agenda events, or (categories) a child category.
     * One EXISTS per entry stops at the first row found, so codes in use answer fast even on large tables.
     */
    usedCodes: async (kind: DictionaryKind, ex: Executor = k): Promise<Set<string>> => {
      const { table, column } = USED_BY[kind];
      const rows = await ex
        .selectFrom('dictionary_entries as d')
        .select('d.code')
        .where('d.kind', '=', kind)
        .where((e) =>
          e.or([
            e.exists(
              e
                .selectFrom(table)
                .select(sql.lit(1).as('one'))
                .where(sql.ref(`${table}.${column}`), '=', sql.ref('d.code')),
            ),
            ...(kind === 'ticket-categories'
              ? [
                  e.exists(
                    e
                      .selectFrom('dictionary_entries as c')
                      .select(sql.lit(1).as('one'))
                      .where('c.kind', '=', kind)
                      .whereRef('c.parent_code', '=', 'd.code'),
                  ),
                ]
              : []),
          ]),
        )
        .execute();
      return new Set(rows.map((r) => r.code));
    },

    /** Whether one code is referenced; run inside the delete's transaction. */
    isUsed: async (kind: DictionaryKind, code: string, ex: Executor = k): Promise<boolean> => {
      const { table, column } = USED_BY[kind];
      const row = await ex
        .selectFrom(table)
        .select(sql.lit(1).as('one'))
        .where(sql.ref(column), '=', code)
        .limit(1)
        .executeTakeFirst();
      if (row) return true;
      if (kind === 'ticket-categories') {
        const child = await ex
          .selectFrom('dictionary_entries')
          .select('id')
          .where('kind', '=', kind)
          .where('parent_code', '=', code)
          .limit(1)
          .executeTakeFirst();
        if (child) return true;
      }
      return false;
    },
  };
}

export type DictionaryRepository = ReturnType<typeof createDictionaryRepository>;
