import type {
  CreateTicketInput,
  HistoryEntry,
  Ticket,
  UpdateTicketInput,
} from '../../common/schemas/ticket.schema.js';
import type { Origin, TicketStatus } from '../../common/tickets.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { iso } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { NewTicketRow } from '../db/schema.js';
import { cleanHtmlToText } from '../text/rich-text.js';
import { createMessageService } from './message.service.js';
import { createTicketActions } from './ticket.actions.js';
import {
  checkEquipment,
  cleanRichText,
  createTicketCore,
  requireReader,
  notOpen,
  staleVersion,
  type HistoryLine,
  type TicketServiceDeps,
} from './ticket.core.js';
import type { TicketEvent } from '../jobs/job.types.js';
import { creationCustomFields, editedCustomFields, parseStoredCustomFields } from './ticket.customfields.js';
import { emitTicketEvents } from './ticket.events.js';
import { presentTicket } from './ticket.presenter.js';
import { formatTicketRef, generateTrackId } from './ticket.ref.js';
import type { TicketDetailRow } from './ticket.repository.js';
import { createTicketSync } from './ticket.sync.js';
import { planTicketUpdate } from './ticket.update.js';

/** A new ticket's columns known before its transaction (the rest comes from the counter and the assignee). */
type PreparedTicket = Omit<
  NewTicketRow,
  | 'ref'
  | 'track_id'
  | 'status'
  | 'is_open'
  | 'read_at'
  | 'assignee_id'
  | 'assignee_name'
  | 'thirdparty_id'
  | 'thirdparty_name'
  | 'contact_id'
  | 'equipment_id'
> & { created_at: string; origin: Origin };

/** A tracking key or reference collision is retried this many times before giving up with a 500. */
const CREATE_ATTEMPTS = 5;

/**
 * Tickets (SPEC 2): creation, reading, editing, the workflow commands (ticket.actions.ts), messages
 * (message.service.ts) and the upkeep of the names copied onto tickets (ticket.sync.ts).
 */
export function createTicketService(deps: TicketServiceDeps) {
  const core = createTicketCore(deps);
  const { db, clock, dictionaries, customers } = deps;
  const newTrackId = deps.generateTrackId ?? (() => generateTrackId());

  /**
   * Status at creation (SPEC 2.2): staff tickets start read, assigned with an assignee, or unread on request.
   * An assignee wins over `unread`: assigning reads the ticket, as the assign action does.
   */
  function initialStatus(input: CreateTicketInput): TicketStatus {
    if (input.assigneeId) return 'assigned';
    return input.unread ? 'unread' : 'read';
  }

  async function insertTicket(actor: Actor, input: CreateTicketInput, prepared: PreparedTicket, now: Date) {
    return db.kysely.transaction().execute(async (trx) => {
      const ref = formatTicketRef(now, await core.tickets.nextCounter('ticket', trx));
      const assignee = input.assigneeId ? await core.checkAssignee(input.assigneeId, trx) : null;
      const customer = await customers.resolveCustomer(
        { thirdpartyId: input.thirdpartyId, contactId: input.contactId },
        undefined,
        trx,
      );
      await checkEquipment(deps.equipment, input.equipmentId ?? null, customer.thirdpartyId, trx);
      const status = initialStatus(input);
      const row = await core.tickets.insert(
        {
          ...prepared,
          ref,
          track_id: newTrackId(),
          status,
          is_open: true,
          assignee_id: assignee?.id ?? null,
          assignee_name: assignee?.name ?? null,
          thirdparty_id: customer.thirdpartyId,
          thirdparty_name: customer.thirdpartyName,
          contact_id: customer.contactId,
          equipment_id: input.equipmentId ?? null,
          read_at: status === 'unread' ? null : prepared.created_at,
        },
        trx,
      );
      const lines: HistoryLine[] = [{ kind: 'created', details: { ref, status, origin: row.origin } }];
      if (assignee) {
        lines.push({
          kind: 'assigned',
          field: 'assigneeId',
          oldValue: null,
          newValue: { id: assignee.id, name: assignee.name },
        });
      }
      await core.history.record(
        trx,
        lines.map((l) => ({
          ...l,
          ticketId: row.id,
          at: row.created_at,
          actor: { type: 'user', userId: actor.userId },
        })),
      );
      const events: TicketEvent[] = [
        { kind: 'created', ticketId: row.id, actorUserId: actor.userId, origin: prepared.origin },
      ];
      if (assignee) {
        events.push({
          kind: 'assigned',
          ticketId: row.id,
          assigneeId: assignee.id,
          actorUserId: actor.userId,
        });
      }
      await emitTicketEvents(deps, trx, events);
      // The ticket as reading it back would give: its author is the actor, its contact was just resolved.
      const detail: TicketDetailRow = { ...row, author_name: actor.name, contact_name: customer.contactName };
      return detail;
    });
  }

  return {
    /** POST /tickets by staff or an API integration (portal and email tickets come with their issues). */
    async create(actorIn: Actor | null, input: CreateTicketInput): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      // The staff form: IN and BOTH fields, their required ones enforced (a required OUT field is not).
      const customFields = creationCustomFields(
        await deps.customFieldDefs.definitions(),
        input.customFields,
        'staff',
      );
      const message = cleanRichText(input.message, 'message');
      // The dictionaries are read from their cache, not through the transaction.
      const classification = await dictionaries.resolveClassification({
        typeCode: input.typeCode,
        categoryCode: input.categoryCode,
        severityCode: input.severityCode,
      });
      const now = clock.now();
      const at = iso(now);
      const prepared: PreparedTicket = {
        subject: input.subject,
        message,
        message_text: cleanHtmlToText(message),
        type_code: classification.typeCode,
        category_code: classification.categoryCode,
        severity_code: classification.severityCode,
        severity_rank: classification.severityRank,
        previous_status: null,
        resolution: null,
        origin: input.origin ?? (actor.via === 'token' ? 'api' : 'staff'),
        author_user_id: actor.userId,
        author_email: input.authorEmail ?? null,
        progress: input.progress ?? 0,
        duration_minutes: 0,
        custom_fields: customFields,
        version: 1,
        first_response_at: null,
        last_customer_message_at: null,
        last_staff_message_at: null,
        created_at: at,
        updated_at: at,
        closed_at: null,
        deleted_at: null,
      };
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await insertTicket(actor, input, prepared, now);
          return presentTicket(row, actor, await core.presentContext());
        } catch (err) {
          // A tracking key drawn twice (odds about 1 in 10^29): the transaction, counter increment
          // included, was rolled back; the creation is simply redone with a new key.
          if (!isUniqueViolation(err) || attempt >= CREATE_ATTEMPTS) throw err;
        }
      }
    },

    async get(actorIn: Actor | null, id: number): Promise<Ticket> {
      const actor = requireReader(actorIn);
      await core.loadVisible(actor, id);
      return core.present(actor, id);
    },

    /**
     * PATCH: changes the given fields of an open ticket, based on `version`. A change of nothing answers
     * the ticket as it is, without a new version or history.
     */
    async update(actorIn: Actor | null, id: number, input: UpdateTicketInput): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      const before = await core.loadVisible(actor, id);
      if (before.version !== input.version) throw staleVersion(before.version);
      if (!before.is_open) throw notOpen(`A ticket with status "${before.status}" cannot be edited`);
      // Checked against the values held now; the row locked below has the same version, so the same values.
      const customFields =
        input.customFields === undefined
          ? undefined
          : editedCustomFields(
              await deps.customFieldDefs.definitions(),
              input.customFields,
              parseStoredCustomFields(before.custom_fields),
            );
      const message = input.message === undefined ? undefined : cleanRichText(input.message, 'message');
      const current = {
        typeCode: before.type_code,
        categoryCode: before.category_code,
        severityCode: before.severity_code,
      };
      const classification =
        input.typeCode !== undefined || input.categoryCode !== undefined || input.severityCode !== undefined
          ? await dictionaries.resolveClassification(
              {
                typeCode: input.typeCode,
                categoryCode: input.categoryCode,
                severityCode: input.severityCode,
              },
              current,
            )
          : undefined;
      const customerChange = input.thirdpartyId !== undefined || input.contactId !== undefined;
      const contactNameBefore = customerChange
        ? (await core.tickets.findDetail(id))?.contact_name
        : undefined;
      await core.change(actor, id, input.version, async (row, trx) => {
        if (!row.is_open) throw notOpen(`A ticket with status "${row.status}" cannot be edited`);
        const customer = customerChange
          ? await customers.resolveCustomer(
              {
                ...(input.thirdpartyId !== undefined ? { thirdpartyId: input.thirdpartyId } : {}),
                ...(input.contactId !== undefined ? { contactId: input.contactId } : {}),
              },
              { thirdpartyId: row.thirdparty_id, contactId: row.contact_id },
              trx,
            )
          : undefined;
        // The equipment must belong to the third party the ticket ends up with: checked when either moves.
        const thirdpartyAfter = customer ? customer.thirdpartyId : row.thirdparty_id;
        if (input.equipmentId !== undefined || thirdpartyAfter !== row.thirdparty_id) {
          const equipmentAfter = input.equipmentId !== undefined ? input.equipmentId : row.equipment_id;
          await checkEquipment(deps.equipment, equipmentAfter, thirdpartyAfter, trx);
        }
        return planTicketUpdate(row, {
          ...input,
          message,
          classification,
          customer,
          contactNameBefore,
          customFields,
        });
      });
      return core.present(actor, id);
    },

    /** The journal, oldest first. */
    async history(actorIn: Actor | null, id: number): Promise<{ items: HistoryEntry[] }> {
      const actor = requireReader(actorIn);
      await core.loadVisible(actor, id);
      return { items: await core.history.list(id) };
    },

    ...createTicketActions(core),
    ...createMessageService(core),
    ...createTicketSync(core),
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
