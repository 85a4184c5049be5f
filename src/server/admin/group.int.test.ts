import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

for (const engine of ENGINES) {
  describe(`groups and permissions (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agentId: number;
    let agent: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'agent@example.test', name: 'Agent', password: 'agent password 1' },
      });
      agentId = res.json<{ id: number }>().id;
      agent = await login(t.app, 'agent@example.test', 'agent password 1');
    });
    afterAll(async () => {
      await t.close();
    });

    const me = async (s: Session) =>
      (await s.request({ method: 'GET', url: '/api/v1/auth/me' })).json<{
        user: { permissions: string[]; groups: { name: string }[] };
      }>().user;

    it('a group gives its members its permissions, from their next request on', async () => {
      expect((await me(agent)).permissions).toEqual([]);
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: {
          name: 'Support',
          description: 'First line',
          permissions: ['ticket.read', 'ticket.write'],
          memberIds: [agentId],
        },
      });
      expect(res.statusCode).toBe(201);
      const group = res.json<{ id: number; memberIds: number[]; permissions: string[] }>();
      expect(group.memberIds).toEqual([agentId]);
      expect(group.permissions.sort()).toEqual(['ticket.read', 'ticket.write']);
      const after = await me(agent);
      expect(after.permissions).toEqual(['ticket.read', 'ticket.write']);
      expect(after.groups.map((g) => g.name)).toEqual(['Support']);

      const put = await admin.request({
        method: 'PUT',
        url: `/api/v1/groups/${group.id}/permissions`,
        payload: { permissions: ['ticket.read'] },
      });
      expect(put.statusCode).toBe(200);
      expect((await me(agent)).permissions).toEqual(['ticket.read']);
    });

    it('granting admin through a group opens the administration API at once', async () => {
      expect((await agent.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Managers', permissions: ['admin'], memberIds: [agentId] },
      });
      const id = res.json<{ id: number }>().id;
      expect((await agent.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
      expect(
        (await admin.request({ method: 'DELETE', url: `/api/v1/groups/${id}/members/${agentId}` }))
          .statusCode,
      ).toBe(200);
      expect((await agent.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
      expect(
        (
          await admin.request({
            method: 'POST',
            url: `/api/v1/groups/${id}/members`,
            payload: { userId: agentId },
          })
        ).json(),
      ).toMatchObject({ memberIds: [agentId] });
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/groups/${id}` })).statusCode).toBe(204);
      expect((await agent.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
      expect((await admin.request({ method: 'GET', url: `/api/v1/groups/${id}` })).statusCode).toBe(404);
    });

    it('group names are unique case-insensitively; unknown members and permissions are refused', async () => {
      const dup = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'SUPPORT' },
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ error: { code: 'group_name_taken' } });
      const ghost = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Ghosts', memberIds: [987654] },
      });
      expect(ghost.statusCode).toBe(400);
      const perm = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Odd', permissions: ['root'] },
      });
      expect(perm.statusCode).toBe(400);
      expect(perm.json()).toMatchObject({ error: { code: 'validation_error' } });
      const list = await admin.request({ method: 'GET', url: '/api/v1/groups' });
      expect(list.json<{ items: { name: string }[] }>().items.map((g) => g.name)).not.toContain('Ghosts');
    });

    it('the change that would leave no administrator is refused and nothing is written', async () => {
      const list = await admin.request({ method: 'GET', url: '/api/v1/groups' });
      const admins = list
        .json<{ items: { id: number; name: string; permissions: string[] }[] }>()
        .items.find((g) => g.name === 'Administrators');
      expect(admins).toBeDefined();
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/groups/${admins?.id}`,
        payload: { permissions: ['ticket.read'], description: 'changed' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'last_admin' } });
      const del = await admin.request({ method: 'DELETE', url: `/api/v1/groups/${admins?.id}` });
      expect(del.statusCode).toBe(409);
      const after = await admin.request({ method: 'GET', url: `/api/v1/groups/${admins?.id}` });
      expect(after.json()).toMatchObject({ permissions: ['admin'], description: 'Full access' });
    });

    it('anyone who can change tickets lists the active users who can be assigned, without admin rights', async () => {
      const denied = await agent.request({ method: 'GET', url: '/api/v1/users/assignable' });
      expect(denied.statusCode).toBe(403);
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Writers', permissions: ['ticket.read', 'ticket.write'], memberIds: [agentId] },
      });
      const res = await agent.request({ method: 'GET', url: '/api/v1/users/assignable' });
      expect(res.statusCode).toBe(200);
      const names = res.json<{ items: { name: string; email: string }[] }>().items.map((u) => u.email);
      expect(names).toContain(ADMIN.email);
      expect(names).toContain('agent@example.test');
      await admin.request({ method: 'DELETE', url: `/api/v1/groups/${created.json<{ id: number }>().id}` });
    });

    it('renaming and describing a group is audited with before and after', async () => {
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Field' },
      });
      const id = created.json<{ id: number }>().id;
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/groups/${id}`,
        payload: { name: 'Field team' },
      });
      expect(res.json()).toMatchObject({ name: 'Field team' });
      const log = await t.services.audit.list({ targetType: 'group', targetId: String(id), limit: 5 });
      expect(log[0]?.action).toBe('group.update');
      expect(JSON.parse(log[0]?.details ?? '{}')).toEqual({ name: { from: 'Field', to: 'Field team' } });
    });
  });
}
