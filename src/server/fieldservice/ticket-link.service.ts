import type { Kysely } from 'kysely';
import type { CreateEventFromTicketInput } from '../../common/schemas/event.schema.js';
import type { AgendaEvent } from '../../common/schemas/event.schema.js';
import type {
  CreateInterventionFromTicketInput,
  Intervention,
} from '../../common/schemas/intervention.schema.js';
import type { CreateProposalFromTicketInput, Proposal } from '../../common/schemas/proposal.schema.js';
import type {
  LinkObjectType,
  TicketLinkInput,
  TicketLinkList,
  TicketUnlinkQuery,
} from '../../common/schemas/ticket-link.schema.js';
import type { Actor } from '../auth/actor.js';
import type { Database, TicketRow } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { requireReader, ticketNotFound, visibleTo } from '../tickets/ticket.core.js';
import type { EventService } from './event.service.js';
import { createEventRepository } from './event.repository.js';
import { missing, requireWrite, type FieldserviceContext, type ObjectKind } from './fieldservice.context.js';
import { createInterventionRepository } from './intervention.repository.js';
import type { InterventionService } from './intervention.service.js';
import { createProposalRepository } from './proposal.repository.js';
import type { ProposalService } from './proposal.service.js';
import { createLinkDescriber } from './ticket-link.describe.js';

const KIND: Record<LinkObjectType, ObjectKind> = {
  intervention: 'intervention',
  proposal: 'proposal',
  event: 'event',
};

const withoutThirdparty = (ref: string, what: string) =>
  conflict('ticket_without_thirdparty', `${ref} has no third party: a ${what} needs one`);

/** How a linked object is named in the ticket's history, and whose it is. */
interface ObjectName {
  ref: string | null;
  label: string;
  /** Interventions and proposals always have one; an event may have none. */
  thirdpartyId: number | null;
}

/**
 * A ticket is only linked to objects of its own customer: an intervention or proposal of another third
 * party (409 link_thirdparty_mismatch), or to a ticket without third party (409 ticket_without_thirdparty:
 * such objects always have one, and the ticket would show another customer's work and prices). Events
 * are bound to a customer only when they have a third party; then the same rule applies.
 */
function checkSameCustomer(ticket: TicketRow, type: LinkObjectType, objectThirdpartyId: number | null): void {
  if (objectThirdpartyId === null) return;
  if (ticket.thirdparty_id === null) throw withoutThirdparty(ticket.ref, `linked ${type}`);
  if (ticket.thirdparty_id !== objectThirdpartyId) {
    throw conflict(
      'link_thirdparty_mismatch',
      `This ${type} belongs to another third party than ${ticket.ref}`,
      { ticketThirdpartyId: ticket.thirdparty_id, objectThirdpartyId },
    );
  }
}

/** The name written in history rows (the third party is only for the check). */
const historyName = ({ ref, label }: Omit<ObjectName, 'thirdpartyId'>) => ({ ref, label });

/**
 * Links between tickets and interventions, proposals, events (SPEC 6), and the "create … from a ticket"
 * commands. Every link and unlink is written in the ticket's history and recomputes the ticket's duration,
 * in the command's transaction. Locks go object first, then ticket, as the line commands do.
 */
export function createTicketLinkService(
  ctx: FieldserviceContext,
  objects: { interventions: InterventionService; proposals: ProposalService; events: EventService },
) {
  const interventions = createInterventionRepository(ctx.db);
  const proposals = createProposalRepository(ctx.db);
  const events = createEventRepository(ctx.db);
  const describe = createLinkDescriber(ctx);

  /** Locks the object's row and names it; 404 when it does not exist. */
  async function lockObject(type: LinkObjectType, id: number, trx: Kysely<Database>): Promise<ObjectName> {
    if (type === 'intervention') {
      const r = await interventions.findForUpdate(id, trx);
      if (r) return { ref: r.ref, label: r.description.split('\n')[0] ?? '', thirdpartyId: r.thirdparty_id };
    } else if (type === 'proposal') {
      const r = await proposals.findForUpdate(id, trx);
      if (r) return { ref: r.ref, label: '', thirdpartyId: r.thirdparty_id };
    } else {
      const r = await events.findForUpdate(id, trx);
      if (r) return { ref: null, label: r.label, thirdpartyId: r.thirdparty_id };
    }
    throw missing(KIND[type]);
  }

  /** Locks the ticket; it must be visible to the actor (404) and not deleted (409). */
  async function lockTicket(actor: Actor, id: number, assigneeOnly: boolean, trx: Kysely<Database>) {
    const row = await ctx.tickets.findForUpdate(id, trx);
    if (!row || !visibleTo(actor, row, assigneeOnly)) throw ticketNotFound();
    if (row.status === 'deleted') throw conflict('ticket_deleted', `${row.ref} is deleted: restore it first`);
    return row;
  }

  async function writeLink(
    trx: Kysely<Database>,
    actor: Actor,
    ticketId: number,
    type: LinkObjectType,
    objectId: number,
    name: Omit<ObjectName, 'thirdpartyId'>,
    now: string,
  ): Promise<void> {
    await ctx.links.insert({ ticketId, type, objectId, at: now, by: actor.userId }, trx);
    const what = { objectType: type, objectId, ...historyName(name) };
    await ctx.history.record(trx, {
      ticketId,
      at: now,
      actor: { type: 'user', userId: actor.userId },
      kind: 'link_created',
      newValue: what,
      details: what,
    });
    if (type === 'intervention') await ctx.links.recomputeDurations([ticketId], now, trx);
  }

  /** A ticket command of this domain: settings read first (SQLite has one connection), then one transaction. */
  async function onTicket<T>(
    actor: Actor,
    ticketId: number,
    fn: (trx: Kysely<Database>, ticket: TicketRow, now: string, at: Date) => Promise<T>,
    lockFirst?: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<T> {
    const assigneeOnly = await ctx.settings.get('tickets.visibleToAssigneeOnly');
    return ctx.command(async (trx, now, at) => {
      if (lockFirst) await lockFirst(trx);
      const ticket = await lockTicket(actor, ticketId, assigneeOnly, trx);
      return fn(trx, ticket, now, at);
    });
  }

  return {
    async listTicketLinks(actorIn: Actor | null, ticketId: number): Promise<TicketLinkList> {
      const actor = requireReader(actorIn);
      const [row, assigneeOnly] = await Promise.all([
        ctx.tickets.findById(ticketId),
        ctx.settings.get('tickets.visibleToAssigneeOnly'),
      ]);
      if (!row || !visibleTo(actor, row, assigneeOnly)) throw ticketNotFound();
      return describe(actor, ticketId);
    },

    /** Linking twice is not an error: the second time changes nothing and writes no history. */
    async linkTicket(
      actorIn: Actor | null,
      ticketId: number,
      input: TicketLinkInput,
    ): Promise<{ created: boolean; links: TicketLinkList }> {
      const actor = requireWrite(actorIn, KIND[input.objectType], false);
      let name: ObjectName | undefined;
      const created = await onTicket(
        actor,
        ticketId,
        async (trx, ticket, now) => {
          const object = name ?? { ref: null, label: '', thirdpartyId: null };
          checkSameCustomer(ticket, input.objectType, object.thirdpartyId);
          if (await ctx.links.exists(ticketId, input.objectType, input.objectId, trx)) return false;
          await writeLink(trx, actor, ticketId, input.objectType, input.objectId, object, now);
          return true;
        },
        async (trx) => {
          name = await lockObject(input.objectType, input.objectId, trx);
        },
      );
      return { created, links: await describe(actor, ticketId) };
    },

    async unlinkTicket(
      actorIn: Actor | null,
      ticketId: number,
      q: TicketUnlinkQuery,
    ): Promise<TicketLinkList> {
      const actor = requireWrite(actorIn, KIND[q.objectType], false);
      let name: ObjectName = { ref: null, label: '', thirdpartyId: null };
      await onTicket(
        actor,
        ticketId,
        async (trx, _ticket, now) => {
          if (!(await ctx.links.remove(ticketId, q.objectType, q.objectId, trx))) {
            throw notFound('link_not_found', 'This object is not linked to the ticket');
          }
          const what = { objectType: q.objectType, objectId: q.objectId, ...historyName(name) };
          await ctx.history.record(trx, {
            ticketId,
            at: now,
            actor: { type: 'user', userId: actor.userId },
            kind: 'link_removed',
            oldValue: what,
            details: what,
          });
          if (q.objectType === 'intervention') await ctx.links.recomputeDurations([ticketId], now, trx);
        },
        async (trx) => {
          // An object that is gone can still be unlinked (its link is then all that remains).
          name = await lockObject(q.objectType, q.objectId, trx).catch(() => name);
        },
      );
      return describe(actor, ticketId);
    },

    /** From a ticket with a third party: the ticket's equipment and that equipment's contract are copied. */
    async createInterventionFromTicket(
      actorIn: Actor | null,
      ticketId: number,
      input: CreateInterventionFromTicketInput,
    ): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention', false);
      const id = await onTicket(actor, ticketId, async (trx, ticket, now, at) => {
        if (ticket.thirdparty_id === null) throw withoutThirdparty(ticket.ref, 'intervention');
        const newId = await objects.interventions.insert(
          trx,
          actor,
          {
            thirdpartyId: ticket.thirdparty_id,
            description: input.description ?? ticket.subject,
            equipmentId: ticket.equipment_id,
          },
          now,
          at,
        );
        const ref = (await interventions.findForUpdate(newId, trx))?.ref ?? null;
        await writeLink(
          trx,
          actor,
          ticketId,
          'intervention',
          newId,
          { ref, label: input.description ?? ticket.subject },
          now,
        );
        return newId;
      });
      return objects.interventions.present(actor, id);
    },

    async createProposalFromTicket(
      actorIn: Actor | null,
      ticketId: number,
      input: CreateProposalFromTicketInput,
    ): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal', false);
      const id = await onTicket(actor, ticketId, async (trx, ticket, now, at) => {
        if (ticket.thirdparty_id === null) throw withoutThirdparty(ticket.ref, 'proposal');
        const newId = await objects.proposals.insert(
          trx,
          actor,
          { ...input, thirdpartyId: ticket.thirdparty_id },
          now,
          at,
        );
        const ref = (await proposals.findForUpdate(newId, trx))?.ref ?? null;
        await writeLink(
          trx,
          actor,
          ticketId,
          'proposal',
          newId,
          { ref, label: ticket.thirdparty_name ?? '' },
          now,
        );
        return newId;
      });
      return objects.proposals.present(actor, id);
    },

    /** Label "<ref> – <subject>", type from agenda.defaultEventType, the ticket's third party, unless given. */
    async createEventFromTicket(
      actorIn: Actor | null,
      ticketId: number,
      input: CreateEventFromTicketInput,
    ): Promise<AgendaEvent> {
      const actor = requireWrite(actorIn, 'event', false);
      const defaultType = await ctx.settings.get('agenda.defaultEventType');
      const id = await onTicket(actor, ticketId, async (trx, ticket, now) => {
        const label = input.label ?? `${ticket.ref} – ${ticket.subject}`.slice(0, 255);
        const thirdpartyId = input.thirdpartyId !== undefined ? input.thirdpartyId : ticket.thirdparty_id;
        checkSameCustomer(ticket, 'event', thirdpartyId);
        const newId = await objects.events.insert(
          trx,
          actor,
          { ...input, label, thirdpartyId },
          now,
          defaultType,
        );
        await writeLink(trx, actor, ticketId, 'event', newId, { ref: null, label }, now);
        return newId;
      });
      return objects.events.present(actor, id);
    },
  };
}

export type TicketLinkService = ReturnType<typeof createTicketLinkService>;
