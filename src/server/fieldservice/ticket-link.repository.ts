import type { Kysely } from 'kysely';
import type { LinkObjectType } from '../../common/schemas/ticket-link.schema.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database>;

/** A linked ticket: what objects list of it, and what visibility needs. */
export interface LinkedTicketRow {
  id: number;
  ref: string;
  subject: string;
  status: string;
  assignee_id: number | null;
}

export interface TicketLinkRow {
  object_type: string;
  object_id: number;
  created_at: string;
  created_by: number | null;
}

/** Links between tickets and interventions, proposals, events; and the ticket duration they drive. */
export function createTicketLinkRepository(db: Db) {
  const k = db.kysely;
  return {
    /** The tickets linked to each of `objectIds`, newest ticket first. */
    async ticketsOf(
      type: LinkObjectType,
      objectIds: readonly number[],
      ex: Executor = k,
    ): Promise<Map<number, LinkedTicketRow[]>> {
      const out = new Map<number, LinkedTicketRow[]>();
      if (objectIds.length === 0) return out;
      const rows = await ex
        .selectFrom('ticket_links as l')
        .innerJoin('tickets as t', 't.id', 'l.ticket_id')
        .select(['l.object_id', 't.id', 't.ref', 't.subject', 't.status', 't.assignee_id'])
        .where('l.object_type', '=', type)
        .where('l.object_id', 'in', [...objectIds])
        .orderBy('t.id', 'desc')
        .execute();
      for (const { object_id, ...t } of rows) {
        const list = out.get(object_id) ?? [];
        list.push(t);
        out.set(object_id, list);
      }
      return out;
    },

    /** Ticket ids linked to one object, in id order (the order tickets are locked in). */
    async ticketIdsOf(type: LinkObjectType, objectId: number, ex: Executor): Promise<number[]> {
      const rows = await ex
        .selectFrom('ticket_links')
        .select('ticket_id')
        .where('object_type', '=', type)
        .where('object_id', '=', objectId)
        .orderBy('ticket_id')
        .execute();
      return rows.map((r) => r.ticket_id);
    },

    /** Distinct third parties (null: none) of the tickets linked to one object. */
    async ticketThirdpartiesOf(
      type: LinkObjectType,
      objectId: number,
      ex: Executor,
    ): Promise<(number | null)[]> {
      const rows = await ex
        .selectFrom('ticket_links as l')
        .innerJoin('tickets as t', 't.id', 'l.ticket_id')
        .select('t.thirdparty_id')
        .distinct()
        .where('l.object_type', '=', type)
        .where('l.object_id', '=', objectId)
        .execute();
      return rows.map((r) => r.thirdparty_id);
    },

    /** Objects of `type` linked to a ticket (for the closeWithTicket job). */
    async objectIdsOf(ticketId: number, type: LinkObjectType, ex: Executor = k): Promise<number[]> {
      const rows = await ex
        .selectFrom('ticket_links')
        .select('object_id')
        .where('ticket_id', '=', ticketId)
        .where('object_type', '=', type)
        .orderBy('object_id')
        .execute();
      return rows.map((r) => r.object_id);
    },

    listOfTicket: (ticketId: number, ex: Executor = k): Promise<TicketLinkRow[]> =>
      ex
        .selectFrom('ticket_links')
        .select(['object_type', 'object_id', 'created_at', 'created_by'])
        .where('ticket_id', '=', ticketId)
        .orderBy('id')
        .execute(),

    exists: async (ticketId: number, type: LinkObjectType, objectId: number, ex: Executor) =>
      (await ex
        .selectFrom('ticket_links')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .where('object_type', '=', type)
        .where('object_id', '=', objectId)
        .executeTakeFirst()) !== undefined,

    insert: async (
      row: { ticketId: number; type: LinkObjectType; objectId: number; at: string; by: number | null },
      ex: Executor,
    ): Promise<void> => {
      await ex
        .insertInto('ticket_links')
        .values({
          ticket_id: row.ticketId,
          object_type: row.type,
          object_id: row.objectId,
          created_at: row.at,
          created_by: row.by,
        })
        .execute();
    },

    /** True when a link was there to remove. */
    remove: async (ticketId: number, type: LinkObjectType, objectId: number, ex: Executor) => {
      const r = await ex
        .deleteFrom('ticket_links')
        .where('ticket_id', '=', ticketId)
        .where('object_type', '=', type)
        .where('object_id', '=', objectId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    removeAllOf: (type: LinkObjectType, objectId: number, ex: Executor) =>
      ex
        .deleteFrom('ticket_links')
        .where('object_type', '=', type)
        .where('object_id', '=', objectId)
        .execute(),

    /**
     * Sets `duration_minutes` of each ticket to the sum of the lines of its linked interventions, in the
     * caller's transaction. Tickets whose sum moved get `updated_at` too, but not a new version: the
     * duration is derived, and a new version would make someone's open edit of the ticket fail as stale.
     */
    async recomputeDurations(ticketIds: readonly number[], now: string, ex: Executor): Promise<void> {
      if (ticketIds.length === 0) return;
      const ids = [...new Set(ticketIds)].sort((a, b) => a - b);
      const sums = await ex
        .selectFrom('ticket_links as tl')
        .innerJoin('intervention_lines as il', 'il.intervention_id', 'tl.object_id')
        .select(['tl.ticket_id', (eb) => eb.fn.sum<number>('il.duration_minutes').as('total')])
        .where('tl.object_type', '=', 'intervention')
        .where('tl.ticket_id', 'in', ids)
        .groupBy('tl.ticket_id')
        .execute();
      const total = new Map(sums.map((s) => [s.ticket_id, Number(s.total)]));
      for (const id of ids) {
        await ex
          .updateTable('tickets')
          .set({ duration_minutes: total.get(id) ?? 0, updated_at: now })
          .where('id', '=', id)
          .where('duration_minutes', '<>', total.get(id) ?? 0)
          .execute();
      }
    },
  };
}

export type TicketLinkRepository = ReturnType<typeof createTicketLinkRepository>;
