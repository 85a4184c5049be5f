/** Fixtures for the notification integration tests (not a test file itself). */
import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Notification, NotificationList } from '../../common/schemas/notification.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { iso } from '../clock.js';

type Requester = Pick<Session, 'request'>;

/** The signed-in user's notification endpoints. */
export function notificationApi(s: Requester) {
  const call = (opts: InjectOptions) => s.request(opts);
  return {
    list: (query = '') => call({ method: 'GET', url: `/api/v1/notifications${query}` }),
    unreadCount: () => call({ method: 'GET', url: '/api/v1/notifications/unread-count' }),
    read: (id: number) => call({ method: 'POST', url: `/api/v1/notifications/${id}/read`, payload: {} }),
    readAll: () => call({ method: 'POST', url: '/api/v1/notifications/read-all', payload: {} }),
  };
}

/** Every notification of the user, newest first. */
export async function notificationsOf(s: Requester): Promise<Notification[]> {
  const res = await notificationApi(s).list('?limit=100');
  if (res.statusCode !== 200) throw new Error(`notifications: ${res.statusCode} ${res.body}`);
  return res.json<NotificationList>().items;
}

/**
 * Makes a group of `memberIds` (granting nothing: permissions come from the members' other groups) the
 * notification group of the settings. Answers its id.
 */
export async function useNotificationGroup(admin: Requester, memberIds: number[]): Promise<number> {
  const g = await admin.request({
    method: 'POST',
    url: '/api/v1/groups',
    payload: { name: `notified-${crypto.randomBytes(4).toString('hex')}`, permissions: [], memberIds },
  });
  if (g.statusCode !== 201) throw new Error(`group: ${g.statusCode} ${g.body}`);
  const { id } = g.json<{ id: number }>();
  await setSettings(admin, { 'notifications.groupId': id });
  return id;
}

export async function setSettings(admin: Requester, patch: Record<string, unknown>): Promise<void> {
  const res = await admin.request({ method: 'PATCH', url: '/api/v1/settings', payload: patch });
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
}

export async function patchMe(s: Requester, patch: Record<string, unknown>) {
  const res = await s.request({ method: 'PATCH', url: '/api/v1/auth/me', payload: patch });
  if (res.statusCode !== 200) throw new Error(`me: ${res.statusCode} ${res.body}`);
  return res.json<{ user: { notifyByEmail: boolean; language: string } }>().user;
}

/**
 * A message written by the customer on the ticket, as the portal and incoming mail record it: the row
 * (author_type `customer`) and its ticket event, committed together like a ticket command does. Written
 * directly because the customer-side commands belong to the portal and incoming-mail work.
 */
export async function customerMessage(
  t: TestApp,
  ticketId: number,
  email: string,
  text: string,
): Promise<number> {
  const now = iso(t.clock.now());
  return t.services.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ticket_messages')
      .values({
        ticket_id: ticketId,
        author_type: 'customer',
        author_user_id: null,
        author_email: email,
        body: `<p>${text}</p>`,
        body_text: text,
        private: false,
        send_by_email: false,
        mail_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.jobs.enqueue(trx, 'notifications.ticketEvent', {
      kind: 'message',
      ticketId,
      messageId: row.id,
      actorUserId: null,
      authorType: 'customer',
      private: false,
      sendByEmail: false,
    });
    return row.id;
  });
}

/** Runs every due job (ticket events, then the mails they queue). */
export const runJobs = (t: TestApp): Promise<number> => t.services.runner.runDue();

/** Outgoing mails stored for `email`. */
export async function mailsTo(t: TestApp, email: string) {
  return t.services.db.kysely
    .selectFrom('mails')
    .select(['id', 'subject', 'text_body', 'html_body'])
    .where('to_address', '=', email)
    .orderBy('id')
    .execute();
}
