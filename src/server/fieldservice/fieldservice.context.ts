import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../common/errors.js';
import type { Permission } from '../../common/permissions.js';
import type { LinkedTicket, LinkObjectType } from '../../common/schemas/ticket-link.schema.js';
import type { TicketStatus } from '../../common/tickets.js';
import type { AccountRepository } from '../auth/account.repository.js';
import { can, requireActor, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createHistoryRepository } from '../tickets/history.repository.js';
import { createTicketRepository } from '../tickets/ticket.repository.js';
import { createFieldserviceChecks } from './fieldservice.checks.js';
import { keysetPage } from '../http/keyset-page.js';
import { decodeIdCursor, encodeIdCursor } from './fieldservice.cursor.js';
import { createTicketLinkRepository, type LinkedTicketRow } from './ticket-link.repository.js';

/** The reads a list of objects with lines (interventions, proposals) needs of its repository. */
export interface LinedListSource<F, R extends { id: number }, L> {
  list(q: F & { afterId: number | undefined; limit: number }): Promise<R[]>;
  count(q: F): Promise<number>;
  lines(ids: readonly number[]): Promise<Map<number, L[]>>;
}

export interface FieldserviceDeps {
  db: Db;
  clock: Clock;
  settings: Pick<SettingsService, 'get' | 'all'>;
  accounts: AccountRepository;
}

/**
 * Who may read and change each kind of object. Contracts and equipment are the customers' park: agents
 * pick equipment on tickets with `thirdparty.read`, field-service staff read them with `intervention.read`;
 * only `intervention.write` changes them.
 */
const RULES = {
  contract: {
    read: ['thirdparty.read', 'intervention.read'],
    write: 'intervention.write',
    missing: 'contract_not_found',
  },
  equipment: {
    read: ['thirdparty.read', 'intervention.read'],
    write: 'intervention.write',
    missing: 'equipment_not_found',
  },
  intervention: {
    read: ['intervention.read'],
    write: 'intervention.write',
    missing: 'intervention_not_found',
  },
  proposal: { read: ['proposal.read'], write: 'proposal.write', missing: 'proposal_not_found' },
  event: { read: ['agenda.read'], write: 'agenda.write', missing: 'event_not_found' },
} as const satisfies Record<string, { read: readonly Permission[]; write: Permission; missing: ErrorCode }>;

export type ObjectKind = keyof typeof RULES;

const NAMES: Record<ObjectKind, string> = {
  contract: 'contract',
  equipment: 'equipment item',
  intervention: 'intervention',
  proposal: 'proposal',
  event: 'event',
};

export const missing = (kind: ObjectKind) => notFound(RULES[kind].missing, `No such ${NAMES[kind]}`);

export const canRead = (actor: Actor | null, kind: ObjectKind): boolean =>
  RULES[kind].read.some((p) => can(actor, p));
export const canWrite = (actor: Actor | null, kind: ObjectKind): boolean => can(actor, RULES[kind].write);

/** First line of reading one object: without the read permission it does not exist for the caller (404). */
export function requireRead(actorIn: Actor | null, kind: ObjectKind): Actor {
  const actor = requireActor(actorIn);
  if (!canRead(actor, kind)) throw missing(kind);
  return actor;
}

/** First line of reading a list: without the read permission, 403 (nothing in particular is revealed). */
export function requireList(actorIn: Actor | null, kind: ObjectKind): Actor {
  const actor = requireActor(actorIn);
  if (!canRead(actor, kind))
    throw forbidden(`This needs the permission "${RULES[kind].read.join('" or "')}"`);
  return actor;
}

/** First line of changing one object: 404 without read (existence is not revealed), 403 without write. */
export function requireWrite(actorIn: Actor | null, kind: ObjectKind, existing = true): Actor {
  const actor = requireActor(actorIn);
  if (existing && !canRead(actor, kind) && !canWrite(actor, kind)) throw missing(kind);
  if (!canWrite(actor, kind)) throw forbidden(`This needs the permission "${RULES[kind].write}"`);
  return actor;
}

/** `<prefix><yymm>-<nnnn>` from the creation instant (UTC), like ticket refs; grows past 9999. */
export function formatRef(prefix: string, at: Date, counter: number): string {
  const yy = String(at.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${prefix}${yy}${mm}-${String(counter).padStart(4, '0')}`;
}

/** What every field-service service shares: repositories, one transaction per command, refs, tickets. */
export function createFieldserviceContext(deps: FieldserviceDeps) {
  const { db, clock, settings } = deps;
  const tickets = createTicketRepository(db);
  const history = createHistoryRepository(db);
  const links = createTicketLinkRepository(db);
  const checks = createFieldserviceChecks(db);

  /** The tickets `actor` may read among `rows` (ticket.read, and the optional "assignee only" setting). */
  async function visibleTickets(actor: Actor, rows: LinkedTicketRow[]): Promise<LinkedTicket[]> {
    if (!can(actor, 'ticket.read') || rows.length === 0) return [];
    const assigneeOnly = await settings.get('tickets.visibleToAssigneeOnly');
    // The rule of visibleTo in the tickets domain, on the few columns a linked ticket carries.
    const hidden = assigneeOnly && !can(actor, 'ticket.manage');
    return rows
      .filter((r) => !hidden || r.assignee_id === null || r.assignee_id === actor.userId)
      .map((r) => ({ id: r.id, ref: r.ref, subject: r.subject, status: r.status as TicketStatus }));
  }

  /**
   * One keyset page of objects that carry lines and linked tickets (interventions, proposals), with the
   * total, each item given its lines and the linked tickets the actor may see.
   */
  async function linedPage<F, R extends { id: number }, L, Item>(
    actor: Actor,
    type: LinkObjectType,
    q: F & { limit: number; cursor?: string | undefined },
    source: LinedListSource<F, R, L>,
    presentItem: (row: R, lines: L[], tickets: LinkedTicket[]) => Item,
  ): Promise<{ items: Item[]; nextCursor: string | null; total: number }> {
    const { limit, cursor, ...rest } = q;
    const filter = rest as unknown as F;
    const afterId = cursor ? decodeIdCursor(cursor) : undefined;
    const [rows, total] = await Promise.all([
      source.list({ ...filter, afterId, limit: limit + 1 }),
      source.count(filter),
    ]);
    const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeIdCursor(last.id));
    const ids = page.map((r) => r.id);
    const [lines, tickets] = await Promise.all([source.lines(ids), links.ticketsOf(type, ids)]);
    const items: Item[] = [];
    for (const r of page) {
      items.push(presentItem(r, lines.get(r.id) ?? [], await visibleTickets(actor, tickets.get(r.id) ?? [])));
    }
    return { items, nextCursor, total };
  }

  return {
    ...deps,
    tickets,
    history,
    links,
    checks,
    visibleTickets,
    linedPage,
    /** One transaction per command: the change, its links, history rows and durations commit together. */
    command<T>(fn: (trx: Kysely<Database>, now: string, at: Date) => Promise<T>): Promise<T> {
      const at = clock.now();
      return db.kysely.transaction().execute((trx) => fn(trx, iso(at), at));
    },
    /** The next `<prefix><yymm>-<nnnn>` reference, from the shared counters table (in the transaction). */
    async nextRef(prefix: string, counter: string, at: Date, trx: Kysely<Database>): Promise<string> {
      return formatRef(prefix, at, await tickets.nextCounter(counter, trx));
    },
    /** Today in UTC, for contract status and default dates. */
    today(): string {
      return iso(clock.now()).slice(0, 10);
    },
  };
}

export type FieldserviceContext = ReturnType<typeof createFieldserviceContext>;
