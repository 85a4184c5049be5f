import { sql, type CompiledQuery, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import { objectMaker } from '../db/sqlite-driver.js';
import type { KeysetPosition } from './ticket.list.cursor.js';
import { listItemJson, OVERDUE_FIRST_STANDIN, OVERDUE_REPLY_STANDIN } from './ticket.list.json.js';
import type { TicketFilter, TicketOrder } from './ticket.list.filter.js';
import {
  partsOf,
  SORT_KEYS,
  VIA_THIRDPARTY,
  where,
  type Eb,
  type ListContext,
  type Part,
} from './ticket.list.where.js';
import { overdueThresholds } from './ticket.overdue.js';
import type { TicketListItemRow } from './ticket.presenter.js';

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

/** A list row with the value it is sorted by, which the next page's cursor carries. */
export type ListRow = TicketListRow & { sort_value: string | number | null };
/** SQLite, a page of the API: the row's list item as JSON (ticket.list.json.ts), its id and sort value. */
export type ListItemRow = { id: number; item_json: string; sort_value: string | number | null };

/**
 * What a scan reads of each row: the whole row (the export, PostgreSQL's pages), the list item's JSON
 * (SQLite's pages), or the id and sort value alone (the scans of a merged page).
 */
type Columns = 'row' | 'item' | 'ids';

/** Ticket list queries (SPEC 2.7): keyset pages over the list indexes (their counts: ticket.list.count.repository.ts). */
export function createTicketListRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  // Built once (kysely builders are immutable): parsing the thirty column names was a twentieth of a page.
  const plainColumns = k.selectFrom('tickets as t').select(LIST_COLUMNS.map((c) => `t.${c}` as const));
  /** The list's columns of `t`, as SQL. */
  const columnRefs = sql.join(LIST_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  // SQLite: the id (the union of several scans orders by it), then the whole row as one JSON array, which
  // jsonRow below turns back into the row PostgreSQL answers. better-sqlite3 makes each of a page's ~800
  // values on its own, two thirds of the query; one string per row, parsed by V8, costs a third less.
  const jsonColumns = (from: 'tickets as t') =>
    k
      .selectFrom(from)
      .select([
        't.id',
        sql<string>`json_array(${columnRefs})`.as('row_json'),
      ]) as unknown as typeof plainColumns;
  const listColumns = pg ? plainColumns : jsonColumns('tickets as t');
  const thirdpartyColumns = pg ? plainColumns : jsonColumns(VIA_THIRDPARTY);
  const itemColumns = (from: 'tickets as t') =>
    k.selectFrom(from).select(['t.id', listItemJson.as('item_json')]) as unknown as typeof plainColumns;
  const listItems = itemColumns('tickets as t');
  const thirdpartyItems = itemColumns(VIA_THIRDPARTY);
  /** The columns above as SQL, for the rows of a merged page joined back by id (see compile). */
  const rowColumns = pg ? columnRefs : sql`t.id, json_array(${columnRefs}) AS row_json`;
  const itemRowColumns = sql`t.id, ${listItemJson} AS item_json`;
  /** SQLite: a row of the JSON arrays above, with its sort value, as the row PostgreSQL answers. */
  const fromJson = objectMaker(
    [...LIST_COLUMNS, 'sort_value'].map((name) => ({ name, boolean: name === 'is_open' })),
  ) as (values: unknown[]) => ListRow;
  const jsonRow = (r: { row_json: string; sort_value: string | number | null }): ListRow => {
    const values = JSON.parse(r.row_json) as unknown[];
    values.push(r.sort_value);
    return fromJson(values);
  };

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
    read: Columns,
  ) {
    const key = SORT_KEYS[o.sort];
    const dir = o.order === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
    const cmp = sql.raw(o.order === 'asc' ? '>' : '<');
    const via = ctx.viaThirdparty === true && !pg;
    const columns =
      read === 'ids'
        ? (k
            .selectFrom(via ? VIA_THIRDPARTY : 'tickets as t')
            .select('t.id') as unknown as typeof plainColumns)
        : read === 'item'
          ? via
            ? thirdpartyItems
            : listItems
          : via
            ? thirdpartyColumns
            : listColumns;
    let q = columns
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

  /**
   * Compiled list queries by their inputs, for lists asked again and again (the default page every
   * agent opens): the filter, order, position and limit decide the SQL and its parameters entirely, so
   * an identical request reuses them instead of building and compiling anew. Searches (raw SQL pieces)
   * and the overdue filter (which depends on the time) are always built.
   */
  const compiled = new Map<string, CompiledQuery<unknown>>();
  const COMPILED_MAX = 200;
  /**
   * A third party's lists differ from another's by its id alone: they are compiled with this stand-in in
   * its place (a parameter), which each run replaces by the id. A customer's Tickets tab would otherwise
   * build and compile its query anew for every customer (a tenth of its time).
   */
  const THIRDPARTY_STANDIN = -4_242_424_242;

  /**
   * SQLite, a search matching many tickets, the list by creation or reference: the matches nearest the
   * start of the walk, read straight from the full-text index in id order. A walk by creation checks
   * each row against the search; read whole, a frequent word's matches (tens of thousands) cost far more
   * than the page. Tickets are created in id order, give or take concurrent creations, so the walk meets
   * these ids first and stops before it leaves their range; a row outside it (a ticket whose creation
   * date does not follow its id) falls back to the whole search, so the answer is the same either way.
   */
  async function knownMatches(
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<ListContext> {
    const search = ctx.search;
    if (pg || ctx.viaThirdparty || !search || !('candidates' in search) || !search.streamsInIdOrder)
      return ctx;
    if (o.sort !== 'createdAt' && o.sort !== 'ref') return ctx;
    const desc = o.order === 'desc';
    // Twice the page: concurrent creations may swap a few neighbours' dates.
    const n = 2 * limit;
    const plain = { ...ctx, search: null };
    let q = k
      .selectFrom(sql<{ id: number }>`(${search.candidates})`.as('m'))
      .crossJoin('tickets as t')
      .select('m.id')
      .where((eb) => eb('t.id', '=', eb.ref('m.id')))
      .where((eb) =>
        eb.or(partsOf(f.statuses).map((part) => where(eb as unknown as Eb, part, f, plain, pg))),
      );
    // The walk resumes after the cursor's row: matches on its far side are left to the whole search.
    if (after) q = q.where('m.id', desc ? '<=' : '>=', after.id);
    const ids = (
      await q
        .orderBy('m.id', desc ? 'desc' : 'asc')
        .limit(n)
        .execute()
    ).map((r) => Number(r.id));
    // Fewer than asked: every filtered match up to the end of the ids is known.
    const edge = ids.length === n ? (ids[n - 1] ?? 0) : desc ? 0 : Number.MAX_SAFE_INTEGER;
    const start = after ? after.id : desc ? Number.MAX_SAFE_INTEGER : 0;
    const known = desc ? { from: edge, to: start, ids } : { from: start, to: edge, ids };
    return { ...ctx, search: { ...search, known } };
  }

  /** Rows after `after`, in the order asked for, at most `limit`, read as `columns` says. */
  async function scan(
    f: TicketFilter,
    o: TicketOrder,
    ctxIn: ListContext,
    after: KeysetPosition | null,
    limit: number,
    columns: Exclude<Columns, 'ids'>,
  ): Promise<unknown[]> {
    const ctx = await knownMatches(f, o, ctxIn, after, limit);
    const thirdpartyId = f.thirdpartyId;
    const shape = thirdpartyId === undefined ? f : { ...f, thirdpartyId: THIRDPARTY_STANDIN };
    const cacheKey =
      ctx.search === null && f.overdue === undefined && !f.search && !f.text
        ? JSON.stringify([shape, o, after, limit, ctx.viaThirdparty === true, columns])
        : undefined;
    const known = cacheKey === undefined ? undefined : compiled.get(cacheKey);
    const query = known ?? compile(shape, o, ctx, after, limit, columns);
    if (cacheKey !== undefined && !known) {
      if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value ?? '');
      compiled.set(cacheKey, query);
    }
    // The stand-ins of a compiled query take this run's values: the third party, the overdue thresholds.
    const thresholds = columns === 'item' ? overdueThresholds(ctx.delays, ctx.now) : null;
    const value = (p: unknown) =>
      p === THIRDPARTY_STANDIN
        ? thirdpartyId
        : p === OVERDUE_FIRST_STANDIN
          ? thresholds?.firstResponseBefore
          : p === OVERDUE_REPLY_STANDIN
            ? thresholds?.customerWaitingBefore
            : p;
    const { rows } = await k.executeQuery(
      thirdpartyId === undefined && thresholds === null
        ? query
        : { ...query, parameters: query.parameters.map(value) },
    );
    return rows;
  }

  /** Rows after `after`, in the order asked for, at most `limit`. */
  async function read(
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<ListRow[]> {
    const rows = await scan(f, o, ctx, after, limit, 'row');
    return pg ? (rows as ListRow[]) : (rows as Parameters<typeof jsonRow>[0][]).map(jsonRow);
  }

  function compile(
    f: TicketFilter,
    o: TicketOrder,
    ctx: ListContext,
    after: KeysetPosition | null,
    limit: number,
    columns: Exclude<Columns, 'ids'>,
  ): CompiledQuery<unknown> {
    const key = SORT_KEYS[o.sort];
    const inNulls = after !== null && key.nullable && after.value === null;
    const scans = partsOf(f.statuses).flatMap((part) => [
      ...(inNulls ? [] : [{ part, after, nulls: false }]),
      ...(key.nullable ? [{ part, after: inNulls ? after : null, nulls: true }] : []),
    ]);
    const [single] = scans;
    if (scans.length === 1 && single)
      return arm(single.part, f, o, ctx, single.after, single.nulls, limit, columns).compile();
    // Several scans (open and closed tickets; values then empty values) read ids and sort values only,
    // mostly from the index itself; merged and cut to the limit, only the page's rows are then read
    // whole. Reading every scan's rows whole read up to twice the page, and was half a Tickets tab.
    const union = sql.join(
      scans.map(
        (s, i) =>
          sql`SELECT * FROM (${arm(s.part, f, o, ctx, s.after, s.nulls, limit, 'ids')}) ${sql.raw(`a${i}`)}`,
      ),
      sql` UNION ALL `,
    );
    const order = (u: string) =>
      sql.raw(
        `(CASE WHEN ${u}.sort_value IS NULL THEN 1 ELSE 0 END), ${u}.sort_value ${o.order}, ${u}.id ${o.order}`,
      );
    return sql`
      SELECT ${columns === 'item' ? itemRowColumns : rowColumns}, p.sort_value
      FROM (SELECT * FROM (${union}) u ORDER BY ${order('u')} LIMIT ${sql.lit(limit)}) p
      CROSS JOIN tickets t
      WHERE t.id = p.id
      ORDER BY ${order('p')}`.compile(k);
  }

  return {
    read,

    /**
     * SQLite: rows after `after` as `read` finds them, each as its list item's JSON (ticket.list.json.ts),
     * for the pages of the API. PostgreSQL's pages use `read` and the presenter.
     */
    readItems: async (
      f: TicketFilter,
      o: TicketOrder,
      ctx: ListContext,
      after: KeysetPosition | null,
      limit: number,
    ): Promise<ListItemRow[]> => {
      if (pg) throw new Error('list items are written as JSON by SQLite only');
      return (await scan(f, o, ctx, after, limit, 'item')) as ListItemRow[];
    },
  };
}

export type TicketListRepository = ReturnType<typeof createTicketListRepository>;
