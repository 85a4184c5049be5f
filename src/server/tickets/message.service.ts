import type { CreateMessageInput, Message } from '../../common/schemas/message.schema.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { AppError } from '../http/errors.js';
import type { TicketEvent } from '../jobs/job.types.js';
import { cleanHtmlToText } from '../text/rich-text.js';
import { presentMessage } from './message.presenter.js';
import {
  cleanRichText,
  contextOf,
  notOpen,
  requireReader,
  type HistoryLine,
  type TicketCore,
} from './ticket.core.js';
import { applyEvent } from './ticket.workflow.js';

const invalidAttachment = (ids: number[]) =>
  new AppError(
    'invalid_attachment',
    400,
    `Documents ${ids.join(', ')} cannot be attached: not uploaded to this ticket, or already on a message`,
    { details: { attachmentIds: ids } },
  );

/** Messages and internal notes on a ticket (SPEC 2.6), with the documents uploaded for them. */
export function createMessageService(core: TicketCore) {
  const { settings } = core.deps;

  return {
    /** Newest first, notes included (staff only see this). */
    async listMessages(
      actorIn: Actor | null,
      ticketId: number,
    ): Promise<{ items: Message[]; nextCursor: null; total: number }> {
      const actor = requireReader(actorIn);
      await core.loadVisible(actor, ticketId);
      const rows = await core.messages.listForTicket(ticketId);
      const attachments = await core.messages.attachmentsOf(rows.map((r) => r.id));
      const items = rows.map((r) => presentMessage(r, attachments));
      return { items, nextCursor: null, total: items.length };
    },

    /**
     * A staff message (public: open tickets only) or a private note (closed tickets too, not deleted ones).
     * A public message is a response: it moves read/assigned tickets to in progress (workflow event) and
     * stamps the first and last staff response used by the overdue rules.
     */
    async addMessage(actorIn: Actor | null, ticketId: number, input: CreateMessageInput): Promise<Message> {
      const actor = requirePermission(actorIn, 'ticket.write');
      const body = cleanRichText(input.body, 'body');
      const attachmentIds = [...new Set(input.attachmentIds)];
      const maxFiles = await settings.get('uploads.maxFilesPerMessage');
      if (attachmentIds.length > maxFiles) {
        throw new AppError('too_many_files', 422, `A message takes at most ${maxFiles} files`, {
          details: { max: maxFiles, given: attachmentIds.length },
        });
      }
      let messageId = 0;
      await core.change(actor, ticketId, undefined, async (row, trx, now) => {
        const status = row.status as TicketStatus;
        if (status === 'deleted') throw notOpen('A deleted ticket takes no messages or notes');
        if (!input.private && !isOpenStatus(status)) {
          throw notOpen(`A ticket with status "${status}" takes internal notes only; reopen it to answer`);
        }
        const attachable = await core.messages.attachableIds(ticketId, attachmentIds, trx);
        const bad = attachmentIds.filter((id) => !attachable.has(id));
        if (bad.length > 0) throw invalidAttachment(bad);
        const message = await core.messages.insert(
          {
            ticket_id: ticketId,
            author_type: 'user',
            author_user_id: actor.userId,
            author_email: null,
            body,
            body_text: cleanHtmlToText(body),
            private: input.private,
            send_by_email: input.sendByEmail,
            mail_id: null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
        messageId = message.id;
        if ((await core.messages.attach(message.id, ticketId, attachmentIds, trx)) !== attachmentIds.length) {
          throw invalidAttachment(attachmentIds);
        }
        const history: HistoryLine[] = [];
        const events: TicketEvent[] = [
          {
            kind: 'message',
            ticketId,
            messageId: message.id,
            actorUserId: actor.userId,
            authorType: 'user',
            private: input.private,
            sendByEmail: input.sendByEmail,
          },
        ];
        if (input.private) {
          history.push({ kind: 'note_added', details: { messageId: message.id } });
          return { patch: {}, history, events };
        }
        const to = applyEvent('staffPublicMessage', status, contextOf(row));
        if (to !== status) {
          history.push({
            kind: 'status_changed',
            field: 'status',
            oldValue: status,
            newValue: to,
            details: { event: 'staffPublicMessage' },
          });
        }
        history.push({
          kind: 'message_added',
          details: { messageId: message.id, sendByEmail: input.sendByEmail },
        });
        return {
          patch: {
            status: to,
            first_response_at: row.first_response_at ?? now,
            last_staff_message_at: now,
          },
          history,
          events,
        };
      });
      const row = await core.messages.findWithAuthor(messageId);
      if (!row) throw new Error(`message ${messageId} vanished after its commit`);
      return presentMessage(row, await core.messages.attachmentsOf([messageId]));
    },
  };
}
