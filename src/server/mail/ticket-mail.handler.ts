import type { Settings } from '../../common/settings.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { JobRunner } from '../jobs/job.runner.js';
import type { JobContext, TicketEvent } from '../jobs/job.types.js';
import type { PortalLinks } from '../portal/portal.links.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createHistoryRepository } from '../tickets/history.repository.js';
import { confirmsCreation } from '../tickets/ticket.events.js';
import type { RenderedMail } from './mail.render.js';
import type { MailService } from './mail.service.js';
import {
  composeMessage,
  composeNotice,
  customerAddress,
  languageOf,
  type ComposeInput,
} from './ticket-mail.compose.js';
import { createTicketMailRepository, type TicketMailContext } from './ticket-mail.repository.js';

export interface TicketMailDeps {
  db: Db;
  clock: Clock;
  mail: MailService;
  settings: Pick<SettingsService, 'all'>;
  portalLinks: Pick<PortalLinks, 'ticketLink'>;
}

/** Why a message asked to go by email could not: shown as its delivery error. */
export const NO_RECIPIENT = 'no_recipient';

/** One mail decided for an event, before it is written. */
interface Plan {
  /** Once-only key of the mail (see the mail migration). */
  key: string;
  template: 'confirmation' | 'message' | 'assignNotice' | 'closeNotice';
  to: string | null;
  rendered: RenderedMail;
  messageRef?: number;
}

/**
 * Customer mail caused by ticket events (SPEC 5): the creation confirmation, staff messages sent by
 * email, and the optional assignment and close notices. Idempotent: each mail has a once-only key in the
 * same transaction as the mail, so a job that runs twice sends once.
 */
export function createTicketMailer(deps: TicketMailDeps) {
  const { db, clock, mail, settings, portalLinks } = deps;
  const repo = createTicketMailRepository(db);
  const history = createHistoryRepository(db);

  async function plan(event: TicketEvent, ctx: JobContext, s: Settings, ticket: TicketMailContext) {
    const lang = languageOf(ticket);
    const to = customerAddress(ticket);
    // The signed link is made only for a mail that is sent (most events send none).
    const linked = async (): Promise<ComposeInput> => ({
      settings: s,
      ticket,
      lang,
      to,
      link: await portalLinks.ticketLink(ticket.trackId),
    });
    const t = `t${ticket.id}`;
    switch (event.kind) {
      case 'created': {
        if (event.autoSubmitted || !confirmsCreation(ticket.origin) || !ticket.authorEmail) return null;
        const confirmTo = ticket.authorEmail;
        const input = { ...(await linked()), to: confirmTo };
        return {
          key: `${t}:created`,
          template: 'confirmation',
          to: confirmTo,
          rendered: composeNotice('confirmation', input),
        } satisfies Plan;
      }
      case 'message': {
        const m = await repo.message(db.kysely, event.messageId);
        if (!m || m.ticketId !== ticket.id || m.authorType !== 'user' || m.private || !m.sendByEmail)
          return null;
        if (m.mailId !== null) return null;
        return {
          key: `${t}:message:${m.id}`,
          template: 'message',
          to,
          rendered: composeMessage(await linked(), { html: m.body, text: m.bodyText }),
          messageRef: m.id,
        } satisfies Plan;
      }
      case 'assigned': {
        if (!s['mail.noticeOnAssign'] || !to) return null;
        const assigneeName = (await repo.userName(db.kysely, event.assigneeId)) ?? ticket.assigneeName;
        return {
          // An assignment may happen many times: the job is what must not repeat.
          key: `${t}:assigned:job${ctx.jobId}`,
          template: 'assignNotice',
          to,
          rendered: composeNotice('assignNotice', { ...(await linked()), assigneeName }),
        } satisfies Plan;
      }
      case 'closed': {
        if (!event.notifyCustomer || !to) return null;
        return {
          key: `${t}:closed:job${ctx.jobId}`,
          template: 'closeNotice',
          to,
          rendered: composeNotice('closeNotice', await linked()),
        } satisfies Plan;
      }
    }
  }

  /** Writes the planned mail, its link to the message and the history row, in one transaction. */
  async function write(ticket: TicketMailContext, p: Plan): Promise<void> {
    await db.kysely.transaction().execute(async (trx) => {
      if (await mail.findByDedupeKey(trx, p.key)) return;
      const common = {
        subject: p.rendered.subject,
        text: p.rendered.text,
        html: p.rendered.html,
        headers: { 'X-Guichet-Ticket': ticket.ref },
        inReplyTo: (await mail.lastMessageIdOfTicket(trx, ticket.id)) ?? undefined,
        messageIdPrefix: `ticket-${ticket.id}`,
        ticketId: ticket.id,
        messageRef: p.messageRef,
        dedupeKey: p.key,
      };
      const { id } = p.to
        ? await mail.queue(trx, { ...common, to: p.to })
        : await mail.recordUndeliverable(trx, common, NO_RECIPIENT);
      if (p.messageRef !== undefined) await repo.linkMessageMail(trx, p.messageRef, id);
      await history.record(trx, {
        ticketId: ticket.id,
        at: iso(clock.now()),
        actor: { type: 'system' },
        kind: 'email_sent',
        details: {
          mailId: id,
          to: p.to,
          template: p.template,
          ...(p.messageRef !== undefined ? { messageId: p.messageRef } : {}),
          ...(p.to ? {} : { error: NO_RECIPIENT }),
        },
      });
    });
  }

  return {
    async handle(event: TicketEvent, ctx: JobContext): Promise<void> {
      // Reads happen before the transaction: on SQLite it holds the only connection.
      const ticket = await repo.ticket(db.kysely, event.ticketId);
      // Purged, or deleted since: the customer hears nothing more about it.
      if (!ticket || ticket.status === 'deleted') return;
      const p = await plan(event, ctx, await settings.all(), ticket);
      if (!p) return;
      try {
        await write(ticket, p);
      } catch (err) {
        // A concurrent run of the same job wrote the mail first: that one counts.
        if (isUniqueViolation(err)) return;
        throw err;
      }
    },
  };
}

export type TicketMailer = ReturnType<typeof createTicketMailer>;

export function registerTicketMailJobs(runner: JobRunner, deps: { ticketMailer: TicketMailer }): void {
  runner.register('mail.ticketEvent', (event, ctx) => deps.ticketMailer.handle(event, ctx));
}
