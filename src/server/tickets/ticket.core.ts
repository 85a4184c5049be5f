import type { Kysely } from 'kysely';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import type { AccountRepository } from '../auth/account.repository.js';
import { can, requireActor, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, TicketRow, TicketUpdate } from '../db/schema.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { TicketEvent } from '../jobs/job.types.js';
import type { SettingsService } from '../settings/settings.service.js';
import { hasVisibleContent, sanitizeRichText } from '../text/rich-text.js';
import { createHistoryRepository, type HistoryActor, type NewHistoryEntry } from './history.repository.js';
import { createMessageRepository } from './message.repository.js';
import type { CustomFieldDefinitions } from './ticket.customfields.js';
import { emitTicketEvents } from './ticket.events.js';
import { presentTicket, type DetailPresentContext } from './ticket.presenter.js';
import { createTicketRepository } from './ticket.repository.js';
import {
  applyCommand,
  TransitionRefused,
  type TicketCommand,
  type TransitionContext,
} from './ticket.workflow.js';

export interface Classification {
  typeCode: string;
  categoryCode: string;
  severityCode: string;
}

/** What tickets need of the dictionaries service (SPEC 2.4). */
export interface ClassificationResolver {
  resolveClassification(
    input: Partial<Classification>,
    current?: Classification,
  ): Promise<Classification & { severityRank: number }>;
  severityRanks(): Promise<ReadonlyMap<string, number>>;
}

export interface CustomerRef {
  thirdpartyId: number | null;
  contactId: number | null;
}

/** What tickets need of the customers service (SPEC 3). `ex`: the caller's transaction. */
export interface CustomerResolver {
  resolveCustomer(
    input: { thirdpartyId?: number | null; contactId?: number | null },
    current: CustomerRef | undefined,
    ex: Kysely<Database>,
  ): Promise<CustomerRef & { thirdpartyName: string | null; contactName: string | null }>;
}

export interface TicketServiceDeps {
  db: Db;
  clock: Clock;
  dictionaries: ClassificationResolver;
  customers: CustomerResolver;
  equipment: EquipmentResolver;
  /** Custom field definitions (SPEC 2.5), read from the cache of the custom fields domain. */
  customFieldDefs: CustomFieldDefinitions;
  accounts: AccountRepository;
  settings: Pick<SettingsService, 'get' | 'all'>;
  jobs: JobQueue;
  audit: AuditRepository;
  /** Replaces the random tracking keys (tests of the collision retry). */
  generateTrackId?: () => string;
}

/** A history row of the command being run; ticket, time and actor are filled in by `change`. */
export type HistoryLine = Omit<NewHistoryEntry, 'ticketId' | 'at' | 'actor'>;

export interface TicketChange {
  patch: TicketUpdate;
  history: HistoryLine[];
  /** What the reacting domains (mail, notifications) hear of, in the same transaction. */
  events?: TicketEvent[];
}

export const ticketNotFound = () => notFound('ticket_not_found', 'No such ticket');

export const staleVersion = (currentVersion: number) =>
  conflict('stale_version', 'The ticket was changed by someone else meanwhile; reload it and try again', {
    currentVersion,
  });

export const notOpen = (message: string) => conflict('ticket_not_open', message);

export const refused = (action: string, status: string, message: string) =>
  conflict('transition_not_allowed', message, { action, status });

/** The workflow table's answer for `command`, with a refusal turned into the API's 409. */
export function transition(
  command: TicketCommand,
  row: TicketRow,
  ctx: TransitionContext = contextOf(row),
): TicketStatus {
  try {
    return applyCommand(command, row.status as TicketStatus, ctx);
  } catch (err) {
    if (err instanceof TransitionRefused) throw refused(command, row.status, err.message);
    throw err;
  }
}

export function contextOf(row: TicketRow): TransitionContext {
  return {
    hasAssignee: row.assignee_id !== null,
    previousStatus: row.previous_status as TicketStatus | null,
  };
}

/** Sanitized HTML that a reader would see something in, or 400. */
export function cleanRichText(html: string, field: string): string {
  const clean = sanitizeRichText(html);
  if (!hasVisibleContent(clean)) {
    throw new AppError('empty_content', 400, `${field} has no visible content`, { details: { field } });
  }
  return clean;
}

/** What tickets need of the field service (SPEC 6). `ex`: the caller's transaction. */
export interface EquipmentResolver {
  /** The third party an equipment item belongs to, or null when there is no such item. */
  equipmentOwner(equipmentId: number, ex: Kysely<Database>): Promise<number | null>;
}

/**
 * A ticket may designate an equipment item of its own third party only (SPEC 6): an unknown item, or one
 * of another customer (also after the ticket's third party changed), is a 400 `invalid_equipment`.
 */
export async function checkEquipment(
  equipment: EquipmentResolver,
  equipmentId: number | null,
  thirdpartyId: number | null,
  ex: Kysely<Database>,
): Promise<void> {
  if (equipmentId === null) return;
  const owner = await equipment.equipmentOwner(equipmentId, ex);
  if (owner === null) {
    throw new AppError('invalid_equipment', 400, `No equipment ${equipmentId}`, { details: { equipmentId } });
  }
  if (owner !== thirdpartyId) {
    throw new AppError(
      'invalid_equipment',
      400,
      `Equipment ${equipmentId} does not belong to the ticket's third party`,
      { details: { equipmentId, thirdpartyId } },
    );
  }
}

/** A customer acting on their ticket (portal, email), known by the address that belongs to the ticket. */
export interface CustomerActor {
  kind: 'customer';
  email: string;
}

export const historyActor = (actor: Actor | CustomerActor): HistoryActor =>
  actor.kind === 'user' ? { type: 'user', userId: actor.userId } : { type: 'customer', email: actor.email };

/** First line of a read: without ticket.read no ticket exists for the caller (404, not 403). */
export function requireReader(actorIn: Actor | null): Actor {
  const actor = requireActor(actorIn);
  if (!can(actor, 'ticket.read')) throw ticketNotFound();
  return actor;
}

/**
 * Whether `actor` may see the ticket at all. Without ticket.read, or hidden by the optional
 * "assignee only" setting (SPEC 7), the ticket answers 404 as if it did not exist.
 */
export function visibleTo(actor: Actor, row: TicketRow, assigneeOnly: boolean): boolean {
  if (!can(actor, 'ticket.read')) return false;
  if (!assigneeOnly || can(actor, 'ticket.manage')) return true;
  return row.assignee_id === null || row.assignee_id === actor.userId;
}

/** Repositories and helpers shared by the ticket services (create/update, workflow actions, messages). */
export function createTicketCore(deps: TicketServiceDeps) {
  const { db, clock, accounts, settings } = deps;
  const tickets = createTicketRepository(db);
  const history = createHistoryRepository(db);
  const messages = createMessageRepository(db);

  async function presentContext(): Promise<DetailPresentContext> {
    const s = await settings.all();
    return {
      now: clock.now(),
      delays: {
        delayFirstResponseHours: s['tickets.delayFirstResponseHours'],
        delaySinceLastResponseHours: s['tickets.delaySinceLastResponseHours'],
      },
      // Agents cannot read /settings: the close dialog learns its default from the ticket.
      noticeOnClose: s['mail.noticeOnClose'],
    };
  }

  /** The ticket if `actor` may see it, else 404 (unknown and hidden look the same). */
  async function loadVisible(actor: Actor, id: number): Promise<TicketRow> {
    const [row, assigneeOnly] = await Promise.all([
      tickets.findById(id),
      settings.get('tickets.visibleToAssigneeOnly'),
    ]);
    if (!row || !visibleTo(actor, row, assigneeOnly)) throw ticketNotFound();
    return row;
  }

  async function present(actor: Actor, id: number): Promise<Ticket> {
    const [row, ctx] = await Promise.all([tickets.findDetail(id), presentContext()]);
    if (!row) throw ticketNotFound();
    return presentTicket(row, actor, ctx);
  }

  /** An assignee must be an active user who can read tickets. */
  async function checkAssignee(userId: number, ex: Kysely<Database>): Promise<{ id: number; name: string }> {
    const user = await accounts.findUserById(userId, ex);
    const perms = user?.active ? await accounts.permissionsOf(userId, ex) : [];
    if (!user || !(perms.includes('ticket.read') || perms.includes('admin'))) {
      throw new AppError(
        'invalid_assignee',
        400,
        `User ${userId} cannot be assigned tickets (unknown, inactive or without ticket.read)`,
        { details: { userId } },
      );
    }
    return { id: user.id, name: user.name };
  }

  /**
   * Runs one command on one ticket in one transaction: locks the row, checks visibility and the optional
   * version, lets `decide` validate and describe the change (null: nothing to change, nothing written),
   * then writes the change with version + 1, updated_at, is_open in step with the status, and the history.
   */
  async function change(
    actor: Actor | CustomerActor,
    id: number,
    version: number | undefined,
    decide: (
      row: TicketRow,
      trx: Kysely<Database>,
      now: string,
    ) => TicketChange | null | Promise<TicketChange | null>,
  ): Promise<void> {
    const assigneeOnly = await settings.get('tickets.visibleToAssigneeOnly');
    const now = iso(clock.now());
    await db.kysely.transaction().execute(async (trx) => {
      const row = await tickets.findForUpdate(id, trx);
      // A customer command has checked the customer's access to the ticket before (portal grants).
      if (!row || (actor.kind === 'user' && !visibleTo(actor, row, assigneeOnly))) throw ticketNotFound();
      if (version !== undefined && row.version !== version) throw staleVersion(row.version);
      const ch = await decide(row, trx, now);
      if (!ch) return;
      const patch: TicketUpdate = { ...ch.patch, updated_at: now };
      if (typeof patch.status === 'string') patch.is_open = isOpenStatus(patch.status as TicketStatus);
      const updated = await tickets.update(id, row.version, patch, trx);
      // Unreachable while the row is locked; kept so a lost update can never pass silently.
      if (!updated) throw staleVersion(row.version + 1);
      await history.record(
        trx,
        ch.history.map((h) => ({
          ...h,
          ticketId: id,
          at: now,
          actor: historyActor(actor),
        })),
      );
      if (ch.events) await emitTicketEvents(deps, trx, ch.events);
    });
  }

  return { deps, tickets, history, messages, presentContext, loadVisible, present, checkAssignee, change };
}

export type TicketCore = ReturnType<typeof createTicketCore>;
