import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { TICKET_ABILITIES } from '../../common/tickets.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, ticketApi, userWith, writeCounts } from './ticket.fixtures.js';

type ErrorAnswer = { error: { code: string } };

for (const engine of ENGINES) {
  describe(`ticket permissions and abilities (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let adminApi: ReturnType<typeof ticketApi>;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      adminApi = ticketApi(admin);
    });
    afterAll(async () => {
      await t.close();
    });

    it('a reader can see a ticket, its history and messages, but every change answers 403 and writes nothing', async () => {
      const reader = ticketApi(await userWith(t, admin, ['ticket.read']));
      const ticket = await newTicket(admin, { unread: true });
      expect((await reader.get(ticket.id)).statusCode).toBe(200);
      expect((await reader.history(ticket.id)).statusCode).toBe(200);
      expect((await reader.messages(ticket.id)).statusCode).toBe(200);
      const abilities = (await reader.get(ticket.id)).json<Ticket>().abilities;
      expect(Object.values(abilities).every((v) => v === false)).toBe(true);
      const before = await writeCounts(t);
      const attempts = [
        await reader.create({ subject: 'S', message: 'M' }),
        await reader.patch(ticket.id, { version: 1, subject: 'S' }),
        await reader.act(ticket.id, 'read'),
        await reader.act(ticket.id, 'assign', { userId: admin.userId }),
        await reader.act(ticket.id, 'status', { status: 'waiting' }),
        await reader.act(ticket.id, 'close', { resolution: 'solved' }),
        await reader.act(ticket.id, 'reopen'),
        await reader.act(ticket.id, 'restore'),
        await reader.remove(ticket.id),
        await reader.remove(ticket.id, true),
        await reader.post(ticket.id, { body: 'hi' }),
        await reader.post(ticket.id, { body: 'note', private: true }),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual(attempts.map(() => 403));
      expect(await writeCounts(t)).toEqual(before);
    });

    it('without ticket.read a ticket does not exist (404), not even its history or messages', async () => {
      const outsider = ticketApi(await userWith(t, admin, ['thirdparty.read']));
      const ticket = await newTicket(admin);
      for (const res of [
        await outsider.get(ticket.id),
        await outsider.history(ticket.id),
        await outsider.messages(ticket.id),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json<ErrorAnswer>().error.code).toBe('ticket_not_found');
      }
    });

    it('reopen and restore need ticket.manage; delete needs ticket.delete; purge needs admin', async () => {
      const writer = ticketApi(await userWith(t, admin, ['ticket.read', 'ticket.write']));
      const manager = ticketApi(await userWith(t, admin, ['ticket.read', 'ticket.write', 'ticket.manage']));
      const deleter = ticketApi(await userWith(t, admin, ['ticket.read', 'ticket.delete', 'ticket.manage']));
      const ticket = await newTicket(admin);
      await writer.act(ticket.id, 'close', { resolution: 'solved' });
      expect((await writer.act(ticket.id, 'reopen')).statusCode).toBe(403);
      expect((await manager.act(ticket.id, 'reopen')).statusCode).toBe(200);
      expect((await manager.remove(ticket.id)).statusCode).toBe(403);
      expect((await deleter.remove(ticket.id)).statusCode).toBe(200);
      expect((await writer.act(ticket.id, 'restore')).statusCode).toBe(403);
      expect((await deleter.remove(ticket.id, true)).statusCode).toBe(403);
      expect((await manager.act(ticket.id, 'restore')).statusCode).toBe(200);
      await deleter.remove(ticket.id);
      expect((await adminApi.remove(ticket.id, true)).statusCode).toBe(204);
    });

    it('abilities follow the permissions of the caller and the status of the ticket', async () => {
      const writer = ticketApi(await userWith(t, admin, ['ticket.read', 'ticket.write']));
      const unread = await newTicket(admin, { unread: true });
      const asWriter = (await writer.get(unread.id)).json<Ticket>().abilities;
      expect(asWriter).toEqual({
        update: true,
        markRead: true,
        assign: true,
        unassign: false,
        setWaiting: false,
        setInProgress: false,
        close: true,
        reopen: false,
        delete: false,
        restore: false,
        purge: false,
        addMessage: true,
        addNote: true,
        uploadDocument: true,
        createIntervention: false,
        createProposal: false,
        createEvent: false,
      });
      const assigned = await newTicket(admin, { assigneeId: admin.userId });
      const asAdmin = (await adminApi.get(assigned.id)).json<Ticket>().abilities;
      expect(asAdmin).toMatchObject({
        markRead: false,
        unassign: true,
        setWaiting: true,
        delete: true,
        purge: false,
      });
      await adminApi.remove(assigned.id);
      const deleted = (await adminApi.get(assigned.id)).json<Ticket>().abilities;
      expect(Object.keys(deleted).sort()).toEqual([...TICKET_ABILITIES].sort());
      expect(deleted).toMatchObject({
        restore: true,
        purge: true,
        update: false,
        assign: false,
        addNote: false,
        uploadDocument: false,
      });
      expect((await writer.get(assigned.id)).json<Ticket>().abilities).toMatchObject({
        restore: false,
        purge: false,
      });
    });

    it('with "visible to assignee only", agents without ticket.manage do not see tickets of others', async () => {
      const agent = await userWith(t, admin, ['ticket.read', 'ticket.write']);
      const agentApi = ticketApi(agent);
      const mine = await newTicket(admin, { assigneeId: agent.userId });
      const others = await newTicket(admin, { assigneeId: admin.userId });
      const nobodys = await newTicket(admin);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.visibleToAssigneeOnly': true },
      });
      try {
        expect((await agentApi.get(mine.id)).statusCode).toBe(200);
        expect((await agentApi.get(nobodys.id)).statusCode).toBe(200);
        expect((await agentApi.get(others.id)).statusCode).toBe(404);
        expect((await agentApi.act(others.id, 'close', { resolution: 'solved' })).statusCode).toBe(404);
        expect((await adminApi.get(others.id)).statusCode).toBe(200);
      } finally {
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/settings',
          payload: { 'tickets.visibleToAssigneeOnly': false },
        });
      }
    });

    it('signed-out calls answer 401', async () => {
      const ticket = await newTicket(admin);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).statusCode).toBe(
        401,
      );
    });
  });
}
