import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

for (const engine of ENGINES) {
  describe(`users administration (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await t.close();
    });

    const create = (payload: Record<string, unknown>) =>
      admin.request({ method: 'POST', url: '/api/v1/users', payload });

    it('an administrator creates a user with a password, who can then sign in', async () => {
      const res = await create({
        email: 'Bob@Example.test',
        name: 'Bob',
        language: 'en',
        password: 'bob password 123',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        email: 'Bob@Example.test',
        name: 'Bob',
        language: 'en',
        active: true,
        hasPassword: true,
      });
      expect(res.json()).not.toHaveProperty('setPasswordLink');
      await login(t.app, 'bob@example.test', 'bob password 123');
    });

    it('emails are unique case-insensitively', async () => {
      const res = await create({ email: 'BOB@example.TEST', name: 'Other Bob' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'email_taken' } });
    });

    it('a user created without a password gets a one-time link that works once', async () => {
      const res = await create({ email: 'carol@example.test', name: 'Carol' });
      expect(res.statusCode).toBe(201);
      const { setPasswordLink, hasPassword } = res.json<{ setPasswordLink: string; hasPassword: boolean }>();
      expect(hasPassword).toBe(false);
      expect(setPasswordLink).toMatch(/^http:\/\/guichet\.test\/set-password\?token=/);
      const token = new URL(setPasswordLink).searchParams.get('token');
      const first = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { token, password: 'carol password 1' },
      });
      expect(first.statusCode).toBe(200);
      await login(t.app, 'carol@example.test', 'carol password 1');
      const second = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { token, password: 'carol password 2' },
      });
      expect(second.statusCode).toBe(400);
      expect(second.json()).toMatchObject({ error: { code: 'password_token_invalid' } });
    });

    it('a password link expires', async () => {
      const { id } = (await create({ email: 'late@example.test', name: 'Late' })).json<{ id: number }>();
      const link = (await admin.request({ method: 'POST', url: `/api/v1/users/${id}/password-link` })).json<{
        link: string;
      }>().link;
      t.clock.advance(73 * 3600 * 1000);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { token: new URL(link).searchParams.get('token'), password: 'late password 1' },
      });
      expect(res.statusCode).toBe(400);
    });

    it('lists users by pages with a cursor, a total and a search', async () => {
      for (let i = 0; i < 5; i++)
        await create({ email: `page${i}@example.test`, name: `Page ${i}`, password: 'page password 1' });
      const first = await admin.request({ method: 'GET', url: '/api/v1/users?limit=2&q=page' });
      const body = first.json<{ items: { email: string }[]; nextCursor: string; total: number }>();
      expect(body.total).toBe(5);
      expect(body.items.map((u) => u.email)).toEqual(['page0@example.test', 'page1@example.test']);
      const seen = [...body.items];
      let cursor: string | null = body.nextCursor;
      while (cursor) {
        const page = await admin.request({
          method: 'GET',
          url: `/api/v1/users?limit=2&q=page&cursor=${cursor}`,
        });
        const b = page.json<{ items: { email: string }[]; nextCursor: string | null }>();
        seen.push(...b.items);
        cursor = b.nextCursor;
      }
      expect(seen).toHaveLength(5);
      const bad = await admin.request({ method: 'GET', url: '/api/v1/users?cursor=garbage' });
      expect(bad.statusCode).toBe(400);
    });

    it('search treats % and _ literally', async () => {
      const res = await admin.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent('%')}` });
      expect(res.json()).toMatchObject({ total: 0, items: [] });
    });

    it('updates a user and records it in the audit log', async () => {
      const { id } = (
        await create({ email: 'dan@example.test', name: 'Dan', password: 'dan password 12' })
      ).json<{ id: number }>();
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        payload: { name: 'Daniel', language: 'en' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Daniel', language: 'en' });
      const log = await t.services.audit.list({ targetType: 'user', targetId: String(id), limit: 10 });
      expect(log.map((l) => l.action)).toEqual(['user.update', 'user.create']);
      expect(JSON.parse(log[0]?.details ?? '{}')).toMatchObject({ name: { from: 'Dan', to: 'Daniel' } });
      expect(JSON.stringify(log)).not.toContain('dan password');
    });

    it('an administrator cannot deactivate themselves, and the last administrator cannot be removed', async () => {
      const self = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { active: false },
      });
      expect(self.statusCode).toBe(409);
      expect(self.json()).toMatchObject({ error: { code: 'cannot_deactivate_self' } });
      const noGroups = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { groupIds: [] },
      });
      expect(noGroups.statusCode).toBe(409);
      expect(noGroups.json()).toMatchObject({ error: { code: 'last_admin' } });
      const me = await admin.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json<{ user: { permissions: string[] } }>().user.permissions).toContain('admin');
    });

    it('unknown ids answer 404 and unknown groups 400, with nothing written', async () => {
      expect((await admin.request({ method: 'GET', url: '/api/v1/users/999999' })).statusCode).toBe(404);
      expect((await admin.request({ method: 'GET', url: '/api/v1/users/abc' })).statusCode).toBe(400);
      const res = await create({ email: 'ghost@example.test', name: 'Ghost', groupIds: [424242] });
      expect(res.statusCode).toBe(400);
      const list = await admin.request({ method: 'GET', url: '/api/v1/users?q=ghost' });
      expect(list.json()).toMatchObject({ total: 0 });
    });

    it('a user without admin gets 403 on the users and groups API; no session gets 401', async () => {
      await create({ email: 'agent@example.test', name: 'Agent', password: 'agent password 1' });
      const agent = await login(t.app, 'agent@example.test', 'agent password 1');
      for (const url of ['/api/v1/users', '/api/v1/groups']) {
        const res = await agent.request({ method: 'GET', url });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      }
      const write = await agent.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'x@example.test', name: 'X' },
      });
      expect(write.statusCode).toBe(403);
    });
  });

  describe(`first start and setup link (${engine})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { withAdmin: false });
    });
    afterAll(async () => {
      await t.close();
    });

    it('with no user, a one-time setup link creates the first administrator and signs them in', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({
        setupRequired: true,
      });
      const first = await t.services.users.ensureFirstAdmin();
      expect(first.kind).toBe('setup');
      const link = first.kind === 'setup' ? first.link : '';
      // A newer link replaces the previous one.
      const second = await t.services.users.ensureFirstAdmin();
      const link2 = second.kind === 'setup' ? second.link : '';
      const payload = (l: string) => ({
        token: new URL(l).searchParams.get('token'),
        email: 'root@example.test',
        name: 'Root',
        password: 'root password 1',
        language: 'en',
      });
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: payload(link) }))
          .statusCode,
      ).toBe(400);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: payload(link2) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email: 'root@example.test', language: 'en' } });
      expect(res.json<{ user: { permissions: string[] } }>().user.permissions).toContain('admin');
      expect(res.cookies.find((c) => c.name === 'guichet_session')).toBeTruthy();
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: payload(link2),
      });
      expect(again.statusCode).toBe(409);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({
        setupRequired: false,
      });
      expect(await t.services.users.ensureFirstAdmin()).toEqual({ kind: 'exists' });
    });
  });

  describe(`first administrator from the environment (${engine})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, {
        withAdmin: false,
        env: { GUICHET_ADMIN_EMAIL: 'boss@example.test', GUICHET_ADMIN_PASSWORD: 'boss password 1' },
      });
    });
    afterAll(async () => {
      await t.close();
    });

    it('GUICHET_ADMIN_EMAIL and GUICHET_ADMIN_PASSWORD create the administrator once', async () => {
      expect(await t.services.users.ensureFirstAdmin()).toEqual({
        kind: 'created',
        email: 'boss@example.test',
      });
      expect(await t.services.users.ensureFirstAdmin()).toEqual({ kind: 'exists' });
      const s = await login(t.app, 'boss@example.test', 'boss password 1');
      expect((await s.request({ method: 'GET', url: '/api/v1/users' })).json()).toMatchObject({ total: 1 });
    });
  });
}
