import {
  sql,
  type CompiledQuery,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { OPEN_STATUSES, type TicketSort, type TicketStatus } from '../../common/tickets.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { KeysetPosition } from './ticket.list.cursor.js';
import { customFieldCondition } from './ticket.list.customfields.repository.js';
import type { TicketListItemRow } from './ticket.presenter.js';
import type { TicketFilter, TicketOrder } from './ticket.list.filter.js';
import { overdueThresholds, type OverdueDelays } from './ticket.overdue.js';

/** A ticket as the list reads it: what the list shows, and what deciding "overdue" needs. */
export type TicketListRow = TicketListItemRow;

const LIST_COLUMNS = [
  'id',
  'ref',
  'track_id',
  'subject',
  'type_code',
  'category_code',
  'severity_code',
  'status',
  'resolution',
  'is_open',
  'origin',
  'author_user_id',
  'author_email',
  'assignee_id',
  'assignee_name',
  'thirdparty_id',
  'thirdparty_name',
  'contact_id',
  'equipment_id',
  'progress',
  'duration_minutes',
  'custom_fields',
  'version',
  'first_response_at',
  'last_customer_message_at',
  'last_staff_message_at',
  'created_at',
  'updated_at',
  'read_at',
  'closed_at',
] as const satisfies readonly (keyof TicketListRow)[];

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
const OVERDUE_FIRST = sql.raw(`t.is_open = true AND t.status <> 'waiting' AND t.first_response_at IS NULL`);
const OVERDUE_REPLY = sql.raw(
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
    };

export interface ListContext {
  now: Date;
  delays: OverdueDelays;
  search: SearchUse | null;
}

/**
 * A list is read in "parts" that each follow one index: open tickets (`is_open` leads every list index)
 * and closed or deleted ones. Status subsets within a part are checked on the rows the index yields.
 */
interface Part {
  open: boolean;
  statuses: TicketStatus[] | null;
}

function partsOf(statuses: readonly TicketStatus[]): Part[] {
  const open = statuses.filter((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  const closed = statuses.filter((s) => s === 'closed' || s === 'deleted');
  const parts: Part[] = [];
  if (open.length > 0)
    parts.push({ open: true, statuses: open.length === OPEN_STATUSES.length ? null : open });
  if (closed.length > 0) parts.push({ open: false, statuses: closed.length === 2 ? null : closed });
  return parts;
}

type Eb = ExpressionBuilder<Database & { t: Database['tickets'] }, 't'>;

/** A list row with the value it is sorted by, which the next page's cursor carries. */
export type ListRow = TicketListRow & { sort_value: string | number | null };

/** The filter of one part, without search and keyset; `pg`: the engine (custom fields read JSON). */
function where(eb: Eb, part: Part, f: TicketFilter, ctx: ListContext, pg: boolean): Expression<SqlBool> {
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
  if (ctx.search && 'predicate' in ctx.search) c.push(ctx.search.predicate);
  return eb.and(c);
}

/** Ticket list queries (SPEC 2.7): keyset pages over the list indexes, counts that stay cheap. */
export function createTicketListRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  // Built once (kysely builders are immutable): parsing the thirty column names was a twentieth of a page.
  const listColumns = k.selectFrom('tickets as t').select(LIST_COLUMNS.map((c) => `t.${c}` as const));

  /**
   * One ordered, limited scan: a part of the list, and within it either the rows with a sort value or
   * the rows without one (listed last, whatever the order).
   */
  function arm(
    part: Part,
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    nulls: boolean,
    limit: number,
  ) {
    const key = SORT_KEYS[o.sort];
    const dir = o.order === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
    const cmp = sql.raw(o.order === 'asc' ? '>' : '<');
    let q = listColumns
      .select(sql<string | number | null>`${key.expr}`.as('sort_value'))
      .where((eb) => where(eb as unknown as Eb, part, f, ctx, pg));
    if (nulls) {
      q = q.where(sql<SqlBool>`${key.expr} IS NULL`);
      if (after) q = q.where(sql<SqlBool>`t.id ${cmp} ${after.id}`);
      return q.orderBy(sql`t.id ${dir}`).limit(limit);
    }
    if (key.nullable) q = q.where(sql<SqlBool>`${key.expr} IS NOT NULL`);
    if (o.sort === 'ref') {
      if (after) q = q.where(sql<SqlBool>`t.id ${cmp} ${after.id}`);
      return q.orderBy(sql`t.id ${dir}`).limit(limit);
    }
    if (after) q = q.where(sql<SqlBool>`(${key.expr}, t.id) ${cmp} (${after.value}, ${after.id})`);
    return q
      .orderBy(sql`${key.expr} ${dir}`)
      .orderBy(sql`t.id ${dir}`)
      .limit(limit);
  }

  /** Rows after `after`, in the order asked for, at most `limit`. */
  /**
   * Compiled list queries by their inputs, for lists asked again and again (the default page every
   * agent opens): the filter, order, position and limit decide the SQL and its parameters entirely, so
   * an identical request reuses them instead of building and compiling anew. Searches (raw SQL pieces)
   * and the overdue filter (which depends on the time) are always built.
   */
  const compiled = new Map<string, CompiledQuery<ListRow>>();
  const COMPILED_MAX = 200;

  async function read(
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<ListRow[]> {
    const cacheKey =
      ctx.search === null && f.overdue === undefined && !f.search && !f.text
        ? JSON.stringify([f, o, after, limit])
        : undefined;
    const known = cacheKey === undefined ? undefined : compiled.get(cacheKey);
    const query = known ?? compile(f, o, ctx, after, limit);
    if (cacheKey !== undefined && !known) {
      if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value ?? '');
      compiled.set(cacheKey, query);
    }
    return (await k.executeQuery(query)).rows;
  }

  function compile(
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    limit: number,
  ): CompiledQuery<ListRow> {
    const key = SORT_KEYS[o.sort];
    const inNulls = after !== null && key.nullable && after.value === null;
    const arms = partsOf(f.statuses).flatMap((part) => [
      ...(inNulls ? [] : [arm(part, f, o, ctx, after, false, limit)]),
      ...(key.nullable ? [arm(part, f, o, ctx, inNulls ? after : null, true, limit)] : []),
    ]);
    const [single] = arms;
    if (arms.length === 1 && single) return single.compile();
    // Several scans (open and closed tickets; values then empty values): merged, then cut to the limit.
    const dir = sql.raw(o.order === 'asc' ? 'ASC' : 'DESC');
    const union = sql.join(
      arms.map((a, i) => sql`SELECT * FROM (${a}) ${sql.raw(`a${i}`)}`),
      sql` UNION ALL `,
    );
    return sql<ListRow>`
      SELECT * FROM (${union}) u
      ORDER BY (CASE WHEN u.sort_value IS NULL THEN 1 ELSE 0 END), u.sort_value ${dir}, u.id ${dir}
      LIMIT ${limit}`.compile(k);
  }

  return {
    read,

    /**
     * Matching rows, counting no further than `cap`. With a search matching many tickets, SQLite walks
     * its matches as they stream out of the full-text index and checks each ticket, which stops early;
     * PostgreSQL's planner chooses between the same and reading the GIN index.
     */
    async countUpTo(f: TicketFilter, ctx: ListContext, cap: number): Promise<number> {
      const search = ctx.search && 'candidates' in ctx.search ? ctx.search : null;
      // Whole-word matches are a subset: if they alone reach the cap, so does the search.
      if (search?.whole && !pg) {
        const n = await countRows(f, { ...ctx, search: { ...search, candidates: search.whole } }, cap);
        if (n >= cap) return cap;
      }
      return countRows(f, ctx, cap);
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
    const plain = { ...ctx, search: search ? null : ctx.search };
    // Nothing but the search and whole parts of the list: the (is_open, id) index answers alone.
    const indexOnly = Object.keys(f).every((key) => key === 'statuses' || key === 'search' || key === 'text');
    let n = 0;
    for (const part of partsOf(f.statuses)) {
      if (search && !pg && indexOnly && part.statuses === null) {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (
          SELECT 1 FROM (${search.candidates}) m CROSS JOIN tickets AS t INDEXED BY tickets_list_ref_idx
          WHERE t.is_open = ${sql.lit(part.open)} AND t.id = m.id LIMIT ${cap - n}) c`.execute(k);
        n += Number(r.rows[0]?.n ?? 0);
        if (n >= cap) return cap;
        continue;
      }
      // Walks the candidates and checks each ticket, stopping at the cap. SQLite streams them out of
      // its full-text index; PostgreSQL reads its GIN index first (OFFSET 0 keeps the subquery whole,
      // so its planner cannot turn the count into a walk of the whole list index).
      const base = search
        ? k
            .selectFrom(sql<{ id: number }>`(${search.candidates}${pg ? sql` OFFSET 0` : sql``})`.as('m'))
            .crossJoin('tickets as t')
            .where((eb) => eb('t.id', '=', eb.ref('m.id')))
        : k.selectFrom('tickets as t');
      const inner = base
        .select(sql`1`.as('one'))
        .where((eb) => where(eb as unknown as Eb, part, f, plain, pg))
        .limit(cap - n);
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

export type TicketListRepository = ReturnType<typeof createTicketListRepository>;
