import type { Kysely } from 'kysely';
import type { Settings } from '../../common/settings.js';
import type { Database } from '../db/schema.js';
import type { JobQueue, QueuedJob } from '../jobs/job.queue.js';
import type { TicketEvent } from '../jobs/job.types.js';
import type { SettingsService } from '../settings/settings.service.js';

/** Customers get a confirmation of the tickets they wrote (portal, email); staff wrote the others. */
export const confirmsCreation = (origin: string): boolean => origin === 'portal' || origin === 'email';

/**
 * Whether customer mail may follow the event (mail/ticket-mail.handler.ts decides what, when it runs):
 * the confirmation of a ticket a customer wrote, a staff message sent by email, the optional notices.
 */
function customerMailFollows(event: TicketEvent, s: Settings): boolean {
  switch (event.kind) {
    case 'created':
      return !event.autoSubmitted && confirmsCreation(event.origin);
    case 'message':
      return event.authorType === 'user' && !event.private && event.sendByEmail;
    case 'assigned':
      return s['mail.noticeOnAssign'];
    case 'closed':
      return event.notifyCustomer;
  }
}

/**
 * Whether a staff notification may follow (notifications/notification.handler.ts): new tickets when a
 * notification group is set, what customers write, assignments. Closing and staff messages notify nobody.
 */
function staffMayHear(event: TicketEvent, s: Settings): boolean {
  switch (event.kind) {
    case 'created':
      return s['notifications.groupId'] !== null;
    case 'message':
      return event.authorType === 'customer' && !event.private;
    case 'assigned':
      return true;
    case 'closed':
      return false;
  }
}

/**
 * The jobs an event needs: one per reacting domain that may act on it. A job its handler would drop at
 * once is not written (most commands need none, and on SQLite every row written waits its turn on the
 * one write lock). The handlers still check everything when they run: the settings may have changed
 * since (a process trusts its copy for 5 s), and the state of the ticket is theirs to read.
 */
export function jobsOfTicketEvent(event: TicketEvent, s: Settings): QueuedJob[] {
  const jobs: QueuedJob[] = [];
  if (customerMailFollows(event, s)) jobs.push({ name: 'mail.ticketEvent', payload: event });
  if (staffMayHear(event, s)) jobs.push({ name: 'notifications.ticketEvent', payload: event });
  // Field service only reacts to closing (setting interventions.closeWithTicket).
  if (event.kind === 'closed') jobs.push({ name: 'fieldservice.ticketEvent', payload: event });
  return jobs;
}

/**
 * Tells the reacting domains (customer mail, staff notifications, field service) what happened, through
 * jobs written with `ex`, the command's transaction: the change and its consequences commit together or
 * not at all. The settings come from the process's copy (read through the transaction if this process
 * has none yet: on SQLite a read outside it would wait for the transaction, which waits for the read).
 */
export async function emitTicketEvents(
  deps: { jobs: JobQueue; settings: Pick<SettingsService, 'all'> },
  ex: Kysely<Database>,
  events: readonly TicketEvent[],
): Promise<void> {
  const s = await deps.settings.all(ex);
  const queued = events.flatMap((event) => jobsOfTicketEvent(event, s));
  // One statement: a ticket command writes few, and each one waits its turn on SQLite's lock.
  if (queued.length > 0) await deps.jobs.enqueueMany(ex, queued);
}
