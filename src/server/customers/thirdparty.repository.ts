import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import { OPEN_STATUSES } from '../../common/tickets.js';
import type { Db } from '../db/database.js';
import type { Database, ThirdpartiesTable, ThirdpartyRow } from '../db/schema.js';
import { foldForSearch } from '../text/rich-text.js';

type Executor = Kysely<Database>;

/** Where the list resumes: the folded name and id of the last row of the previous page. */
export type ThirdpartyCursor = [nameFolded: string, id: number];

/** `%…%` with LIKE wildcards escaped, for a case-folded search term. */
export function likePattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Name (accent- and case-insensitive through name_folded), code and email. */
function search<O>(b: SelectQueryBuilder<Database, 'thirdparties', O>, q: string | undefined) {
  if (!q) return b;
  const folded = likePattern(foldForSearch(q));
  const lower = likePattern(q.toLowerCase());
  return b.where((e) =>
    e.or([
      e('name_folded', 'like', sql<string>`${folded} escape '\\'`),
      e(sql`lower(code)`, 'like', sql<string>`${lower} escape '\\'`),
      e('email_lower', 'like', sql<string>`${lower} escape '\\'`),
    ]),
  );
}

/** Third parties (customer companies). */
export function createThirdpartyRepository(db: Db) {
  const k = db.kysely;
  return {
    findById: (id: number, ex: Executor = k): Promise<ThirdpartyRow | undefined> =>
      ex.selectFrom('thirdparties').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Codes are unique whatever their case: `ACME` and `acme` would confuse people. */
    findByCode: (code: string, ex: Executor = k): Promise<ThirdpartyRow | undefined> =>
      ex
        .selectFrom('thirdparties')
        .selectAll()
        .where(sql`lower(code)`, '=', code.toLowerCase())
        .executeTakeFirst(),

    findByEmail: (emailLower: string, ex: Executor = k): Promise<ThirdpartyRow | undefined> =>
      ex
        .selectFrom('thirdparties')
        .selectAll()
        .where('email_lower', '=', emailLower)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),

    /** One page in name order (name_folded, id: the thirdparties_name_idx index). */
    list: (
      q: { q?: string; after?: ThirdpartyCursor; limit: number },
      ex: Executor = k,
    ): Promise<ThirdpartyRow[]> =>
      search(ex.selectFrom('thirdparties').selectAll(), q.q)
        .$if(q.after !== undefined, (b) => {
          const [name, id] = q.after ?? ['', 0];
          return b.where((e) =>
            e.or([e('name_folded', '>', name), e.and([e('name_folded', '=', name), e('id', '>', id)])]),
          );
        })
        .orderBy('name_folded')
        .orderBy('id')
        .limit(q.limit)
        .execute(),

    count: async (q: { q?: string }, ex: Executor = k): Promise<number> => {
      const r = await search(
        ex.selectFrom('thirdparties').select((e) => e.fn.countAll().as('n')),
        q.q,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Contacts and open tickets of each third party, in two grouped queries for a whole page. */
    async counts(ids: number[], ex: Executor = k) {
      const contacts = new Map<number, number>();
      const open = new Map<number, number>();
      if (ids.length === 0) return { contacts, open };
      const [c, t] = await Promise.all([
        ex
          .selectFrom('contacts')
          .select(['thirdparty_id', (e) => e.fn.countAll().as('n')])
          .where('thirdparty_id', 'in', ids)
          .groupBy('thirdparty_id')
          .execute(),
        // The counts by status the triggers keep (migration 2026-11-29): no ticket is read.
        ex
          .selectFrom('thirdparty_ticket_counts')
          .select(['thirdparty_id', (e) => e.fn.sum<number>('n').as('n')])
          .where('thirdparty_id', 'in', ids)
          .where('status', 'in', OPEN_STATUSES)
          .groupBy('thirdparty_id')
          .execute(),
      ]);
      for (const r of c) contacts.set(r.thirdparty_id, Number(r.n));
      for (const r of t) if (Number(r.n) > 0) open.set(r.thirdparty_id, Number(r.n));
      return { contacts, open };
    },

    insert: (row: Insertable<ThirdpartiesTable>, ex: Executor = k): Promise<ThirdpartyRow> =>
      ex.insertInto('thirdparties').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (id: number, patch: Updateable<ThirdpartiesTable>, ex: Executor = k) =>
      ex.updateTable('thirdparties').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),

    hasTickets: async (id: number, ex: Executor = k): Promise<boolean> =>
      (await ex
        .selectFrom('tickets')
        .select('id')
        .where('thirdparty_id', '=', id)
        .limit(1)
        .executeTakeFirst()) !== undefined,

    /**
     * Locks the row until the transaction ends (PostgreSQL; SQLite runs one write at a time). A concurrent
     * insert that references it (its foreign key check takes a key-share lock) then waits for the delete
     * and fails, instead of being removed by the cascade after the in-use check has passed.
     */
    lockForDelete: async (id: number, ex: Executor): Promise<void> => {
      await ex
        .selectFrom('thirdparties')
        .select('id')
        .where('id', '=', id)
        .$if(db.dialect === 'postgres', (qb) => qb.forUpdate())
        .executeTakeFirst();
    },

    /**
     * How many field-service objects (SPEC 6) belong to it. Their foreign keys cascade, so deleting it
     * would silently destroy them: the service refuses while any exist. Read here, on the tables, like
     * `hasTickets`, so the customers domain needs nothing from the field-service code.
     */
    fieldserviceUsage: async (id: number, ex: Executor = k) => {
      const n = (table: 'contracts' | 'equipment' | 'interventions' | 'proposals') =>
        ex
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .where('thirdparty_id', '=', id)
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
      // One after the other: inside a transaction, SQLite and a pg client run one query at a time anyway.
      const contracts = await n('contracts');
      const equipment = await n('equipment');
      const interventions = await n('interventions');
      const proposals = await n('proposals');
      return { contracts, equipment, interventions, proposals };
    },

    /** Its contacts go with it (foreign key ON DELETE CASCADE). */
    remove: (id: number, ex: Executor = k) => ex.deleteFrom('thirdparties').where('id', '=', id).execute(),
  };
}

export type ThirdpartyRepository = ReturnType<typeof createThirdpartyRepository>;
