import type { Origin } from '../../common/tickets.js';

/**
 * Every job the application knows, by name, with its payload. Payloads carry ids, never objects: a handler
 * reloads what it needs, so a job queued before an edit acts on the current state.
 */
/**
 * Something that happened on a ticket, for the domains that react to it (customer mail, staff
 * notifications). The tickets domain enqueues one job per reacting domain in the command's transaction;
 * each handler reloads the ticket and decides what to do, and must be idempotent (a job may run twice).
 * `actorUserId`: the staff user who acted (never notified of their own action), null for a customer or
 * Guichet itself.
 */
export type TicketEvent =
  | {
      kind: 'created';
      ticketId: number;
      actorUserId: number | null;
      /** Where the ticket came from (customer mail confirms portal and email tickets only). */
      origin: Origin;
      /** Set for tickets from an auto-submitted email: no confirmation goes back (mail loops). */
      autoSubmitted?: boolean;
    }
  | {
      /**
       * Any new message or private note. The message row says who wrote it and whether it goes by email;
       * the event says it too, for deciding which domains hear of it (see tickets/ticket.events.ts).
       */
      kind: 'message';
      ticketId: number;
      messageId: number;
      actorUserId: number | null;
      authorType: 'user' | 'customer';
      private: boolean;
      sendByEmail: boolean;
    }
  | { kind: 'assigned'; ticketId: number; assigneeId: number; actorUserId: number | null }
  | { kind: 'closed'; ticketId: number; actorUserId: number | null; notifyCustomer: boolean };

export type TicketEventKind = TicketEvent['kind'];

export interface JobPayloads {
  'mail.send': { mailId: number };
  /** Customer mail caused by a ticket event: confirmation, staff message by email, notices. */
  'mail.ticketEvent': TicketEvent;
  /** Staff notifications (in-app and email) caused by a ticket event. */
  'notifications.ticketEvent': TicketEvent;
  /** Field service reactions to a ticket event (closing may mark its interventions done). */
  'fieldservice.ticketEvent': TicketEvent;
  /** A third party was renamed: refresh the copy of its name on its tickets (sorting, company search). */
  'tickets.syncThirdpartyName': { thirdpartyId: number };
  /** A user was renamed: refresh the copy of the assignee name on their tickets. */
  'tickets.syncAssigneeName': { userId: number };
  /** Severities were reordered: refresh the severity rank of every ticket. */
  'tickets.syncSeverityRanks': Record<string, never>;
  /** Documents were removed (ticket purged): delete the stored files no document refers to any more. */
  'documents.gcBlobs': { sha256s: string[] };
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  jobId: number;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: JobContext) => Promise<void>;

export interface JobHandlerOptions<N extends JobName> {
  /** While false the runner leaves these jobs pending and untouched (e.g. no SMTP server configured). */
  isReady?: () => boolean;
  /** Called once the last attempt has failed; must be idempotent (a crash may repeat it). */
  onDead?: (payload: JobPayloads[N], error: string) => Promise<void>;
  /** Called after a failed attempt that will be retried at `nextRunAt`. */
  onRetry?: (payload: JobPayloads[N], error: string, nextRunAt: Date) => Promise<void>;
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/** With the default back-off (30 s, doubling) the last of 8 attempts comes about an hour after the first. */
export const DEFAULT_MAX_ATTEMPTS = 8;
