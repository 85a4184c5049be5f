import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { TicketEvent } from '../jobs/job.types.js';

/**
 * Tells the reacting domains (customer mail, staff notifications) what happened, through jobs written
 * with `ex`, the command's transaction: the change and its consequences commit together or not at all.
 */
export async function emitTicketEvents(
  jobs: JobQueue,
  ex: Kysely<Database>,
  events: readonly TicketEvent[],
): Promise<void> {
  for (const event of events) {
    await jobs.enqueue(ex, 'mail.ticketEvent', event);
    await jobs.enqueue(ex, 'notifications.ticketEvent', event);
    // Field service only reacts to closing (setting interventions.closeWithTicket): no job for the rest.
    if (event.kind === 'closed') await jobs.enqueue(ex, 'fieldservice.ticketEvent', event);
  }
}
