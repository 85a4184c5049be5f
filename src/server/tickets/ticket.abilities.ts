import { isOpenStatus, type TicketAbilities, type TicketStatus } from '../../common/tickets.js';
import { can, type Actor } from '../auth/actor.js';
import { canApply } from './ticket.workflow.js';

/**
 * What `actor` may do on a ticket in its current state: the permission each action needs, and whether the
 * workflow table allows it from the status. The staff app shows or hides its buttons from this alone.
 */
export function ticketAbilities(
  actor: Actor | null,
  ticket: { status: TicketStatus; assigneeId: number | null; thirdpartyId?: number | null },
): TicketAbilities {
  const { status } = ticket;
  const write = can(actor, 'ticket.write');
  const manage = can(actor, 'ticket.manage');
  const open = isOpenStatus(status);
  const deleted = status === 'deleted';
  const hasThirdparty = ticket.thirdpartyId !== undefined && ticket.thirdpartyId !== null;
  return {
    update: write && open,
    markRead: write && canApply('markRead', status),
    assign: write && canApply('assign', status),
    unassign: write && open && ticket.assigneeId !== null,
    setWaiting: write && canApply('setWaiting', status),
    setInProgress: write && canApply('setInProgress', status),
    close: write && canApply('close', status),
    reopen: manage && canApply('reopen', status),
    delete: can(actor, 'ticket.delete') && canApply('delete', status),
    restore: manage && canApply('restore', status),
    purge: can(actor, 'admin') && canApply('purge', status),
    addMessage: write && open,
    addNote: write && !deleted,
    uploadDocument: write && !deleted,
    // Field service (SPEC 6): the object is created and linked; interventions and proposals are made out
    // to the ticket's third party, so without one they are not offered (and the API refuses them).
    createIntervention: can(actor, 'intervention.write') && !deleted && hasThirdparty,
    createProposal: can(actor, 'proposal.write') && !deleted && hasThirdparty,
    createEvent: can(actor, 'agenda.write') && !deleted,
  };
}
