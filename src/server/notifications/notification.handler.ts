import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../common/languages.js';
import type { Permission } from '../../common/permissions.js';
import type { AccountRepository } from '../auth/account.repository.js';
import type { Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { NotificationKind, TicketRow } from '../db/schema.js';
import type { JobRunner } from '../jobs/job.runner.js';
import type { JobContext, TicketEvent } from '../jobs/job.types.js';
import type { MailService } from '../mail/mail.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { visibleTo } from '../tickets/ticket.core.js';
import { excerptOf, notificationMail } from './notification.mail.js';
import { createNotificationRepository, type RecipientRow } from './notification.repository.js';

export interface NotificationHandlerDeps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountRepository, 'permissionsOfUsers'>;
  settings: Pick<SettingsService, 'get'>;
  mail: Pick<MailService, 'queue'>;
  config: Pick<Config, 'publicUrl'>;
}

/** One ticket event as notifications see it: who may hear of it and what they are told. */
interface Plan {
  kind: NotificationKind;
  eventKey: string;
  candidateIds: number[];
  actorName: string | null;
  actorEmail: string | null;
  excerpt: string | null;
}

const asLanguage = (l: string): Language =>
  (LANGUAGES as readonly string[]).includes(l) ? (l as Language) : DEFAULT_LANGUAGE;

/** A would-be recipient as the ticket visibility rules see a signed-in user. */
function asActor(user: RecipientRow, permissions: Permission[]): Actor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    language: asLanguage(user.language),
    permissions: new Set(permissions),
    via: 'token',
  };
}

/**
 * Turns ticket events into staff notifications (SPEC 5): the group named by `notifications.groupId` hears
 * of new tickets and customer messages, the assignee of assignments and customer messages on their
 * tickets. Never the actor, an inactive user, or someone who could not open the ticket. Each notification
 * and its email (unless the user turned email off) commit together; the unique (user, event) key makes a
 * repeated job a no-op.
 */
export function createNotificationHandler(deps: NotificationHandlerDeps) {
  const { db, clock, accounts, settings, mail, config } = deps;
  const repo = createNotificationRepository(db);

  async function groupMembers(): Promise<number[]> {
    const groupId = await settings.get('notifications.groupId');
    return groupId === null ? [] : repo.groupMemberIds(groupId);
  }

  async function staffName(userId: number | null) {
    const user = userId === null ? undefined : await repo.findUserName(userId);
    return { actorName: user?.name ?? null, actorEmail: user?.email ?? null };
  }

  /** The customer as the team knows them: the contact's name when the address is theirs, else the address. */
  async function customerName(ticket: TicketRow, email: string | null): Promise<string | null> {
    const names = await repo.customerNames(ticket.contact_id, ticket.thirdparty_id);
    if (names.contact && (email === null || names.contact.emailLower === email.toLowerCase())) {
      return names.contact.name;
    }
    return email ?? names.thirdparty;
  }

  async function plan(event: TicketEvent, ticket: TicketRow, ctx: JobContext): Promise<Plan | null> {
    switch (event.kind) {
      case 'created': {
        const candidateIds = await groupMembers();
        // No notification group: nobody to tell, no name to look up.
        if (candidateIds.length === 0) return null;
        const actor =
          event.actorUserId !== null
            ? await staffName(event.actorUserId)
            : {
                actorName: await customerName(ticket, ticket.author_email),
                actorEmail: ticket.author_email,
              };
        return {
          kind: 'created',
          eventKey: `created:${ticket.id}`,
          candidateIds,
          ...actor,
          excerpt: null,
        };
      }
      case 'message': {
        const message = await repo.findMessage(event.messageId);
        // Staff messages and notes notify nobody; only what a customer writes does.
        if (!message || message.ticket_id !== ticket.id) return null;
        if (message.author_type !== 'customer' || message.private) return null;
        const assignee = ticket.assignee_id === null ? [] : [ticket.assignee_id];
        return {
          kind: 'message',
          eventKey: `message:${message.id}`,
          candidateIds: [...(await groupMembers()), ...assignee],
          actorName: await customerName(ticket, message.author_email),
          actorEmail: message.author_email,
          excerpt: excerptOf(message.body_text) || null,
        };
      }
      case 'assigned':
        // Reassigned before this job ran: telling the former assignee would be wrong.
        if (ticket.assignee_id !== event.assigneeId) return null;
        return {
          kind: 'assigned',
          // The same person may be assigned the ticket again later: that is a new event, the job tells them apart.
          eventKey: `assigned:${ticket.id}:${ctx.jobId}`,
          candidateIds: [event.assigneeId],
          ...(await staffName(event.actorUserId)),
          excerpt: null,
        };
      case 'closed':
        return null;
    }
  }

  /** Active users among `ids` who can open the ticket, under the "assignee only" setting too. */
  async function recipients(ids: number[], ticket: TicketRow): Promise<RecipientRow[]> {
    const users = (await repo.recipients(ids)).filter((u) => u.active);
    const perms = await accounts.permissionsOfUsers(users.map((u) => u.id));
    const assigneeOnly = await settings.get('tickets.visibleToAssigneeOnly');
    return users.filter((u) => {
      const granted = perms.filter((p) => p.user_id === u.id).map((p) => p.permission as Permission);
      return visibleTo(asActor(u, granted), ticket, assigneeOnly);
    });
  }

  return {
    /** Handles one `notifications.ticketEvent` job; answers how many notifications it created. */
    async handle(event: TicketEvent, ctx: JobContext): Promise<number> {
      // Events that notify nobody whatever the ticket says are answered without reading it.
      if (event.kind === 'closed') return 0;
      if (event.kind === 'created' && (await settings.get('notifications.groupId')) === null) return 0;
      const ticket = await repo.findTicket(event.ticketId);
      // Purged, or deleted meanwhile: nothing worth a notification.
      if (!ticket || ticket.deleted_at !== null) return 0;
      const p = await plan(event, ticket, ctx);
      if (!p) return 0;
      const ids = [...new Set(p.candidateIds)].filter((id) => id !== event.actorUserId);
      const users = await recipients(ids, ticket);
      if (users.length === 0) return 0;
      const now = iso(clock.now());
      const link = `${config.publicUrl}/tickets/${ticket.id}`;
      return db.kysely.transaction().execute(async (trx) => {
        let created = 0;
        for (const user of users) {
          const id = await repo.insertIfNew(
            {
              user_id: user.id,
              ticket_id: ticket.id,
              kind: p.kind,
              event_key: p.eventKey,
              actor_name: p.actorName,
              actor_email: p.actorEmail,
              ticket_ref: ticket.ref,
              ticket_subject: ticket.subject,
              excerpt: p.excerpt,
              created_at: now,
              read_at: null,
            },
            trx,
          );
          if (id === undefined) continue; // an earlier run of this job already told them
          created += 1;
          if (!user.notify_by_email) continue;
          const content = notificationMail({
            language: asLanguage(user.language),
            kind: p.kind,
            ticketRef: ticket.ref,
            ticketSubject: ticket.subject,
            actorName: p.actorName,
            excerpt: p.excerpt,
            link,
          });
          await mail.queue(trx, {
            to: user.email,
            ...content,
            headers: { 'X-Guichet-Notification': p.kind },
            messageIdPrefix: `notification-${ticket.id}`,
          });
        }
        return created;
      });
    },
  };
}

export type NotificationHandler = ReturnType<typeof createNotificationHandler>;

export function registerNotificationJobs(runner: JobRunner, deps: { handler: NotificationHandler }): void {
  runner.register('notifications.ticketEvent', async (event, ctx) => {
    await deps.handler.handle(event, ctx);
  });
}
