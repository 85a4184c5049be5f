import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  bearer,
  createTestApp,
  login,
  type Session,
  type TestApp,
} from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

/**
 * Permissions are read from the groups on every request (auth.service.ts, actorFor), never kept in the
 * session: what an administrator takes away is gone for the member's very next request, whether the member
 * uses the web session or a personal API token.
 */
for (const engine of ENGINES) {
  describe(`removing a permission from a group (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agent: Session;
    let token: ReturnType<typeof bearer>;
    let groupId: number;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const user = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'agent@example.test', name: 'Agent', password: 'agent password 1' },
      });
      const agentId = user.json<{ id: number }>().id;
      const group = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Support', permissions: ['ticket.read', 'ticket.write'], memberIds: [agentId] },
      });
      groupId = group.json<{ id: number }>().id;
      agent = await login(t.app, 'agent@example.test', 'agent password 1');
      const created = await agent.request({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: 'script' },
      });
      expect(created.statusCode, created.body).toBe(201);
      token = bearer(t.app, created.json<{ token: string }>().token);
    });
    afterAll(async () => {
      await t.close();
    });

    const setPermissions = async (permissions: string[]) => {
      const res = await admin.request({
        method: 'PUT',
        url: `/api/v1/groups/${groupId}/permissions`,
        payload: { permissions },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const createTicket = (as: (opts: object) => Promise<{ statusCode: number; body: string }>) =>
      as({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { subject: 'Printer on fire', message: '<p>Help</p>' },
      });

    it('without ticket.write the next creation is 403, by session and by token; reading still works', async () => {
      const before = await createTicket((o) => agent.request(o));
      expect(before.statusCode, before.body).toBe(201);
      const ticketId = (JSON.parse(before.body) as { id: number }).id;

      await setPermissions(['ticket.read']);

      const bySession = await createTicket((o) => agent.request(o));
      expect(bySession.statusCode).toBe(403);
      expect(JSON.parse(bySession.body)).toMatchObject({ error: { code: 'forbidden' } });
      expect((await createTicket((o) => token(o))).statusCode).toBe(403);
      // What is left still works: the same session reads the ticket.
      const read = await agent.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}` });
      expect(read.statusCode).toBe(200);
    });

    it('without ticket.read the next look at a ticket is 404 (its existence is not revealed) and the list 403', async () => {
      await setPermissions(['ticket.read', 'ticket.write']);
      const created = await createTicket((o) => agent.request(o));
      const ticketId = (JSON.parse(created.body) as { id: number }).id;
      expect((await agent.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}` })).statusCode).toBe(
        200,
      );

      await setPermissions([]);

      const bySession = await agent.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}` });
      expect(bySession.statusCode).toBe(404);
      expect(bySession.json()).toMatchObject({ error: { code: 'ticket_not_found' } });
      expect((await token({ method: 'GET', url: `/api/v1/tickets/${ticketId}` })).statusCode).toBe(404);
      expect((await agent.request({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(403);
      // The session itself is still valid: only the permission went away.
      const me = await agent.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { permissions: string[] } }>().user.permissions).toEqual([]);
    });

    it('giving the permission back works from the next request too', async () => {
      await setPermissions(['ticket.read', 'ticket.write']);
      expect((await createTicket((o) => agent.request(o))).statusCode).toBe(201);
      expect((await agent.request({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(200);
    });
  });
}
