import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, NotificationsTable, TicketRow } from '../db/schema.js';

type Executor = Kysely<Database>;

export type NotificationRow = Selectable<NotificationsTable>;
export type NewNotificationRow = Insertable<NotificationsTable>;

/** A staff member who might be notified, with what the rules and the email need. */
export interface RecipientRow {
  id: number;
  email: string;
  name: string;
  language: string;
  active: boolean;
  notify_by_email: boolean;
}

/** The message a `message` event points to: who wrote it, and its text for the excerpt. */
export interface EventMessageRow {
  id: number;
  ticket_id: number;
  author_type: string;
  author_user_id: number | null;
  author_email: string | null;
  body_text: string;
  private: boolean;
}

/** Notifications, and the reads of users, groups, tickets and messages that deciding them needs. */
export function createNotificationRepository(db: Db) {
  const k = db.kysely;
  return {
    /**
     * Inserts unless this user already has this event (unique user_id + event_key): answers the new id,
     * or undefined for a repeat, so the caller sends the email only with a new row.
     */
    async insertIfNew(row: NewNotificationRow, ex: Executor): Promise<number | undefined> {
      const inserted = await ex
        .insertInto('notifications')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'event_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id;
    },

    /** Newest first, from after the cursor's id. */
    listForUser: (q: { userId: number; unread: boolean; beforeId?: number; limit: number }) =>
      k
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', q.userId)
        .$if(q.unread, (b) => b.where('read_at', 'is', null))
        .$if(q.beforeId !== undefined, (b) => b.where('id', '<', q.beforeId ?? 0))
        .orderBy('id', 'desc')
        .limit(q.limit)
        .execute(),

    async countForUser(userId: number, unread: boolean): Promise<number> {
      const r = await k
        .selectFrom('notifications')
        .select((e) => e.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .$if(unread, (b) => b.where('read_at', 'is', null))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    findForUser: (id: number, userId: number): Promise<NotificationRow | undefined> =>
      k
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    /** Marks one read (keeps the first read time when already read). Answers whether it is the user's. */
    async markRead(id: number, userId: number, now: string): Promise<NotificationRow | undefined> {
      await k
        .updateTable('notifications')
        .set({ read_at: now })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute();
      return k
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
    },

    async markAllRead(userId: number, now: string): Promise<number> {
      const r = await k
        .updateTable('notifications')
        .set({ read_at: now })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    findTicket: (id: number): Promise<TicketRow | undefined> =>
      k.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst(),

    findMessage: (id: number): Promise<EventMessageRow | undefined> =>
      k
        .selectFrom('ticket_messages')
        .select(['id', 'ticket_id', 'author_type', 'author_user_id', 'author_email', 'body_text', 'private'])
        .where('id', '=', id)
        .executeTakeFirst(),

    findUserName: async (id: number): Promise<{ name: string; email: string } | undefined> =>
      k.selectFrom('users').select(['name', 'email']).where('id', '=', id).executeTakeFirst(),

    /** Names of a contact and a third party, to say which customer acted. */
    customerNames: async (contactId: number | null, thirdpartyId: number | null) => {
      const contact =
        contactId === null
          ? undefined
          : await k
              .selectFrom('contacts')
              .select(['name', 'email_lower'])
              .where('id', '=', contactId)
              .executeTakeFirst();
      const thirdparty =
        thirdpartyId === null
          ? undefined
          : await k
              .selectFrom('thirdparties')
              .select('name')
              .where('id', '=', thirdpartyId)
              .executeTakeFirst();
      return {
        contact: contact ? { name: contact.name, emailLower: contact.email_lower } : null,
        thirdparty: thirdparty?.name ?? null,
      };
    },

    groupMemberIds: async (groupId: number): Promise<number[]> =>
      (await k.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).execute()).map(
        (r) => r.user_id,
      ),

    recipients: async (ids: number[]): Promise<RecipientRow[]> => {
      if (ids.length === 0) return [];
      return k
        .selectFrom('users')
        .select(['id', 'email', 'name', 'language', 'active', 'notify_by_email'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
