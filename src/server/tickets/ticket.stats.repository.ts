import { sql, type RawBuilder } from 'kysely';
import { TICKET_STATUSES, type TicketStatus } from '../../common/tickets.js';
import type { Db } from '../db/database.js';

/**
 * Same text as the partial indexes tickets_overdue_* of migration 2026-11-28b. SQLite's planner does
 * not pick them on its own without statistics, so its queries name them (INDEXED BY); every column read
 * is in them, so counting never visits the table.
 */
const OVERDUE_FIRST = `t.is_open = true AND t.status <> 'waiting' AND t.first_response_at IS NULL`;
const OVERDUE_REPLY = `t.is_open = true AND t.status <> 'waiting' AND t.last_customer_message_at IS NOT NULL AND (t.last_staff_message_at IS NULL OR t.last_staff_message_at < t.last_customer_message_at)`;

/** Counts for the home page (SPEC 2.8), read without scanning the tickets. */
export function createTicketStatsRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  const tickets = (index: string) => sql.raw(pg ? 'tickets t' : `tickets t INDEXED BY ${index}`);
  const count = async (query: RawBuilder<{ n: number }>) => Number((await query.execute(k)).rows[0]?.n ?? 0);

  return {
    /** Tickets per status, from the counters the triggers keep. */
    async byStatus(): Promise<Record<TicketStatus, number>> {
      const r = await sql<{ status: string; n: number }>`SELECT status, n FROM ticket_counts`.execute(k);
      const out = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
      for (const row of r.rows) if (row.status in out) out[row.status as TicketStatus] = Number(row.n);
      return out;
    },

    /** Per status, among the tickets a restricted agent sees (theirs and unassigned): counted. */
    async byStatusVisibleTo(userId: number): Promise<Record<TicketStatus, number>> {
      const rows = await k
        .selectFrom('tickets')
        .select(['status', (e) => e.fn.countAll<number>().as('n')])
        .where((eb) => eb.or([eb('assignee_id', '=', userId), eb('assignee_id', 'is', null)]))
        .groupBy('status')
        .execute();
      const out = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
      for (const row of rows) if (row.status in out) out[row.status as TicketStatus] = Number(row.n);
      return out;
    },

    /** Open tickets assigned to the user: a range of the assignee index. */
    myOpen: (userId: number) =>
      count(sql`SELECT count(*) AS n FROM tickets t WHERE t.assignee_id = ${userId} AND t.is_open = true`),

    /**
     * Overdue tickets (ticket.overdue.ts): late first answers, plus customers waiting too long whose
     * ticket is not already counted as a late first answer. `null` thresholds turn a rule off. Whole days
     * come from `ticket_overdue_days` (kept by triggers); the day of each threshold is counted exactly in
     * the partial indexes, so the cost does not grow with the number of overdue tickets.
     */
    async overdue(t: { firstResponseBefore: string | null; customerWaitingBefore: string | null }) {
      const days = (rule: string, before: string) =>
        count(
          sql`SELECT coalesce(sum(n), 0) AS n FROM ticket_overdue_days WHERE rule = ${rule} AND day < ${before.slice(0, 10)}`,
        );
      const dayStart = (instant: string) => `${instant.slice(0, 10)}T00:00:00.000Z`;
      const first = tickets('tickets_overdue_first_idx');
      const reply = tickets('tickets_overdue_reply_idx');
      const parts: Promise<number>[] = [];
      const { firstResponseBefore: t1, customerWaitingBefore: t2 } = t;
      if (t1) {
        parts.push(days('first', t1));
        parts.push(
          count(
            sql`SELECT count(*) AS n FROM ${first} WHERE ${sql.raw(OVERDUE_FIRST)} AND t.created_at >= ${dayStart(t1)} AND t.created_at < ${t1}`,
          ),
        );
      }
      if (t2) {
        parts.push(days('answered', t2));
        const recent = sql`t.last_customer_message_at >= ${dayStart(t2)} AND t.last_customer_message_at < ${t2}`;
        parts.push(
          count(
            sql`SELECT count(*) AS n FROM ${reply} WHERE ${sql.raw(OVERDUE_REPLY)} AND ${recent} AND t.first_response_at IS NOT NULL`,
          ),
        );
        if (t1) {
          // Never answered and waiting, but created too recently to be counted above.
          parts.push(
            count(sql`SELECT count(*) AS n FROM ${first} WHERE ${sql.raw(OVERDUE_FIRST)} AND t.created_at >= ${t1}
            AND t.last_customer_message_at IS NOT NULL AND (t.last_staff_message_at IS NULL OR t.last_staff_message_at < t.last_customer_message_at)
            AND t.last_customer_message_at < ${t2}`),
          );
        } else {
          parts.push(days('unanswered', t2));
          parts.push(
            count(
              sql`SELECT count(*) AS n FROM ${reply} WHERE ${sql.raw(OVERDUE_REPLY)} AND ${recent} AND t.first_response_at IS NULL`,
            ),
          );
        }
      }
      return (await Promise.all(parts)).reduce((a, b) => a + b, 0);
    },

    /** The same count among one agent's and unassigned tickets (setting "assignee only"): rows are read. */
    async overdueVisibleTo(
      t: { firstResponseBefore: string | null; customerWaitingBefore: string | null },
      userId: number,
    ) {
      const mine = sql`(t.assignee_id IS NULL OR t.assignee_id = ${userId})`;
      const rules: RawBuilder<unknown>[] = [];
      if (t.firstResponseBefore)
        rules.push(sql`(${sql.raw(OVERDUE_FIRST)} AND t.created_at < ${t.firstResponseBefore})`);
      if (t.customerWaitingBefore)
        rules.push(
          sql`(${sql.raw(OVERDUE_REPLY)} AND t.last_customer_message_at < ${t.customerWaitingBefore})`,
        );
      if (rules.length === 0) return 0;
      return count(
        sql`SELECT count(*) AS n FROM tickets t WHERE ${mine} AND (${sql.join(rules, sql` OR `)})`,
      );
    },

    /**
     * Recounts `ticket_counts`, `thirdparty_ticket_counts` and `ticket_overdue_days` from the tickets:
     * bulk loads (which set the triggers aside) and repairs. The rules must be the triggers' (migrations
     * 2026-11-28b and 2026-11-29).
     */
    async rebuildCounts(): Promise<void> {
      const day = (c: string) =>
        sql.raw(pg ? `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : `substr(${c}, 1, 10)`);
      await k.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('tickets')
          .select(['status', (e) => e.fn.countAll<number>().as('n')])
          .groupBy('status')
          .execute();
        await sql`UPDATE ticket_counts SET n = 0`.execute(trx);
        for (const r of rows) {
          await sql`UPDATE ticket_counts SET n = ${Number(r.n)} WHERE status = ${r.status}`.execute(trx);
        }
        await sql`DELETE FROM thirdparty_ticket_counts`.execute(trx);
        await sql`INSERT INTO thirdparty_ticket_counts (thirdparty_id, status, n)
          SELECT thirdparty_id, status, count(*) FROM tickets WHERE thirdparty_id IS NOT NULL
          GROUP BY thirdparty_id, status`.execute(trx);
        await sql`DELETE FROM ticket_overdue_days`.execute(trx);
        for (const [rule, when, column] of [
          ['first', sql.raw(OVERDUE_FIRST), 't.created_at'],
          [
            'answered',
            sql`${sql.raw(OVERDUE_REPLY)} AND t.first_response_at IS NOT NULL`,
            't.last_customer_message_at',
          ],
          [
            'unanswered',
            sql`${sql.raw(OVERDUE_REPLY)} AND t.first_response_at IS NULL`,
            't.last_customer_message_at',
          ],
        ] as const) {
          await sql`INSERT INTO ticket_overdue_days (rule, day, n)
            SELECT ${rule}, ${day(column)}, count(*) FROM tickets t WHERE ${when} GROUP BY ${day(column)}`.execute(
            trx,
          );
        }
      });
    },
  };
}

export type TicketStatsRepository = ReturnType<typeof createTicketStatsRepository>;
