import type { JobRunner } from '../jobs/job.runner.js';
import type { TicketEvent } from '../jobs/job.types.js';
import { createContractService } from './contract.service.js';
import { createEquipmentService } from './equipment.service.js';
import { createEventService } from './event.service.js';
import { createFieldserviceContext, type FieldserviceDeps } from './fieldservice.context.js';
import { createInterventionService } from './intervention.service.js';
import { createProposalService } from './proposal.service.js';
import { createTicketLinkService } from './ticket-link.service.js';

/**
 * Field service (SPEC 6): contracts, equipment, interventions, proposals, agenda events and their links
 * to tickets. Equipment is built on its own (createEquipmentService) because the tickets domain needs it
 * first, as the resolver that checks a ticket's equipment.
 */
export function createFieldservice(deps: FieldserviceDeps) {
  const ctx = createFieldserviceContext(deps);
  const interventions = createInterventionService(ctx);
  const proposals = createProposalService(ctx);
  const events = createEventService(ctx);
  const ticketLinks = createTicketLinkService(ctx, { interventions, proposals, events });

  return {
    contracts: createContractService(ctx),
    interventions,
    proposals,
    events,
    ticketLinks,

    /**
     * Reaction to a ticket event (job fieldservice.ticketEvent). On `closed`, with the setting
     * interventions.closeWithTicket, the ticket's draft and validated interventions become done. It reads the
     * ticket again: reopened meanwhile, nothing happens. Running twice changes nothing more (idempotent).
     */
    async onTicketEvent(event: TicketEvent): Promise<number> {
      if (event.kind !== 'closed') return 0;
      if (!(await deps.settings.get('interventions.closeWithTicket'))) return 0;
      return ctx.command(async (trx, now) => {
        const ticket = await ctx.tickets.findById(event.ticketId, trx);
        if (ticket?.status !== 'closed') return 0;
        const ids = await ctx.links.objectIdsOf(event.ticketId, 'intervention', trx);
        return interventions.repository.markDone(ids, now, trx);
      });
    },
  };
}

export type Fieldservice = ReturnType<typeof createFieldservice>;

export function createEquipment(deps: FieldserviceDeps) {
  return createEquipmentService(createFieldserviceContext(deps));
}

export function registerFieldserviceJobs(runner: JobRunner, deps: { fieldservice: Fieldservice }): void {
  runner.register('fieldservice.ticketEvent', async (event) => {
    await deps.fieldservice.onTicketEvent(event);
  });
}
