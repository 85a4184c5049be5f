import type { Message } from '../../common/schemas/message.schema.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import type { TicketService } from '../tickets/ticket.service.js';
import type { MailService } from './mail.service.js';
import { customerAddress } from './ticket-mail.compose.js';
import { createTicketMailRepository } from './ticket-mail.repository.js';

export interface TicketMailServiceDeps {
  db: Db;
  mail: MailService;
  tickets: Pick<TicketService, 'get' | 'listMessages'>;
}

/** Staff actions on the customer mail of a ticket: the retry button of a failed message email. */
export function createTicketMailService({ db, mail, tickets }: TicketMailServiceDeps) {
  const repo = createTicketMailRepository(db);

  return {
    /**
     * Re-queues the failed email of a message (SPEC 5: delivery visible, retried). A mail that never had a
     * recipient takes the customer's current address, if the ticket has one now. 409 when not failed.
     */
    async retryMessageMail(actorIn: Actor | null, ticketId: number, messageId: number): Promise<Message> {
      const actor = requirePermission(actorIn, 'ticket.write');
      // Answers 404 for a ticket the actor may not see, as every ticket route does.
      await tickets.get(actor, ticketId);
      const found = await repo.messageMail(ticketId, messageId);
      if (!found) throw notFound('message_not_found', `Message ${messageId} not found on this ticket`);
      if (found.mailId === null || found.status !== 'failed') {
        throw conflict('mail_not_failed', 'Only a failed email can be sent again', {
          status: found.status ?? (found.mailId === null ? null : 'unknown'),
        });
      }
      const stored = await mail.get(found.mailId);
      let to = stored?.to ?? '';
      if (!to) {
        const ticket = await repo.ticket(db.kysely, ticketId);
        to = (ticket && customerAddress(ticket)) ?? '';
      }
      if (!to) {
        throw new AppError('no_recipient', 422, 'The ticket has no customer email address to send to');
      }
      const requeued = await db.kysely.transaction().execute((trx) => mail.requeue(trx, found.mailId!, to));
      if (!requeued) throw conflict('mail_not_failed', 'Only a failed email can be sent again');
      const { items } = await tickets.listMessages(actor, ticketId);
      const message = items.find((m) => m.id === messageId);
      if (!message) throw notFound('message_not_found', `Message ${messageId} not found on this ticket`);
      return message;
    },
  };
}

export type TicketMailService = ReturnType<typeof createTicketMailService>;
