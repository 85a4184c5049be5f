import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Notification,
  NotificationList,
  ReadAllResult,
} from '../../common/schemas/notification.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, userWith, type ErrorAnswer } from '../tickets/ticket.fixtures.js';
import { notificationApi, notificationsOf, runJobs, useNotificationGroup } from './notification.fixtures.js';

const AGENT = ['ticket.read', 'ticket.write'] as const;

for (const engine of ENGINES) {
  describe(`my notifications through the API (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let anna: Session;
    let bob: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      anna = await userWith(t, admin, [...AGENT]);
      bob = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [anna.userId, bob.userId]);
      // One at a time: notifications are ordered by when they were made, and jobs run side by side.
      for (const subject of ['First', 'Second', 'Third']) {
        await newTicket(admin, { subject });
        await runJobs(t);
      }
    });
    afterAll(async () => {
      await t.close();
    });

    it('lists my notifications newest first in pages, with the total and my unread count', async () => {
      const api = notificationApi(anna);
      const first = await api.list('?limit=2');
      expect(first.statusCode).toBe(200);
      const page1 = first.json<NotificationList>();
      expect(page1.items.map((n) => n.ticketSubject)).toEqual(['Third', 'Second']);
      expect(page1).toMatchObject({ total: 3, unreadCount: 3 });
      expect(page1.nextCursor).toEqual(expect.any(String));

      const page2 = (
        await api.list(`?limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`)
      ).json<NotificationList>();
      expect(page2.items.map((n) => n.ticketSubject)).toEqual(['First']);
      expect(page2.nextCursor).toBeNull();
      expect((await api.unreadCount()).json()).toEqual({ unreadCount: 3 });
    });

    it('marking one read lowers the unread count, keeps the first read time, and filters it out of unread', async () => {
      const api = notificationApi(bob);
      const [newest] = await notificationsOf(bob);
      const res = await api.read(newest!.id);
      expect(res.statusCode).toBe(200);
      const read = res.json<Notification>();
      expect(read.readAt).toEqual(expect.any(String));
      t.clock.advance(60_000);
      expect((await api.read(newest!.id)).json<Notification>().readAt).toBe(read.readAt);

      expect((await api.unreadCount()).json()).toEqual({ unreadCount: 2 });
      const unread = (await api.list('?unread=true')).json<NotificationList>();
      expect(unread.items.map((n) => n.id)).not.toContain(newest!.id);
      expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
      // Anna's copies are hers: untouched.
      expect((await notificationApi(anna).unreadCount()).json()).toEqual({ unreadCount: 3 });
    });

    it('read-all marks every unread one of mine and answers how many', async () => {
      const api = notificationApi(bob);
      const res = await api.readAll();
      expect(res.statusCode).toBe(200);
      expect(res.json<ReadAllResult>()).toEqual({ updated: 2, unreadCount: 0 });
      expect((await api.readAll()).json<ReadAllResult>()).toEqual({ updated: 0, unreadCount: 0 });
      expect((await notificationsOf(bob)).every((n) => n.readAt !== null)).toBe(true);
      expect((await notificationApi(anna).unreadCount()).json()).toEqual({ unreadCount: 3 });
    });

    it('another user’s notification does not exist for me (404) and stays unread', async () => {
      const [annas] = await notificationsOf(anna);
      const res = await notificationApi(bob).read(annas!.id);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorAnswer>().error.code).toBe('notification_not_found');
      expect((await notificationApi(bob).read(999_999)).statusCode).toBe(404);
      expect((await notificationsOf(anna)).find((n) => n.id === annas!.id)?.readAt).toBeNull();
    });

    it('bad input answers 400 with a code, and nobody signed in gets 401', async () => {
      const api = notificationApi(anna);
      const badCursor = await api.list('?cursor=not-a-cursor');
      expect(badCursor.statusCode).toBe(400);
      expect(badCursor.json<ErrorAnswer>().error.code).toBe('invalid_cursor');
      for (const query of ['?limit=0', '?limit=1000', '?unread=maybe', '?sort=id']) {
        const res = await api.list(query);
        expect(res.statusCode, query).toBe(400);
        expect(res.json<ErrorAnswer>().error.code).toBe('validation_error');
      }
      expect((await api.read(0)).statusCode).toBe(400);
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('email notifications are on by default and only a boolean turns them off (PATCH /auth/me)', async () => {
      const me = async () =>
        (await anna.request({ method: 'GET', url: '/api/v1/auth/me' })).json<{
          user: { notifyByEmail: boolean };
        }>().user.notifyByEmail;
      expect(await me()).toBe(true);
      for (const notifyByEmail of ['no', null, 0]) {
        const res = await anna.request({
          method: 'PATCH',
          url: '/api/v1/auth/me',
          payload: { notifyByEmail },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json<ErrorAnswer>().error.code).toBe('validation_error');
      }
      expect(await me()).toBe(true);
      const off = await anna.request({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { notifyByEmail: false },
      });
      expect(off.json<{ user: { notifyByEmail: boolean } }>().user.notifyByEmail).toBe(false);
      expect(await me()).toBe(false);
      await anna.request({ method: 'PATCH', url: '/api/v1/auth/me', payload: { notifyByEmail: true } });
    });

    it('a purged ticket takes its notifications with it', async () => {
      const extra = await newTicket(admin, { subject: 'Spam' });
      await runJobs(t);
      expect((await notificationsOf(anna)).some((n) => n.ticketId === extra.id)).toBe(true);
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/tickets/${extra.id}` })).statusCode).toBe(
        200,
      );
      const purge = await admin.request({ method: 'DELETE', url: `/api/v1/tickets/${extra.id}?purge=true` });
      expect(purge.statusCode).toBe(204);
      expect((await notificationsOf(anna)).some((n) => n.ticketId === extra.id)).toBe(false);
    });
  });
}
