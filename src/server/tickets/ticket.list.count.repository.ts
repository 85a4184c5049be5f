import { sql } from 'kysely';
import type { TicketStatus } from '../../common/tickets.js';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { TicketFilter } from './ticket.list.filter.js';
import { partsOf, VIA_THIRDPARTY, where, type Eb, type ListContext } from './ticket.list.where.js';

/**
 * The totals of the ticket list (SPEC 2.7): from the counters the triggers keep when the filter allows,
 * else counted up to a cap, which stays within a few milliseconds at a million tickets.
 */
export function createTicketCountRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  /** A third party's tickets per status, kept by triggers (migration 2026-11-29). */
  const statusCounts = preparedQuery<[number], { status: TicketStatus; n: number | string }>(
    k,
    1,
    (kk, thirdpartyId) =>
      kk
        .selectFrom('thirdparty_ticket_counts')
        .select(['status', 'n'])
        .where('thirdparty_id', '=', thirdpartyId as unknown as number)
        .where('n', '<>', 0),
  );

  return {
    /**
     * Matching rows, counting no further than `cap`. With a search matching many tickets, SQLite walks
     * its matches as they stream out of the full-text index and checks each ticket, which stops early;
     * PostgreSQL's planner chooses between the same and reading the GIN index.
     */
    async countUpTo(f: TicketFilter, ctx: ListContext, cap: number): Promise<number> {
      const search = ctx.search && 'candidates' in ctx.search ? ctx.search : null;
      // Whole-word matches are a subset: if they alone reach the cap, so does the search.
      if (search?.whole) {
        const n = await countRows(f, { ...ctx, search: { ...search, candidates: search.whole } }, cap);
        if (n >= cap) return cap;
      }
      return countRows(f, ctx, cap);
    },

    /** A third party's tickets by status, from the counts the triggers keep (no ticket is read). */
    async thirdpartyStatusCounts(thirdpartyId: number): Promise<Map<TicketStatus, number>> {
      const rows = await statusCounts(thirdpartyId);
      return new Map(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Tickets with these statuses, from the counters the triggers keep (no row is read). */
    async countByStatus(statuses: readonly TicketStatus[]): Promise<number> {
      const r = await sql<{ n: number | null }>`
        SELECT sum(n) AS n FROM ticket_counts WHERE status IN (${sql.join(statuses)})`.execute(k);
      return Number(r.rows[0]?.n ?? 0);
    },
  };

  /** Matching rows, counting no further than `cap` (countUpTo above says when). */
  async function countRows(f: TicketFilter, ctx: ListContext, cap: number): Promise<number> {
    const search = ctx.search && 'candidates' in ctx.search ? ctx.search : null;
    // The search's candidates are walked, each ticket checked against the rest of the filter; a third
    // party's few tickets are read through its index instead, each checked against the search as well.
    const walk = search && !ctx.viaThirdparty ? search : null;
    const checked = walk ? { ...ctx, search: null } : ctx;
    // Nothing but the search and whole parts of the list: the (is_open, id) index answers alone.
    const indexOnly = Object.keys(f).every((key) => key === 'statuses' || key === 'search' || key === 'text');
    // Each part counts up to the cap itself: the limit is one number written into the SQL (bound, SQLite
    // prepares the statement anew at every run: LiteralLimitCompiler), where one that shrank with the
    // parts before would make a new statement for each value.
    const limit = sql.lit(cap);
    let n = 0;
    for (const part of partsOf(f.statuses)) {
      if (search && !pg && indexOnly && part.statuses === null) {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (
          SELECT 1 FROM (${search.candidates}) m CROSS JOIN tickets AS t INDEXED BY tickets_list_ref_idx
          WHERE t.is_open = ${sql.lit(part.open)} AND t.id = m.id LIMIT ${limit}) c`.execute(k);
        n += Number(r.rows[0]?.n ?? 0);
        if (n >= cap) return cap;
        continue;
      }
      // Walks the candidates and checks each ticket, stopping at the cap. SQLite streams them out of
      // its full-text index; PostgreSQL reads its GIN index first (OFFSET 0 keeps the subquery whole,
      // so its planner cannot turn the count into a walk of the whole list index).
      const base = walk
        ? k
            .selectFrom(sql<{ id: number }>`(${walk.candidates}${pg ? sql` OFFSET 0` : sql``})`.as('m'))
            .crossJoin('tickets as t')
            .where((eb) => eb('t.id', '=', eb.ref('m.id')))
        : k.selectFrom(ctx.viaThirdparty && !pg ? VIA_THIRDPARTY : 'tickets as t');
      const inner = base
        .select(sql`1`.as('one'))
        .where((eb) => where(eb as unknown as Eb, part, f, checked, pg))
        .limit(limit);
      const r = await k
        .selectFrom(inner.as('c'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      n += Number(r?.n ?? 0);
      if (n >= cap) return cap;
    }
    return n;
  }
}

export type TicketCountRepository = ReturnType<typeof createTicketCountRepository>;
