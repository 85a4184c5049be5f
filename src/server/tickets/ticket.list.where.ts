import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { OPEN_STATUSES, type TicketSort, type TicketStatus } from '../../common/tickets.js';
import type { Database } from '../db/schema.js';
import { customFieldCondition } from './ticket.list.customfields.repository.js';
import type { TicketFilter } from './ticket.list.filter.js';
import { overdueThresholds, type OverdueDelays } from './ticket.overdue.js';

/*
 * The pieces of SQL every list query shares: sort keys, the parts of the list, and the filter of a part.
 */
/**
 * Sort keys, written exactly as in the list indexes of migration 2026-11-28b (the planners match index
 * expressions textually). `ref` follows the creation counter, which is the id order.
 */
const STATUS_RANK = sql.raw(
  `(CASE t.status WHEN 'unread' THEN 1 WHEN 'read' THEN 2 WHEN 'assigned' THEN 3 WHEN 'in_progress' THEN 4 WHEN 'waiting' THEN 5 WHEN 'closed' THEN 6 ELSE 7 END)`,
);
export const SORT_KEYS: Record<
  TicketSort,
  { expr: RawBuilder<unknown>; nullable: boolean; type: 'string' | 'number' }
> = {
  ref: { expr: sql.raw('t.id'), nullable: false, type: 'number' },
  subject: { expr: sql.raw('t.subject'), nullable: false, type: 'string' },
  status: { expr: STATUS_RANK, nullable: false, type: 'number' },
  severity: { expr: sql.raw('t.severity_rank'), nullable: false, type: 'number' },
  type: { expr: sql.raw('t.type_code'), nullable: false, type: 'string' },
  category: { expr: sql.raw('t.category_code'), nullable: false, type: 'string' },
  assignee: { expr: sql.raw('t.assignee_name'), nullable: true, type: 'string' },
  thirdparty: { expr: sql.raw('t.thirdparty_name'), nullable: true, type: 'string' },
  createdAt: { expr: sql.raw('t.created_at'), nullable: false, type: 'string' },
  updatedAt: { expr: sql.raw('t.updated_at'), nullable: false, type: 'string' },
};

/** Same text as the partial indexes tickets_overdue_* (SQLite matches partial index terms literally). */
export const OVERDUE_FIRST = sql.raw(
  `t.is_open = true AND t.status <> 'waiting' AND t.first_response_at IS NULL`,
);
export const OVERDUE_REPLY = sql.raw(
  `t.is_open = true AND t.status <> 'waiting' AND t.last_customer_message_at IS NOT NULL AND (t.last_staff_message_at IS NULL OR t.last_staff_message_at < t.last_customer_message_at)`,
);

/**
 * How a search takes part in a query: its few matching ids, read by primary key then sorted; or, when it
 * matches many, a condition checked on the rows an ordered index scan yields until the page is full.
 */
export type SearchUse =
  | { ids: number[] }
  | {
      predicate: RawBuilder<SqlBool>;
      candidates: RawBuilder<{ id: number }>;
      whole?: RawBuilder<{ id: number }>;
      /** `candidates` come out in id order, either way, without a sort (SQLite full-text tables). */
      streamsInIdOrder?: boolean;
      /** Every match of the list's filter whose id lies in `from`…`to` (see `knownMatches`). */
      known?: { from: number; to: number; ids: number[] };
    };

/** SQLite: the tickets table read through the third party's index (ListContext.viaThirdparty). */
export const VIA_THIRDPARTY = sql.raw(
  'tickets AS t INDEXED BY tickets_thirdparty_idx',
) as unknown as 'tickets as t';

export interface ListContext {
  now: Date;
  delays: OverdueDelays;
  search: SearchUse | null;
  /**
   * SQLite, a list of one third party's tickets, which are few (ticket.list.service.ts decides): its rows
   * are read through the third party's index and sorted, whatever the order. SQLite keeps no statistics
   * and would walk the sort's index over every open ticket instead, checking each.
   */
  viaThirdparty?: boolean;
}

/**
 * A list is read in "parts" that each follow one index: open tickets (`is_open` leads every list index)
 * and closed or deleted ones. Status subsets within a part are checked on the rows the index yields.
 */
export interface Part {
  open: boolean;
  statuses: TicketStatus[] | null;
}

export function partsOf(statuses: readonly TicketStatus[]): Part[] {
  const open = statuses.filter((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  const closed = statuses.filter((s) => s === 'closed' || s === 'deleted');
  const parts: Part[] = [];
  if (open.length > 0)
    parts.push({ open: true, statuses: open.length === OPEN_STATUSES.length ? null : open });
  if (closed.length > 0) parts.push({ open: false, statuses: closed.length === 2 ? null : closed });
  return parts;
}

export type Eb = ExpressionBuilder<Database & { t: Database['tickets'] }, 't'>;
/** The filter of one part, without search and keyset; `pg`: the engine (custom fields read JSON). */
export function where(
  eb: Eb,
  part: Part,
  f: TicketFilter,
  ctx: ListContext,
  pg: boolean,
): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [sql<SqlBool>`t.is_open = ${sql.lit(part.open)}`];
  if (part.statuses) c.push(eb('t.status', 'in', part.statuses));
  if (f.types) c.push(eb('t.type_code', 'in', f.types));
  if (f.categories) c.push(eb('t.category_code', 'in', f.categories));
  if (f.severities) c.push(eb('t.severity_code', 'in', f.severities));
  if (f.assigneeId === null) c.push(eb('t.assignee_id', 'is', null));
  else if (f.assigneeId !== undefined) c.push(eb('t.assignee_id', '=', f.assigneeId));
  if (f.thirdpartyId !== undefined) c.push(eb('t.thirdparty_id', '=', f.thirdpartyId));
  if (f.origins) c.push(eb('t.origin', 'in', f.origins));
  if (f.createdFrom) c.push(eb('t.created_at', '>=', f.createdFrom));
  if (f.createdBefore) c.push(eb('t.created_at', '<', f.createdBefore));
  if (f.updatedFrom) c.push(eb('t.updated_at', '>=', f.updatedFrom));
  if (f.updatedBefore) c.push(eb('t.updated_at', '<', f.updatedBefore));
  if (f.visibleToUserId !== undefined) {
    c.push(eb.or([eb('t.assignee_id', 'is', null), eb('t.assignee_id', '=', f.visibleToUserId)]));
  }
  if (f.overdue !== undefined) {
    const { firstResponseBefore: first, customerWaitingBefore: reply } = overdueThresholds(
      ctx.delays,
      ctx.now,
    );
    const rules: Expression<SqlBool>[] = [];
    if (first) rules.push(sql<SqlBool>`(${OVERDUE_FIRST} AND t.created_at < ${first})`);
    if (reply) rules.push(sql<SqlBool>`(${OVERDUE_REPLY} AND t.last_customer_message_at < ${reply})`);
    const any = rules.length > 0 ? eb.or(rules) : sql<SqlBool>`1 = 0`;
    c.push(f.overdue ? any : eb.not(any));
  }
  for (const cf of f.customFields ?? []) c.push(customFieldCondition(cf, pg));
  if (ctx.search && 'ids' in ctx.search) c.push(eb('t.id', 'in', ctx.search.ids));
  if (ctx.search && 'predicate' in ctx.search) {
    const { predicate, known } = ctx.search;
    // The same condition: inside the known range, membership of the known ids answers it.
    c.push(
      known
        ? sql<SqlBool>`(CASE WHEN t.id BETWEEN ${known.from} AND ${known.to}
            THEN t.id IN (SELECT value FROM json_each(${JSON.stringify(known.ids)})) ELSE ${predicate} END)`
        : predicate,
    );
  }
  return eb.and(c);
}
