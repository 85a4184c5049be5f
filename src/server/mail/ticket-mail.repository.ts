import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, DatabaseWithTicketLanguage } from '../db/schema.js';

type Executor = Kysely<Database>;

/** What a customer mail about a ticket needs: the ticket and the addresses of its customer. */
export interface TicketMailContext {
  id: number;
  ref: string;
  trackId: string;
  subject: string;
  status: string;
  resolution: string | null;
  origin: string;
  authorEmail: string | null;
  language: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  thirdpartyName: string | null;
  thirdpartyEmail: string | null;
}

export interface TicketMailMessage {
  id: number;
  ticketId: number;
  authorType: string;
  private: boolean;
  sendByEmail: boolean;
  mailId: number | null;
  body: string;
  bodyText: string;
}

/** Reads for customer mail about tickets; the ticket itself is only changed by the tickets domain. */
export function createTicketMailRepository(db: Db) {
  // `tickets.language` is added by the mail migration; see DatabaseWithTicketLanguage.
  const withLanguage = (ex: Executor) => ex as unknown as Kysely<DatabaseWithTicketLanguage>;

  return {
    async ticket(ex: Executor, ticketId: number): Promise<TicketMailContext | undefined> {
      const r = await withLanguage(ex)
        .selectFrom('tickets as t')
        .leftJoin('contacts as c', 'c.id', 't.contact_id')
        .leftJoin('thirdparties as tp', 'tp.id', 't.thirdparty_id')
        .select([
          't.id',
          't.ref',
          't.track_id',
          't.subject',
          't.status',
          't.resolution',
          't.origin',
          't.author_email',
          't.language',
          't.assignee_id',
          't.assignee_name',
          'c.name as contact_name',
          'c.email as contact_email',
          'tp.name as thirdparty_name',
          'tp.email as thirdparty_email',
        ])
        .where('t.id', '=', ticketId)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          ref: r.ref,
          trackId: r.track_id,
          subject: r.subject,
          status: r.status,
          resolution: r.resolution,
          origin: r.origin,
          authorEmail: r.author_email,
          language: r.language,
          assigneeId: r.assignee_id,
          assigneeName: r.assignee_name,
          contactName: r.contact_name,
          contactEmail: r.contact_email,
          thirdpartyName: r.thirdparty_name,
          thirdpartyEmail: r.thirdparty_email,
        }
      );
    },

    async message(ex: Executor, messageId: number): Promise<TicketMailMessage | undefined> {
      const r = await ex
        .selectFrom('ticket_messages')
        .select([
          'id',
          'ticket_id',
          'author_type',
          'private',
          'send_by_email',
          'mail_id',
          'body',
          'body_text',
        ])
        .where('id', '=', messageId)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          ticketId: r.ticket_id,
          authorType: r.author_type,
          // SQLite answers booleans as 0/1.
          private: Boolean(r.private),
          sendByEmail: Boolean(r.send_by_email),
          mailId: r.mail_id,
          body: r.body,
          bodyText: r.body_text,
        }
      );
    },

    async userName(ex: Executor, userId: number): Promise<string | null> {
      const r = await ex.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
      return r?.name ?? null;
    },

    /** Links the message to its mail once; false when another run linked it first. */
    async linkMessageMail(ex: Executor, messageId: number, mailId: number): Promise<boolean> {
      const r = await ex
        .updateTable('ticket_messages')
        .set({ mail_id: mailId })
        .where('id', '=', messageId)
        .where('mail_id', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** The mail of a message of a ticket, for the retry button. */
    async messageMail(
      ticketId: number,
      messageId: number,
    ): Promise<{ messageId: number; mailId: number | null; status: string | null } | undefined> {
      const r = await db.kysely
        .selectFrom('ticket_messages as m')
        .leftJoin('mails as ml', 'ml.id', 'm.mail_id')
        .select(['m.id', 'm.mail_id', 'ml.status'])
        .where('m.id', '=', messageId)
        .where('m.ticket_id', '=', ticketId)
        .executeTakeFirst();
      return r && { messageId: r.id, mailId: r.mail_id, status: r.status };
    },
  };
}

export type TicketMailRepository = ReturnType<typeof createTicketMailRepository>;
