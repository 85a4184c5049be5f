import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobQueue, QueuedJob } from '../jobs/job.queue.js';
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
  const queued: QueuedJob[] = [];
  for (const event of events) {
    queued.push({ name: 'mail.ticketEvent', payload: event });
    queued.push({ name: 'notifications.ticketEvent', payload: event });
    // Field service only reacts to closing (setting interventions.closeWithTicket): no job for the rest.
    if (event.kind === 'closed') queued.push({ name: 'fieldservice.ticketEvent', payload: event });
  }
  // One statement: a ticket command writes few, and each one waits its turn on SQLite's lock.
  await jobs.enqueueMany(ex, queued);
}
