import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CustomFieldRow, CustomFieldsTable, Database } from '../db/schema.js';

type Executor = Kysely<Database>;

/** Custom field definitions (SPEC 2.5): a short table, read whole and cached (customfield.cache.ts). */
export function createCustomFieldRepository(db: Db) {
  const k = db.kysely;
  return {
    /** Every definition, active or not, by position (ties by id). */
    all: (ex: Executor = k): Promise<CustomFieldRow[]> =>
      ex.selectFrom('custom_fields').selectAll().orderBy('position').orderBy('id').execute(),

    find: (id: number, ex: Executor = k): Promise<CustomFieldRow | undefined> =>
      ex.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst(),

    findByKey: (key: string, ex: Executor = k): Promise<CustomFieldRow | undefined> =>
      ex.selectFrom('custom_fields').selectAll().where('key', '=', key).executeTakeFirst(),

    maxPosition: async (ex: Executor = k): Promise<number> => {
      const r = await ex
        .selectFrom('custom_fields')
        .select((e) => e.fn.max('position').as('m'))
        .executeTakeFirst();
      return Number(r?.m ?? 0);
    },

    insert: (row: Insertable<CustomFieldsTable>, ex: Executor = k): Promise<CustomFieldRow> =>
      ex.insertInto('custom_fields').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (
      id: number,
      patch: Updateable<CustomFieldsTable>,
      ex: Executor = k,
    ): Promise<CustomFieldRow | undefined> =>
      ex.updateTable('custom_fields').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),

    /** Positions 10, 20, 30… in the order of `ids`; only the rows that move are written. */
    async setOrder(ids: readonly number[], current: readonly CustomFieldRow[], at: string, ex: Executor) {
      const byId = new Map(current.map((r) => [r.id, r]));
      for (const [i, id] of ids.entries()) {
        const position = (i + 1) * 10;
        if (byId.get(id)?.position === position) continue;
        await ex
          .updateTable('custom_fields')
          .set({ position, updated_at: at })
          .where('id', '=', id)
          .execute();
      }
    },
  };
}

export type CustomFieldRepository = ReturnType<typeof createCustomFieldRepository>;
