import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../common/schemas/audit.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

for (const engine of ENGINES) {
  describe(`audit log (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let second: Session;
    let agent: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const groups = (await admin.request({ method: 'GET', url: '/api/v1/groups' })).json<{
        items: { id: number; name: string }[];
      }>().items;
      const admins = groups.find((g) => g.name === 'Administrators')?.id ?? 0;
      const create = (email: string, name: string, groupIds: number[]) =>
        admin.request({
          method: 'POST',
          url: '/api/v1/users',
          payload: { email, name, password: 'a long password 1', groupIds },
        });
      await create('second@example.test', 'Second Admin', [admins]);
      await create('agent@example.test', 'Agent', []);
      second = await login(t.app, 'second@example.test', 'a long password 1');
      agent = await login(t.app, 'agent@example.test', 'a long password 1');
    });
    afterAll(async () => {
      await t.close();
    });

    const read = async (s: Session, query = '') => {
      const res = await s.request({ method: 'GET', url: `/api/v1/audit-log${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return { page: res.json<AuditPage>(), body: res.body };
    };

    it('an administrator sees a settings change with who, when and what changed; secrets never appear', async () => {
      t.clock.advance(60_000);
      const patch = await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: {
          'portal.title.en': 'Help desk',
          'mail.smtp.host': 'smtp.example.test',
          'mail.smtp.password': 'hunter2-very-secret',
        },
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const { page, body } = await read(admin, '?targetType=settings');
      const [entry] = page.items;
      expect(entry).toMatchObject({
        action: 'settings.update',
        targetType: 'settings',
        targetId: null,
        actor: { id: admin.userId, name: ADMIN.name },
        at: t.clock.now().toISOString(),
        details: {
          'portal.title.en': { from: 'Support', to: 'Help desk' },
          'mail.smtp.host': { from: '', to: 'smtp.example.test' },
          'mail.smtp.password': 'changed',
        },
      });
      expect(body).not.toContain('hunter2');
      // Neither the value nor its sealed form is anywhere in the log's rows.
      const rows = await t.services.db.kysely.selectFrom('audit_log').select('details').execute();
      const sealed = await t.services.db.kysely
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'mail.smtp.password')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(rows)).not.toContain('hunter2');
      expect(JSON.stringify(rows)).not.toContain(JSON.parse(sealed.value) as string);

      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'mail.smtp.password': '' },
      });
      const cleared = (await read(admin, '?action=settings.update&limit=1')).page.items[0];
      expect(cleared?.details).toEqual({ 'mail.smtp.password': 'cleared' });
    });

    it("a user's new password is recorded as changed, never as its value", async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { password: 'brand new password 9', name: 'Agent Smith' },
      });
      expect(res.statusCode).toBe(200);
      const { page, body } = await read(admin, `?action=user.update&limit=1`);
      expect(page.items[0]).toMatchObject({
        targetType: 'user',
        targetId: String(agent.userId),
        details: { password: 'changed', name: { from: 'Agent', to: 'Agent Smith' } },
      });
      expect(body).not.toContain('brand new password');
    });

    it('a secret written by mistake under a password key is masked when read', async () => {
      await t.services.audit.record({
        actorUserId: null,
        action: 'settings.update',
        targetType: 'settings',
        targetId: null,
        details: { 'mail.imap.password': { from: true, to: true }, apiToken: 'plain-token-value' },
        at: t.clock.now().toISOString(),
      });
      const { page, body } = await read(admin, '?targetType=settings&limit=1');
      expect(page.items[0]).toMatchObject({
        actor: null,
        details: { 'mail.imap.password': 'changed', apiToken: 'changed' },
      });
      expect(body).not.toContain('plain-token-value');
    });

    it('pages newest first with a cursor; the total counts every matching row', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await admin.request({
          method: 'POST',
          url: '/api/v1/groups',
          payload: { name: `Team ${i}` },
        });
        expect(res.statusCode).toBe(201);
      }
      const all = (await read(admin, '?limit=200')).page;
      expect(all.nextCursor).toBeNull();
      expect(all.total).toBe(all.items.length);
      const ids = all.items.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));

      const seen: AuditEntry[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const { page } = await read(admin, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(all.total);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      }
      expect(pages).toBe(Math.ceil(all.total / 2));
      expect(seen.map((e) => e.id)).toEqual(ids);

      const created = (await read(admin, '?action=group.create&limit=3')).page;
      expect(created.total).toBe(5);
      expect(created.items.map((e) => e.details.name)).toEqual(['Team 4', 'Team 3', 'Team 2']);
    });

    it('filters by action, by kind of action, by target type and by author', async () => {
      const g = await second.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'Second team' },
      });
      const groupId = g.json<{ id: number }>().id;
      await second.request({
        method: 'POST',
        url: `/api/v1/groups/${groupId}/members`,
        payload: { userId: agent.userId },
      });

      const bySecond = (await read(admin, `?actorId=${second.userId}`)).page;
      expect(bySecond.items.map((e) => e.action)).toEqual(['group.member_add', 'group.create']);
      expect(bySecond.items.every((e) => e.actor?.name === 'Second Admin')).toBe(true);
      expect(bySecond.total).toBe(2);

      const groupKind = (await read(admin, '?action=group.')).page;
      expect(groupKind.total).toBe(7);
      expect(groupKind.items.every((e) => e.action.startsWith('group.'))).toBe(true);
      // "_" is no wildcard: the kind "portal_link." does not match "portalxlink.*".
      await t.services.audit.record({
        actorUserId: null,
        action: 'portalxlink.test',
        targetType: 'thirdparty',
        targetId: 1,
        at: t.clock.now().toISOString(),
      });
      expect((await read(admin, '?action=portal_link.')).page.total).toBe(0);
      expect((await read(admin, '?action=portalxlink.')).page.total).toBe(1);

      const users = (await read(admin, '?targetType=user')).page;
      expect(users.items.every((e) => e.targetType === 'user')).toBe(true);
      // Two created by the administrator, the first one by the system, one update.
      expect(users.total).toBe(4);
      expect(users.items.at(-1)).toMatchObject({ action: 'user.create', actor: null });

      const combined = (await read(admin, `?targetType=group&actorId=${second.userId}&action=group.create`))
        .page;
      expect(combined.items).toHaveLength(1);
      expect(combined.items[0]).toMatchObject({
        targetId: String(groupId),
        details: { name: 'Second team' },
      });
    });

    it('bad filters and cursors answer 400; nothing matching answers an empty page', async () => {
      for (const query of [
        '?action=DROP%20TABLE',
        '?actorId=abc',
        '?limit=0',
        '?limit=500',
        '?cursor=garbage',
        '?foo=1',
      ]) {
        const res = await admin.request({ method: 'GET', url: `/api/v1/audit-log${query}` });
        expect(res.statusCode, query).toBe(400);
        expect(res.json<{ error: { code: string } }>().error.code).toMatch(/validation_error|bad_request/);
      }
      expect((await read(admin, '?actorId=999999')).page).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it('only administrators read the log: 403 for an agent, 401 without a session', async () => {
      // The agent's password changed above, which ended their sessions.
      agent = await login(t.app, 'agent@example.test', 'brand new password 9');
      const res = await agent.request({ method: 'GET', url: '/api/v1/audit-log' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(401);
    });
  });
}
