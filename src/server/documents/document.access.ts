import { can, requireActor, requirePermission, type Actor } from '../auth/actor.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { DocumentRepository, TicketForDocuments } from './document.repository.js';

export const ticketNotFound = () => notFound('ticket_not_found', 'No such ticket');
export const documentNotFound = (message = 'No such document') => notFound('document_not_found', message);
export const ticketDeleted = () =>
  conflict('ticket_deleted', 'This ticket is deleted: restore it before changing its documents');
export const tooManyFiles = (max: number) =>
  new AppError('too_many_files', 422, `At most ${max} files per message`, { details: { max } });

/**
 * Who may see and change the documents of a ticket. Reading needs ticket.read, changing needs
 * ticket.write as well; without ticket.read the answer is the 404 of a missing ticket, so nobody learns
 * which tickets exist. With the setting `tickets.visibleToAssigneeOnly`, agents without ticket.manage see
 * only tickets assigned to them or to nobody (SPEC 7), here as everywhere else.
 */
export function createDocumentAccess(deps: { repo: DocumentRepository; settings: SettingsService }) {
  const { repo, settings } = deps;

  async function isVisible(actor: Actor, ticket: TicketForDocuments): Promise<boolean> {
    if (can(actor, 'ticket.manage')) return true;
    if (!(await settings.get('tickets.visibleToAssigneeOnly'))) return true;
    return ticket.assignee_id === null || ticket.assignee_id === actor.userId;
  }

  /**
   * The actor, checked for ticket.read (and ticket.write when `write`); `hidden` is the error to answer
   * when reading is not allowed, the same as for something that does not exist.
   */
  function check(actorIn: Actor | null, write: boolean, hidden: () => AppError): Actor {
    const actor = requireActor(actorIn);
    if (!can(actor, 'ticket.read')) throw hidden();
    return write ? requirePermission(actor, 'ticket.write') : actor;
  }

  return {
    check,

    /** The ticket when the actor may see it, else ticket_not_found. */
    async readableTicket(actor: Actor, ticketId: number): Promise<TicketForDocuments> {
      const ticket = await repo.findTicket(ticketId);
      if (!ticket || !(await isVisible(actor, ticket))) throw ticketNotFound();
      return ticket;
    },

    /** Whether the actor may see this ticket (the permissions were checked by `check`). */
    async canSee(actor: Actor, ticketId: number): Promise<boolean> {
      const ticket = await repo.findTicket(ticketId);
      return ticket !== undefined && (await isVisible(actor, ticket));
    },
  };
}

export type DocumentAccess = ReturnType<typeof createDocumentAccess>;
