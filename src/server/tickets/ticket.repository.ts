import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { preparedInsert, preparedStatement } from '../db/prepared.js';
import type { Database, NewTicketRow, TicketRow, TicketUpdate } from '../db/schema.js';

type Executor = Kysely<Database>;

/** A ticket row with the names the full ticket shows and the list does not need. */
export interface TicketDetailRow extends TicketRow {
  author_name: string | null;
  contact_name: string | null;
}

/** Tickets and their reference counter. Writes take the executor of the command's transaction. */
export function createTicketRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  // Compiled once: they run in the creation's transaction, while SQLite's write lock is held.
  const insertTickets = preparedInsert('tickets', 'all');
  const bumpCounter = preparedStatement<[string], { value: number }>(1, (ex, name) =>
    ex
      .insertInto('counters')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
      .returning('value'),
  );
  return {
    /**
     * Next value of a named counter, created at 1. The upsert takes the row lock on PostgreSQL until the
     * transaction ends (SQLite has one writer at a time), so concurrent creations get distinct values.
     */
    nextCounter: async (name: string, ex: Executor): Promise<number> => {
      const [row] = await bumpCounter(ex, name);
      if (!row) throw new Error(`counter ${name}: no value returned`);
      return Number(row.value);
    },

    insert: async (row: NewTicketRow, ex: Executor): Promise<TicketRow> => {
      const [inserted] = await insertTickets(ex, [row]);
      if (!inserted) throw new Error('ticket insert: no row returned');
      return inserted;
    },

    findById: (id: number, ex: Executor = k): Promise<TicketRow | undefined> =>
      ex.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Locks the row on PostgreSQL so that two commands on one ticket run one after the other. */
    findForUpdate: (id: number, ex: Executor): Promise<TicketRow | undefined> =>
      ex
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', id)
        .$if(pg, (qb) => qb.forUpdate())
        .executeTakeFirst(),

    findDetail: (id: number, ex: Executor = k): Promise<TicketDetailRow | undefined> =>
      ex
        .selectFrom('tickets as t')
        .leftJoin('users as au', 'au.id', 't.author_user_id')
        .leftJoin('contacts as c', 'c.id', 't.contact_id')
        .selectAll('t')
        .select(['au.name as author_name', 'c.name as contact_name'])
        .where('t.id', '=', id)
        .executeTakeFirst(),

    /** Applies a change and bumps the version, only if nobody changed the ticket since `expectedVersion`. */
    update: (id: number, expectedVersion: number, patch: TicketUpdate, ex: Executor) =>
      ex
        .updateTable('tickets')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst(),

    /** Purge: history, messages and document rows go with it (ON DELETE CASCADE). */
    remove: (id: number, ex: Executor) => ex.deleteFrom('tickets').where('id', '=', id).execute(),

    documentShas: async (ticketId: number, ex: Executor): Promise<string[]> => {
      const rows = await ex
        .selectFrom('documents')
        .select('sha256')
        .distinct()
        .where('ticket_id', '=', ticketId)
        .orderBy('sha256')
        .execute();
      return rows.map((r) => r.sha256);
    },

    /** Copies the third party's current name onto its tickets; rows already right are left alone. */
    syncThirdpartyName: async (thirdpartyId: number): Promise<number> => {
      const name = k.selectFrom('thirdparties').select('name').where('id', '=', thirdpartyId);
      const r = await k
        .updateTable('tickets')
        .set({ thirdparty_name: name })
        .where('thirdparty_id', '=', thirdpartyId)
        .where((eb) => eb('thirdparty_name', 'is distinct from', name))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    syncAssigneeName: async (userId: number): Promise<number> => {
      const name = k.selectFrom('users').select('name').where('id', '=', userId);
      const r = await k
        .updateTable('tickets')
        .set({ assignee_name: name })
        .where('assignee_id', '=', userId)
        .where((eb) => eb('assignee_name', 'is distinct from', name))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** One statement per severity: the dictionary is small, the tickets table may not be. */
    syncSeverityRanks: async (ranks: ReadonlyMap<string, number>): Promise<number> => {
      let n = 0;
      await k.transaction().execute(async (trx) => {
        for (const [code, rank] of ranks) {
          const r = await trx
            .updateTable('tickets')
            .set({ severity_rank: rank })
            .where('severity_code', '=', code)
            .where('severity_rank', '<>', rank)
            .executeTakeFirst();
          n += Number(r.numUpdatedRows);
        }
      });
      return n;
    },
  };
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
