import type { Kysely } from 'kysely';
import type { Language } from '../../common/languages.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import { iso } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, TicketRow, TicketUpdate } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { TicketEvent } from '../jobs/job.types.js';
import { cleanHtmlToText } from '../text/rich-text.js';
import {
  cleanRichText,
  contextOf,
  createTicketCore,
  historyActor,
  notOpen,
  transition,
  type Classification,
  type CustomerActor,
  type CustomerResolver,
  type HistoryLine,
  type TicketServiceDeps,
} from './ticket.core.js';
import { setTicketLanguage } from './ticket.customer.repository.js';
import { creationCustomFields } from './ticket.customfields.js';
import { emitTicketEvents } from './ticket.events.js';
import { formatTicketRef, generateTrackId } from './ticket.ref.js';
import { applyEvent } from './ticket.workflow.js';

/** What customer tickets need of the customers service besides the resolution: matching by address. */
export interface CustomerMatcher {
  findByEmail(
    email: string,
    ex?: Kysely<Database>,
  ): Promise<{ thirdpartyId: number; contactId: number | null } | null>;
}

export interface CustomerTicketInput {
  origin: 'portal' | 'email';
  /** The reporter's address: the ticket's author email, and the key to follow it. */
  email: string;
  /** The name the reporter gave, kept in the creation's history line. */
  name?: string | null;
  subject: string;
  /** HTML, sanitized here; plain text goes through `plainTextToHtml` first. */
  messageHtml: string;
  classification: Partial<Classification>;
  /**
   * The portal form's custom fields (OUT and BOTH, required ones enforced; 400 invalid_custom_field).
   * An email goes through no form: its tickets start without custom field values.
   */
  customFields?: Record<string, unknown>;
  /** The customer when already known (personalized portal); otherwise matched by `email`. */
  customer?: { thirdpartyId: number; contactId: number | null };
  language: Language | null;
  /** From an auto-submitted email: no confirmation goes back (mail loops). */
  autoSubmitted?: boolean;
  /** Runs first in the creation transaction (the portal counts its quota there; a throw rolls all back). */
  beforeInsert?: (trx: Kysely<Database>) => Promise<void>;
  /** Runs in the creation transaction once the ticket exists (an email stores its files and its record). */
  afterInsert?: (trx: Kysely<Database>, ticket: TicketRow) => Promise<void>;
  /** A closed ticket this one follows up (a late reply by email), named in the creation's history line. */
  follows?: { id: number; ref: string };
}

export interface CustomerMessageInput {
  /** HTML, sanitized here. */
  bodyHtml: string;
  /** Documents already uploaded to the ticket and on no message yet. */
  attachmentIds: number[];
  /**
   * A closed ticket closed at or after this instant is reopened by the message (a reply by email within
   * the reopen window); otherwise a ticket that is not open refuses it (409 ticket_not_open).
   */
  reopenIfClosedSince?: string;
  /** Runs in the message's transaction once the message exists (an email stores its files and its record). */
  afterInsert?: (trx: Kysely<Database>, ids: { ticketId: number; messageId: number }) => Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Plain text typed by a customer as HTML: escaped (never trusted as markup), blank lines make paragraphs,
 * single line breaks stay line breaks.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

const CREATE_ATTEMPTS = 5;

/**
 * The ticket commands of customers (SPEC 4, 5): a new ticket from the portal or an email, a customer's
 * message, closing by the customer. The caller (portal, mail) has established who the customer is and
 * that the ticket is theirs; history rows name the customer by address, and the events carry no staff
 * actor (`actorUserId: null`), so every staff member concerned is notified.
 */
export function createCustomerTickets(
  deps: TicketServiceDeps & { customers: CustomerResolver & CustomerMatcher },
) {
  // Customers never name an equipment item (staff link it later), but the core is the staff one.
  const core = createTicketCore(deps);
  const { db, clock, dictionaries, customers, settings } = deps;
  const newTrackId = deps.generateTrackId ?? (() => generateTrackId());

  async function insert(
    input: CustomerTicketInput,
    message: string,
    customFields: string,
    now: Date,
  ): Promise<TicketRow> {
    const classification = await dictionaries.resolveClassification(input.classification);
    const at = iso(now);
    const email = input.email.trim();
    return db.kysely.transaction().execute(async (trx) => {
      if (input.beforeInsert) await input.beforeInsert(trx);
      const matched = input.customer ?? (await customers.findByEmail(email, trx));
      const customer = await customers.resolveCustomer(
        matched ? { thirdpartyId: matched.thirdpartyId, contactId: matched.contactId } : {},
        undefined,
        trx,
      );
      const ref = formatTicketRef(now, await core.tickets.nextCounter('ticket', trx));
      const row = await core.tickets.insert(
        {
          ref,
          track_id: newTrackId(),
          subject: input.subject,
          message,
          message_text: cleanHtmlToText(message),
          type_code: classification.typeCode,
          category_code: classification.categoryCode,
          severity_code: classification.severityCode,
          severity_rank: classification.severityRank,
          status: 'unread',
          previous_status: null,
          resolution: null,
          is_open: true,
          origin: input.origin,
          author_user_id: null,
          author_email: email,
          assignee_id: null,
          assignee_name: null,
          thirdparty_id: customer.thirdpartyId,
          thirdparty_name: customer.thirdpartyName,
          contact_id: customer.contactId,
          equipment_id: null,
          progress: 0,
          duration_minutes: 0,
          custom_fields: customFields,
          version: 1,
          first_response_at: null,
          // As for staff tickets: the description is not a reply waiting for an answer (overdue rules).
          last_customer_message_at: null,
          last_staff_message_at: null,
          created_at: at,
          updated_at: at,
          read_at: null,
          closed_at: null,
          deleted_at: null,
        },
        trx,
      );
      if (input.language) await setTicketLanguage(trx, row.id, input.language);
      await core.history.record(trx, {
        ticketId: row.id,
        at,
        actor: { type: 'customer', email },
        kind: 'created',
        details: {
          ref,
          status: row.status,
          origin: input.origin,
          ...(input.name ? { reporterName: input.name } : {}),
          ...(input.follows
            ? { followsTicketId: input.follows.id, followsTicketRef: input.follows.ref }
            : {}),
        },
      });
      if (input.afterInsert) await input.afterInsert(trx, row);
      const event: TicketEvent = {
        kind: 'created',
        ticketId: row.id,
        actorUserId: null,
        origin: input.origin,
        ...(input.autoSubmitted ? { autoSubmitted: true } : {}),
      };
      await emitTicketEvents(deps, trx, [event]);
      return row;
    });
  }

  return {
    /** A new ticket, status unread, from a customer; answers the stored row. */
    async createFromCustomer(input: CustomerTicketInput): Promise<TicketRow> {
      const message = cleanRichText(input.messageHtml, 'message');
      const customFields =
        input.origin === 'portal'
          ? creationCustomFields(await deps.customFieldDefs.definitions(), input.customFields, 'portal')
          : '{}';
      const now = clock.now();
      for (let attempt = 1; ; attempt++) {
        try {
          return await insert(input, message, customFields, now);
        } catch (err) {
          // A tracking key drawn twice: everything was rolled back, the creation is redone with a new key.
          if (!isUniqueViolation(err) || attempt >= CREATE_ATTEMPTS) throw err;
        }
      }
    },

    /**
     * A customer's public message on an open ticket (409 ticket_not_open otherwise). A ticket waiting for
     * the customer goes back to in progress (workflow event `customerReply`). Answers the message id.
     */
    async addCustomerMessage(
      ticketId: number,
      customer: CustomerActor,
      input: CustomerMessageInput,
    ): Promise<number> {
      const body = cleanRichText(input.bodyHtml, 'body');
      const attachmentIds = [...new Set(input.attachmentIds)];
      const maxFiles = await settings.get('uploads.maxFilesPerMessage');
      if (attachmentIds.length > maxFiles) {
        throw new AppError('too_many_files', 422, `A message takes at most ${maxFiles} files`, {
          details: { max: maxFiles, given: attachmentIds.length },
        });
      }
      let messageId = 0;
      await core.change(customer, ticketId, undefined, async (row, trx, now) => {
        const history: HistoryLine[] = [];
        const patch: TicketUpdate = {};
        let status = row.status as TicketStatus;
        const since = input.reopenIfClosedSince;
        if (status === 'closed' && since !== undefined && row.closed_at !== null && row.closed_at >= since) {
          const to = transition('reopen', row);
          history.push({
            kind: 'reopened',
            field: 'status',
            oldValue: status,
            newValue: to,
            details: { resolution: row.resolution, by: 'customer' },
          });
          Object.assign(patch, { closed_at: null, resolution: null });
          status = to;
        }
        if (!isOpenStatus(status)) throw notOpen(`A ticket with status "${status}" takes no more messages`);
        const message = await core.messages.insert(
          {
            ticket_id: ticketId,
            author_type: 'customer',
            author_user_id: null,
            author_email: customer.email,
            body,
            body_text: cleanHtmlToText(body),
            private: false,
            send_by_email: false,
            mail_id: null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
        messageId = message.id;
        if ((await core.messages.attach(message.id, ticketId, attachmentIds, trx)) !== attachmentIds.length) {
          throw new AppError(
            'invalid_attachment',
            400,
            'Some documents cannot be attached: not uploaded to this ticket, or already on a message',
            { details: { attachmentIds } },
          );
        }
        if (input.afterInsert) await input.afterInsert(trx, { ticketId, messageId: message.id });
        const to = applyEvent('customerReply', status, contextOf(row));
        if (to !== status) {
          history.push({
            kind: 'status_changed',
            field: 'status',
            oldValue: status,
            newValue: to,
            details: { event: 'customerReply' },
          });
        }
        history.push({ kind: 'message_added', details: { messageId: message.id } });
        return {
          patch: { ...patch, status: to, last_customer_message_at: now },
          history,
          events: [
            {
              kind: 'message',
              ticketId,
              messageId: message.id,
              actorUserId: null,
              authorType: 'customer',
              private: false,
              sendByEmail: false,
            },
          ],
        };
      });
      return messageId;
    },

    /** The customer closes their ticket: closed, solved, progress 100; no close notice goes back to them. */
    async closeByCustomer(ticketId: number, customer: CustomerActor): Promise<void> {
      await core.change(customer, ticketId, undefined, (row, _trx, now) => {
        if (!row.is_open) throw notOpen(`A ticket with status "${row.status}" cannot be closed`);
        const to = transition('close', row);
        return {
          patch: { status: to, closed_at: now, progress: 100, resolution: 'solved' },
          history: [
            {
              kind: 'closed',
              field: 'status',
              oldValue: row.status,
              newValue: to,
              details: { resolution: 'solved', by: historyActor(customer).type },
            },
          ],
          events: [{ kind: 'closed', ticketId, actorUserId: null, notifyCustomer: false }],
        };
      });
    },
  };
}

export type CustomerTickets = ReturnType<typeof createCustomerTickets>;
