import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, ticketApi, userWith } from '../tickets/ticket.fixtures.js';
import {
  customerMessage,
  mailsTo,
  notificationsOf,
  runJobs,
  setSettings,
  useNotificationGroup,
} from './notification.fixtures.js';

const AGENT = ['ticket.read', 'ticket.write'] as const;

for (const engine of ENGINES) {
  describe(`who is notified of what (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await t.close();
    });
    beforeEach(async () => {
      // Earlier tests' events must not leak into the next one's counts.
      await runJobs(t);
      await setSettings(admin, { 'notifications.groupId': null, 'tickets.visibleToAssigneeOnly': false });
    });

    it('a new ticket notifies every member of the notification group, except the one who opened it', async () => {
      const anna = await userWith(t, admin, [...AGENT], 'Anna Agent');
      const bob = await userWith(t, admin, [...AGENT], 'Bob Agent');
      const outsider = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [anna.userId, bob.userId]);

      const ticket = await newTicket(anna, { subject: 'Scanner jammed' });
      await runJobs(t);

      expect(await notificationsOf(anna)).toEqual([]);
      expect(await notificationsOf(outsider)).toEqual([]);
      expect(await notificationsOf(bob)).toMatchObject([
        {
          kind: 'created',
          ticketId: ticket.id,
          ticketRef: ticket.ref,
          ticketSubject: 'Scanner jammed',
          actorName: 'Anna Agent',
          readAt: null,
        },
      ]);
    });

    it('without a notification group a new ticket notifies nobody', async () => {
      const anna = await userWith(t, admin, [...AGENT]);
      await newTicket(admin);
      await runJobs(t);
      expect(await notificationsOf(anna)).toEqual([]);
    });

    it('assigning notifies the new assignee; assigning oneself notifies nobody', async () => {
      const anna = await userWith(t, admin, [...AGENT], 'Anna Assigner');
      const bob = await userWith(t, admin, [...AGENT]);
      const ticket = await newTicket(anna);

      expect((await ticketApi(anna).act(ticket.id, 'assign', { userId: bob.userId })).statusCode).toBe(200);
      const own = await newTicket(anna);
      expect((await ticketApi(anna).act(own.id, 'assign', { userId: anna.userId })).statusCode).toBe(200);
      await runJobs(t);

      expect(await notificationsOf(bob)).toMatchObject([
        { kind: 'assigned', ticketId: ticket.id, actorName: 'Anna Assigner' },
      ]);
      expect(await notificationsOf(anna)).toEqual([]);
    });

    it('an assignment made when the ticket is opened notifies the assignee', async () => {
      const bob = await userWith(t, admin, [...AGENT]);
      const ticket = await newTicket(admin, { assigneeId: bob.userId });
      await runJobs(t);
      expect(await notificationsOf(bob)).toMatchObject([{ kind: 'assigned', ticketId: ticket.id }]);
    });

    it('a customer message notifies the group and the assignee, once each, with the start of the message', async () => {
      const anna = await userWith(t, admin, [...AGENT]);
      const bob = await userWith(t, admin, [...AGENT]);
      const carl = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [anna.userId, bob.userId]);
      const ticket = await newTicket(admin, { assigneeId: carl.userId });
      const other = await newTicket(admin, { assigneeId: bob.userId });
      await runJobs(t);
      const before = {
        anna: (await notificationsOf(anna)).length,
        bob: (await notificationsOf(bob)).length,
        carl: (await notificationsOf(carl)).length,
      };

      await customerMessage(t, ticket.id, 'client@example.test', 'The printer   still\nsmokes.');
      await customerMessage(t, other.id, 'client@example.test', 'Any news?');
      await runJobs(t);

      const messages = async (s: Session) =>
        (await notificationsOf(s)).filter((n) => n.kind === 'message').map((n) => n.ticketId);
      expect((await notificationsOf(anna)).length - before.anna).toBe(2);
      expect((await messages(anna)).sort()).toEqual([ticket.id, other.id].sort());
      // Bob is both in the group and the assignee of `other`: told once about it.
      expect((await notificationsOf(bob)).length - before.bob).toBe(2);
      expect((await notificationsOf(carl)).length - before.carl).toBe(1);
      expect((await notificationsOf(carl))[0]).toMatchObject({
        kind: 'message',
        ticketId: ticket.id,
        actorName: 'client@example.test',
        actorEmail: 'client@example.test',
        excerpt: 'The printer still smokes.',
      });
    });

    it('staff messages and private notes notify nobody, not even the group or the assignee', async () => {
      const anna = await userWith(t, admin, [...AGENT]);
      const bob = await userWith(t, admin, [...AGENT]);
      const ticket = await newTicket(admin, { assigneeId: bob.userId });
      await runJobs(t);
      await useNotificationGroup(admin, [anna.userId, bob.userId]);
      const before = [(await notificationsOf(anna)).length, (await notificationsOf(bob)).length];

      expect((await ticketApi(admin).post(ticket.id, { body: '<p>On it</p>' })).statusCode).toBe(201);
      expect(
        (await ticketApi(admin).post(ticket.id, { body: '<p>Internal</p>', private: true })).statusCode,
      ).toBe(201);
      await runJobs(t);

      expect([(await notificationsOf(anna)).length, (await notificationsOf(bob)).length]).toEqual(before);
    });

    it('a notification job that runs twice notifies and emails once', async () => {
      const anna = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [anna.userId]);
      const ticket = await newTicket(admin);
      await runJobs(t);
      const email = (await t.services.accounts.findUserById(anna.userId))!.email;
      expect(await notificationsOf(anna)).toHaveLength(1);
      expect(await mailsTo(t, email)).toHaveLength(1);

      // As after a crash between the work and its "done" mark: the same job comes back.
      const k = t.services.db.kysely;
      const job = await k
        .selectFrom('jobs')
        .select(['id', 'payload'])
        .where('name', '=', 'notifications.ticketEvent')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(job.payload)).toMatchObject({ kind: 'created', ticketId: ticket.id });
      await k
        .updateTable('jobs')
        .set({ status: 'pending', finished_at: null })
        .where('id', '=', job.id)
        .execute();
      expect(await runJobs(t)).toBe(1);

      expect(await notificationsOf(anna)).toHaveLength(1);
      expect(await mailsTo(t, email)).toHaveLength(1);
    });

    it('inactive users and users who cannot read tickets are skipped; admin counts as reading', async () => {
      const reader = await userWith(t, admin, ['ticket.read']);
      const adminOnly = await userWith(t, admin, ['admin']);
      const customersOnly = await userWith(t, admin, ['thirdparty.read']);
      const leaver = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [
        reader.userId,
        adminOnly.userId,
        customersOnly.userId,
        leaver.userId,
      ]);
      const deactivated = await admin.request({ method: 'DELETE', url: `/api/v1/users/${leaver.userId}` });
      expect(deactivated.statusCode).toBe(200);

      const ticket = await newTicket(admin);
      await runJobs(t);

      expect(await notificationsOf(reader)).toMatchObject([{ ticketId: ticket.id }]);
      expect(await notificationsOf(adminOnly)).toMatchObject([{ ticketId: ticket.id }]);
      expect(await notificationsOf(customersOnly)).toEqual([]);
      const rows = await t.services.db.kysely
        .selectFrom('notifications')
        .select('user_id')
        .where('ticket_id', '=', ticket.id)
        .execute();
      expect(rows.map((r) => r.user_id)).not.toContain(leaver.userId);
    });

    it('with "visible to assignee only", a group member who could not open the ticket is not notified', async () => {
      const plain = await userWith(t, admin, [...AGENT]);
      const manager = await userWith(t, admin, [...AGENT, 'ticket.manage']);
      const carl = await userWith(t, admin, [...AGENT]);
      await useNotificationGroup(admin, [plain.userId, manager.userId]);
      await setSettings(admin, { 'tickets.visibleToAssigneeOnly': true });

      const carls = await newTicket(admin, { assigneeId: carl.userId });
      const unassigned = await newTicket(admin);
      await customerMessage(t, carls.id, 'client@example.test', 'Hello?');
      await runJobs(t);

      const about = async (s: Session) =>
        (await notificationsOf(s)).map((n) => `${n.kind}:${n.ticketId}`).sort();
      expect(await about(plain)).toEqual([`created:${unassigned.id}`]);
      expect(await about(manager)).toEqual(
        [`created:${carls.id}`, `created:${unassigned.id}`, `message:${carls.id}`].sort(),
      );
      expect(await about(carl)).toEqual([`assigned:${carls.id}`, `message:${carls.id}`].sort());
    });
  });
}
