import type { TicketListItem, TicketListQuery } from '../../common/schemas/ticket.schema.js';
import { TICKET_STATUSES, type TicketStatus } from '../../common/tickets.js';
import { can, requirePermission, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db } from '../db/database.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createCursorCodec, type CursorState } from './ticket.list.cursor.js';
import { readTicketQuery, type TicketFilter, type TicketOrder } from './ticket.list.filter.js';
import { createTicketCountRepository } from './ticket.list.count.repository.js';
import { JsonItems, type ListPageOut } from './ticket.list.json.js';
import {
  createTicketListRepository,
  type ListItemRow,
  type ListRow,
  type TicketListRow,
} from './ticket.list.repository.js';
import { SORT_KEYS, type ListContext } from './ticket.list.where.js';
import { presentListRows } from './ticket.list.presenter.js';
import { createTicketSearchRepository } from './ticket.search.repository.js';
import type { CustomFieldDefinitions } from './ticket.customfields.js';

/**
 * Totals are exact when they come from the status counters (the default list, any status filter alone).
 * With any other filter or a search they count at most this many rows: "1,000+" is what a person needs,
 * and counting further would cost more than the page itself at a million tickets.
 */
export const TOTAL_CAP = 1000;
/**
 * A search with fewer candidates than this reads them first and sorts them (a few hundred row reads);
 * with more, the ordered index scan stops at the first page's worth of matches.
 */
export const DRIVING_BELOW = 1000;

/** A list request once understood: what to read, in which order, with what context. */
export interface PreparedList {
  filter: TicketFilter;
  order: TicketOrder;
  ctx: ListContext;
  /** Nothing can match: a search without a letter or digit, or whose words are in no ticket. */
  empty: boolean;
  /** SQLite: the filtered third party's tickets by status. */
  thirdpartyCounts?: Map<TicketStatus, number>;
}

/** A third party's tickets with these statuses, from its counts by status. */
const ticketsIn = (counts: Map<TicketStatus, number>, statuses: readonly TicketStatus[]) =>
  statuses.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0);

/** GET /tickets and its CSV export (SPEC 2.7). */
export function createTicketListService(deps: {
  db: Db;
  clock: Clock;
  settings: Pick<SettingsService, 'all'>;
  secrets: Pick<SecretBox, 'sign'>;
  customFieldDefs: CustomFieldDefinitions;
}) {
  const { db, clock, settings } = deps;
  const list = createTicketListRepository(db);
  const totals = createTicketCountRepository(db);
  const search = createTicketSearchRepository(db);
  const cursors = createCursorCodec(deps.secrets.sign);

  async function prepare(actor: Actor, query: TicketListQuery): Promise<PreparedList> {
    // The definitions are read only when the query filters custom fields (the hot default list does not).
    const fields = Object.keys(query).some((key) => key.startsWith('cf.'))
      ? await deps.customFieldDefs.definitions()
      : [];
    const { filter, order } = readTicketQuery(query, actor, fields);
    const s = await settings.all();
    if (s['tickets.visibleToAssigneeOnly'] && !can(actor, 'ticket.manage'))
      filter.visibleToUserId = actor.userId;
    const ctx: ListContext = {
      now: clock.now(),
      delays: {
        delayFirstResponseHours: s['tickets.delayFirstResponseHours'],
        delaySinceLastResponseHours: s['tickets.delaySinceLastResponseHours'],
      },
      search: null,
    };
    // SQLite reads a third party's few tickets through its own index (ListContext.viaThirdparty); its
    // counts by status (kept by triggers) say whether they are few, and give its Tickets tab's total.
    const thirdpartyCounts =
      filter.thirdpartyId !== undefined && db.dialect === 'sqlite'
        ? await totals.thirdpartyStatusCounts(filter.thirdpartyId)
        : undefined;
    if (thirdpartyCounts) ctx.viaThirdparty = ticketsIn(thirdpartyCounts, TICKET_STATUSES) < DRIVING_BELOW;
    // The index first takes in what was written since the last search: then the plan sees its words.
    if (filter.search || filter.text) await search.catchUp();
    const plan = await search.plan(filter);
    if (plan === null) return { filter, order, ctx, empty: true, thirdpartyCounts };
    if (plan) {
      // Few matches: read them by id, then sort. Many: walk the list index and check each row.
      const ids = (await search.mayBeFew(plan, DRIVING_BELOW))
        ? await search.firstIds(plan, DRIVING_BELOW)
        : null;
      if (ids && ids.length === 0) return { filter, order, ctx, empty: true };
      ctx.search =
        ids && ids.length < DRIVING_BELOW
          ? { ids: [...new Set(ids)] }
          : {
              predicate: plan.predicate,
              candidates: plan.ids,
              ...(plan.whole ? { whole: plan.whole } : {}),
              ...(plan.streamsInIdOrder ? { streamsInIdOrder: true } : {}),
            };
    }
    return { filter, order, ctx, empty: false, thirdpartyCounts };
  }

  /** Only statuses: the counters answer exactly without reading a row. */
  const statusOnly = (f: TicketFilter) => Object.keys(f).every((key) => key === 'statuses');
  /** Only a third party and statuses: its counts by status answer exactly (a customer's Tickets tab). */
  const thirdpartyOnly = (f: TicketFilter) =>
    Object.keys(f).every((key) => key === 'statuses' || key === 'thirdpartyId');

  const present = (rows: TicketListRow[], ctx: ListContext) => presentListRows(rows, ctx);

  /**
   * A page of the API: on SQLite each row comes as its item's JSON, written by the query
   * (ticket.list.json.ts); on PostgreSQL as a row, presented here.
   */
  const sqlite = db.dialect === 'sqlite';
  const readPage = (p: PreparedList, after: CursorState['after'] | null, limit: number) =>
    sqlite
      ? list.readItems(p.filter, p.order, p.ctx, after, limit)
      : list.read(p.filter, p.order, p.ctx, after, limit);
  const items = (rows: (ListItemRow | ListRow)[], ctx: ListContext) =>
    sqlite ? new JsonItems((rows as ListItemRow[]).map((r) => r.item_json)) : present(rows as ListRow[], ctx);

  /** The first page and its total: exact from the counters for statuses alone, else counted up to a cap. */
  async function firstPage(p: PreparedList, limit: number) {
    const rows = await readPage(p, null, limit + 1);
    if (statusOnly(p.filter))
      return { rows, total: await totals.countByStatus(p.filter.statuses), totalCapped: false };
    if (rows.length <= limit) return { rows, total: rows.length, totalCapped: false };
    const f = p.filter;
    if (f.thirdpartyId !== undefined && thirdpartyOnly(f)) {
      // PostgreSQL reads them here, once the page is full (SQLite did while preparing).
      const counts = p.thirdpartyCounts ?? (await totals.thirdpartyStatusCounts(f.thirdpartyId));
      const n = ticketsIn(counts, f.statuses);
      return { rows, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
    }
    const n = await totals.countUpTo(f, p.ctx, TOTAL_CAP + 1);
    return { rows, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
  }

  return {
    /**
     * One page of the list. The first page counts the total; next pages carry it in their cursor, so
     * paging deep costs one index range scan per page and nothing else.
     */
    async list(actorIn: Actor | null, query: TicketListQuery): Promise<ListPageOut> {
      const actor = requirePermission(actorIn, 'ticket.read');
      const p = await prepare(actor, query);
      const key = SORT_KEYS[p.order.sort];
      const state: CursorState | null = query.cursor
        ? cursors.decode(query.cursor, p.filter, p.order, key.type)
        : null;
      if (p.empty) return { items: [], nextCursor: null, total: 0, totalCapped: false };
      const { rows, ...counted } = state
        ? { ...state, rows: await readPage(p, state.after, query.limit + 1) }
        : await firstPage(p, query.limit);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > query.limit && last
          ? cursors.encode(p.filter, p.order, {
              after: { value: last.sort_value ?? null, id: last.id },
              total: counted.total,
              totalCapped: counted.totalCapped,
            })
          : null;
      return {
        items: items(page, p.ctx),
        nextCursor,
        total: counted.total,
        totalCapped: counted.totalCapped,
      };
    },

    /**
     * Every row of the list, in order, read in keyset batches so that memory stays flat whatever the
     * number of rows (CSV export). Checks the permission `ticket.export` and the query before answering.
     */
    async openRows(actorIn: Actor | null, query: TicketListQuery, batch = 500) {
      const actor = requirePermission(actorIn, 'ticket.export');
      const p = await prepare(actor, query);
      async function* rows(): AsyncGenerator<TicketListItem[]> {
        if (p.empty) return;
        let after: CursorState['after'] | null = null;
        for (;;) {
          const found: ListRow[] = await list.read(p.filter, p.order, p.ctx, after, batch);
          if (found.length > 0) yield present(found, p.ctx);
          const last = found[found.length - 1];
          if (found.length < batch || !last) return;
          after = { value: last.sort_value ?? null, id: last.id };
        }
      }
      return rows();
    },
  };
}

export type TicketListService = ReturnType<typeof createTicketListService>;
