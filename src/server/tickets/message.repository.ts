import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type {
  Database,
  DocumentRow,
  MailStatus,
  TicketMessageRow,
  TicketMessagesTable,
} from '../db/schema.js';

type Executor = Kysely<Database>;

export type NewMessageRow = Omit<Selectable<TicketMessagesTable>, 'id'>;

export interface MessageListRow extends TicketMessageRow {
  author_name: string | null;
  /** Delivery of the message's email, when it has one (mails joined on mail_id). */
  mail_status: MailStatus | null;
  mail_error: string | null;
  mail_attempts: number | null;
  mail_sent_at: string | null;
}

export interface AttachmentRow extends DocumentRow {
  uploader_name: string | null;
}

const withDelivery = [
  'u.name as author_name',
  'ml.status as mail_status',
  'ml.last_error as mail_error',
  'ml.attempts as mail_attempts',
  'ml.sent_at as mail_sent_at',
] as const;

/** Ticket messages and the documents attached to them. */
export function createMessageRepository(db: Db) {
  const k = db.kysely;
  return {
    insert: (row: NewMessageRow, ex: Executor): Promise<TicketMessageRow> =>
      ex.insertInto('ticket_messages').values(row).returningAll().executeTakeFirstOrThrow(),

    /** Newest first (SPEC 2.6), with the author's name. */
    listForTicket: (ticketId: number): Promise<MessageListRow[]> =>
      k
        .selectFrom('ticket_messages as m')
        .leftJoin('users as u', 'u.id', 'm.author_user_id')
        .leftJoin('mails as ml', 'ml.id', 'm.mail_id')
        .selectAll('m')
        .select(withDelivery)
        .where('m.ticket_id', '=', ticketId)
        .orderBy('m.id', 'desc')
        .execute(),

    findWithAuthor: (id: number): Promise<MessageListRow | undefined> =>
      k
        .selectFrom('ticket_messages as m')
        .leftJoin('users as u', 'u.id', 'm.author_user_id')
        .leftJoin('mails as ml', 'ml.id', 'm.mail_id')
        .selectAll('m')
        .select(withDelivery)
        .where('m.id', '=', id)
        .executeTakeFirst(),

    attachmentsOf: async (messageIds: number[]): Promise<AttachmentRow[]> => {
      if (messageIds.length === 0) return [];
      return k
        .selectFrom('documents as d')
        .leftJoin('users as u', 'u.id', 'd.uploaded_by_user_id')
        .selectAll('d')
        .select('u.name as uploader_name')
        .where('d.message_id', 'in', messageIds)
        .orderBy('d.id')
        .execute();
    },

    /** The documents among `ids` that belong to the ticket and are on no message yet. */
    attachableIds: async (ticketId: number, ids: number[], ex: Executor): Promise<Set<number>> => {
      if (ids.length === 0) return new Set();
      const rows = await ex
        .selectFrom('documents')
        .select('id')
        .where('id', 'in', ids)
        .where('ticket_id', '=', ticketId)
        .where('message_id', 'is', null)
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Returns how many documents were linked; the `message_id is null` guard makes a racing link lose. */
    attach: async (messageId: number, ticketId: number, ids: number[], ex: Executor): Promise<number> => {
      if (ids.length === 0) return 0;
      const r = await ex
        .updateTable('documents')
        .set({ message_id: messageId })
        .where('id', 'in', ids)
        .where('ticket_id', '=', ticketId)
        .where('message_id', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}

export type MessageRepository = ReturnType<typeof createMessageRepository>;
