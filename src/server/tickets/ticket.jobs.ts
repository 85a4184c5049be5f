import type { JobRunner } from '../jobs/job.runner.js';
import type { TicketService } from './ticket.service.js';

/** Handlers of the jobs that keep the names and ranks copied onto tickets in step (see ticket.sync.ts). */
export function registerTicketJobs(
  runner: JobRunner,
  deps: { tickets: Pick<TicketService, 'syncThirdpartyName' | 'syncAssigneeName' | 'syncSeverityRanks'> },
): void {
  const { tickets } = deps;
  runner.register('tickets.syncThirdpartyName', async ({ thirdpartyId }) => {
    await tickets.syncThirdpartyName(thirdpartyId);
  });
  runner.register('tickets.syncAssigneeName', async ({ userId }) => {
    await tickets.syncAssigneeName(userId);
  });
  runner.register('tickets.syncSeverityRanks', async () => {
    await tickets.syncSeverityRanks();
  });
}
