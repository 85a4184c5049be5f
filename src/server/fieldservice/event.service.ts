import type { Kysely } from 'kysely';
import type {
  AgendaEvent,
  CreateEventInput,
  EventListQuery,
  EventPage,
  UpdateEventInput,
} from '../../common/schemas/event.schema.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError, conflict } from '../http/errors.js';
import { keysetPage } from '../http/keyset-page.js';
import { presentEvent, presentEventItem } from './event.presenter.js';
import { createEventRepository } from './event.repository.js';
import { decodeStartCursor, encodeStartCursor } from './fieldservice.cursor.js';
import {
  canWrite,
  missing,
  requireList,
  requireRead,
  requireWrite,
  type FieldserviceContext,
} from './fieldservice.context.js';

/** Instants are stored in one form (ISO-8601 UTC with milliseconds) so that text comparison is time order. */
const instant = (s: string) => new Date(s).toISOString();

const invalidRange = (start: string, end: string) =>
  new AppError('invalid_date_range', 400, 'The event ends before it starts', { details: { start, end } });

/** A new event's fields once the type and owner are settled. */
export type NewEvent = Omit<CreateEventInput, 'allDay' | 'done'> & { allDay?: boolean; done?: boolean };

/** Agenda events (SPEC 6): typed by the event-types dictionary, owned by a user, listed by date range. */
export function createEventService(ctx: FieldserviceContext) {
  const repo = createEventRepository(ctx.db);

  async function present(actor: Actor, id: number, ex?: Kysely<Database>): Promise<AgendaEvent> {
    const row = await repo.findDetail(id, ex);
    if (!row) throw missing('event');
    const tickets = await ctx.links.ticketsOf('event', [id], ex);
    return presentEvent(
      row,
      await ctx.visibleTickets(actor, tickets.get(id) ?? []),
      canWrite(actor, 'event'),
    );
  }

  /** The given type if it is an active event type; else the setting agenda.defaultEventType, else the default. */
  async function eventType(
    code: string | undefined,
    preferred: string,
    trx: Kysely<Database>,
  ): Promise<string> {
    const active = await repo.activeEventTypes(trx);
    if (code !== undefined) {
      if (!active.includes(code)) {
        throw new AppError('invalid_event_type', 400, `"${code}" is not an active event type`, {
          details: { typeCode: code },
        });
      }
      return code;
    }
    const chosen = active.includes(preferred) ? preferred : active[0];
    if (chosen === undefined) throw new AppError('invalid_event_type', 400, 'No active event type exists');
    return chosen;
  }

  async function checkOwner(userId: number, trx: Kysely<Database>): Promise<void> {
    const user = await ctx.accounts.findUserById(userId, trx);
    if (!user?.active) {
      throw new AppError('invalid_owner', 400, `User ${userId} cannot own events (unknown or inactive)`, {
        details: { ownerId: userId },
      });
    }
  }

  /**
   * Inserts an event in `trx` after checking its type, owner, third party and dates. `defaultType`: the
   * setting agenda.defaultEventType, read before the transaction (SQLite has one connection).
   */
  async function insert(
    trx: Kysely<Database>,
    actor: Actor,
    input: NewEvent,
    now: string,
    defaultType: string,
  ): Promise<number> {
    const start = instant(input.start);
    const end = instant(input.end);
    if (end < start) throw invalidRange(start, end);
    const ownerId = input.ownerId ?? actor.userId;
    await checkOwner(ownerId, trx);
    const thirdpartyId = input.thirdpartyId ?? null;
    if (thirdpartyId !== null) await ctx.checks.thirdparty(thirdpartyId, trx);
    return repo.insert(
      {
        type_code: await eventType(input.typeCode, defaultType, trx),
        label: input.label,
        start_at: start,
        end_at: end,
        all_day: input.allDay ?? false,
        owner_id: ownerId,
        thirdparty_id: thirdpartyId,
        done: input.done ?? false,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
  }

  return {
    present,
    insert,

    async listEvents(actorIn: Actor | null, q: EventListQuery): Promise<EventPage> {
      const actor = requireList(actorIn, 'event');
      const filter = {
        ownerId: q.ownerId === 'me' ? actor.userId : q.ownerId,
        thirdpartyId: q.thirdpartyId,
        from: q.from ? instant(q.from) : undefined,
        to: q.to ? instant(q.to) : undefined,
      };
      const after = q.cursor ? decodeStartCursor(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        repo.list({ ...filter, after, limit: q.limit + 1 }),
        repo.count(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) =>
        encodeStartCursor(last.start_at, last.id),
      );
      const tickets = await ctx.links.ticketsOf(
        'event',
        page.map((r) => r.id),
      );
      const items = [];
      for (const r of page)
        items.push(presentEventItem(r, await ctx.visibleTickets(actor, tickets.get(r.id) ?? [])));
      return { items, nextCursor, total };
    },

    async getEvent(actorIn: Actor | null, id: number): Promise<AgendaEvent> {
      return present(requireRead(actorIn, 'event'), id);
    },

    async createEvent(actorIn: Actor | null, input: CreateEventInput): Promise<AgendaEvent> {
      const actor = requireWrite(actorIn, 'event', false);
      const defaultType = await ctx.settings.get('agenda.defaultEventType');
      const id = await ctx.command((trx, now) => insert(trx, actor, input, now, defaultType));
      return present(actor, id);
    },

    async updateEvent(actorIn: Actor | null, id: number, input: UpdateEventInput): Promise<AgendaEvent> {
      const actor = requireWrite(actorIn, 'event');
      await ctx.command(async (trx, now) => {
        const row = await repo.findForUpdate(id, trx);
        if (!row) throw missing('event');
        const start = input.start !== undefined ? instant(input.start) : row.start_at;
        const end = input.end !== undefined ? instant(input.end) : row.end_at;
        if (end < start) throw invalidRange(start, end);
        if (input.ownerId !== undefined) await checkOwner(input.ownerId, trx);
        if (input.thirdpartyId !== undefined && input.thirdpartyId !== null) {
          await ctx.checks.thirdparty(input.thirdpartyId, trx);
          // Same rule as linking (ticket-link.service.ts): a linked event stays with its tickets' customer.
          const owners = await ctx.links.ticketThirdpartiesOf('event', id, trx);
          if (owners.some((tp) => tp !== input.thirdpartyId)) {
            throw conflict(
              'link_thirdparty_mismatch',
              'This event is linked to tickets of another customer: unlink them first',
              { thirdpartyId: input.thirdpartyId, ticketThirdpartyIds: owners },
            );
          }
        }
        await repo.update(
          id,
          {
            ...(input.typeCode !== undefined ? { type_code: await eventType(input.typeCode, '', trx) } : {}),
            ...(input.label !== undefined ? { label: input.label } : {}),
            start_at: start,
            end_at: end,
            ...(input.allDay !== undefined ? { all_day: input.allDay } : {}),
            ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
            ...(input.thirdpartyId !== undefined ? { thirdparty_id: input.thirdpartyId } : {}),
            ...(input.done !== undefined ? { done: input.done } : {}),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            updated_at: now,
          },
          trx,
        );
      });
      return present(actor, id);
    },

    /** Deleting an event removes its links; each linked ticket's history says so, in the same transaction. */
    async deleteEvent(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requireWrite(actorIn, 'event');
      await ctx.command(async (trx, now) => {
        const row = await repo.findForUpdate(id, trx);
        if (!row) throw missing('event');
        const ticketIds = await ctx.links.ticketIdsOf('event', id, trx);
        await ctx.links.removeAllOf('event', id, trx);
        await ctx.history.record(
          trx,
          ticketIds.map((ticketId) => ({
            ticketId,
            at: now,
            actor: { type: 'user' as const, userId: actor.userId },
            kind: 'link_removed' as const,
            details: { objectType: 'event', objectId: id, ref: null, label: row.label, reason: 'deleted' },
          })),
        );
        await repo.remove(id, trx);
      });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
