import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ContactRow, ContactsTable, Database } from '../db/schema.js';
import { likePattern } from './thirdparty.repository.js';

type Executor = Kysely<Database>;

/** A contact with the name of its third party, as the presenter needs it. */
export type ContactWithThirdparty = ContactRow & { thirdparty_name: string };

export type ContactCursor = [name: string, id: number];

export interface ContactFilter {
  thirdpartyId?: number;
  q?: string;
}

function filter<O>(b: SelectQueryBuilder<Database, 'contacts' | 'thirdparties', O>, f: ContactFilter) {
  const like = f.q ? likePattern(f.q.toLowerCase()) : '';
  return b
    .$if(f.thirdpartyId !== undefined, (qb) => qb.where('contacts.thirdparty_id', '=', f.thirdpartyId ?? 0))
    .$if(Boolean(f.q), (qb) =>
      qb.where((e) =>
        e.or([
          e(sql`lower(contacts.name)`, 'like', sql<string>`${like} escape '\\'`),
          e('contacts.email_lower', 'like', sql<string>`${like} escape '\\'`),
        ]),
      ),
    );
}

/** Contacts: people at a third party. */
export function createContactRepository(db: Db) {
  const k = db.kysely;
  const withThirdparty = (ex: Executor) =>
    ex
      .selectFrom('contacts')
      .innerJoin('thirdparties', 'thirdparties.id', 'contacts.thirdparty_id')
      .selectAll('contacts')
      .select('thirdparties.name as thirdparty_name');

  return {
    findById: (id: number, ex: Executor = k): Promise<ContactWithThirdparty | undefined> =>
      withThirdparty(ex).where('contacts.id', '=', id).executeTakeFirst(),

    /** The oldest contact with this address (addresses are not unique between companies). */
    findByEmail: (emailLower: string, ex: Executor = k): Promise<ContactRow | undefined> =>
      ex
        .selectFrom('contacts')
        .selectAll()
        .where('email_lower', '=', emailLower)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),

    list: (
      q: ContactFilter & { after?: ContactCursor; limit: number },
      ex: Executor = k,
    ): Promise<ContactWithThirdparty[]> =>
      filter(withThirdparty(ex), q)
        .$if(q.after !== undefined, (b) => {
          const [name, id] = q.after ?? ['', 0];
          return b.where((e) =>
            e.or([
              e('contacts.name', '>', name),
              e.and([e('contacts.name', '=', name), e('contacts.id', '>', id)]),
            ]),
          );
        })
        .orderBy('contacts.name')
        .orderBy('contacts.id')
        .limit(q.limit)
        .execute(),

    count: async (f: ContactFilter, ex: Executor = k): Promise<number> => {
      const r = await filter(
        ex
          .selectFrom('contacts')
          .innerJoin('thirdparties', 'thirdparties.id', 'contacts.thirdparty_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<ContactsTable>, ex: Executor = k): Promise<ContactRow> =>
      ex.insertInto('contacts').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (id: number, patch: Updateable<ContactsTable>, ex: Executor = k) =>
      ex.updateTable('contacts').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),

    /** Tickets keep their history; their contact link is cleared (foreign key ON DELETE SET NULL). */
    remove: (id: number, ex: Executor = k) => ex.deleteFrom('contacts').where('id', '=', id).execute(),
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
