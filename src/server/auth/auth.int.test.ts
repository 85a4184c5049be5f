import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bearer, createTestApp, login, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { THROTTLE } from './throttle.js';

for (const engine of ENGINES) {
  describe(`authentication (${engine})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine);
    });
    afterAll(async () => {
      await t.close();
    });

    async function createUser(email: string, password = 'a long enough password', groupIds: number[] = []) {
      const admin = await login(t.app, ADMIN.email, ADMIN.password);
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email, name: email.split('@')[0], password, groupIds },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: number }>();
    }

    it('signing in answers the user and a CSRF token and sets an HttpOnly SameSite=Lax cookie', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
        remoteAddress: '10.0.0.1',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ user: { email: string; permissions: string[] }; csrfToken: string }>();
      expect(body.user.email).toBe(ADMIN.email);
      expect(body.user.permissions).toContain('admin');
      expect(body.user.permissions).toContain('ticket.read');
      expect(body.csrfToken.length).toBeGreaterThan(20);
      const cookie = res.cookies.find((c) => c.name === 'guichet_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(JSON.stringify(body)).not.toContain('password');
    });

    it('a wrong password and an unknown email get the same answer', async () => {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN.email, password: 'not the password' },
        remoteAddress: '10.0.0.2',
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.test', password: 'not the password' },
        remoteAddress: '10.0.0.2',
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'Invalid email or password' },
      });
    });

    it('a cookie request that changes data needs the CSRF token; a Bearer request does not', async () => {
      const s = await login(t.app, ADMIN.email, ADMIN.password);
      const without = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        headers: { cookie: s.cookie },
        payload: { name: 'Ada' },
      });
      expect(without.statusCode).toBe(403);
      expect(without.json()).toMatchObject({ error: { code: 'csrf_invalid' } });
      const wrong = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
        payload: { name: 'Ada' },
      });
      expect(wrong.statusCode).toBe(403);
      const ok = await s.request({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { name: 'Ada Admin', language: 'en' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ user: { name: 'Ada Admin', language: 'en' } });
      // The language is stored on the user.
      const me = await s.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json()).toMatchObject({ user: { language: 'en' }, csrfToken: s.csrfToken });
    });

    it('signing out ends the session', async () => {
      const s = await login(t.app, ADMIN.email, ADMIN.password);
      expect((await s.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
      const me = await s.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.statusCode).toBe(401);
      expect(me.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

    it('an unknown or malformed session cookie is treated as signed out', async () => {
      for (const cookie of [
        'guichet_session=bogus',
        'guichet_session=' + 'a'.repeat(43),
        'guichet_session=%%%;;',
      ]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    });

    it('five failures lock the account with 429 and Retry-After, even for the right password, until the lock ends', async () => {
      const email = 'locked@example.test';
      await createUser(email, 'right password 123');
      const attempt = (password: string, ip: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password },
          remoteAddress: ip,
        });
      for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
        expect((await attempt('wrong password', `10.1.0.${i}`)).statusCode).toBe(401);
      }
      const locked = await attempt('right password 123', '10.1.0.99');
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.json()).toMatchObject({ error: { code: 'too_many_requests' } });
      t.clock.advance(THROTTLE.lockMs + 1000);
      expect((await attempt('right password 123', '10.1.0.99')).statusCode).toBe(200);
    });

    it('many failures from one address lock that address for every account', async () => {
      for (let i = 0; i < THROTTLE.maxPerIp; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `spray${i}@example.test`, password: 'guess' },
          remoteAddress: '10.9.9.9',
        });
        expect(res.statusCode).toBe(401);
      }
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN.email, password: ADMIN.password },
        remoteAddress: '10.9.9.9',
      });
      expect(res.statusCode).toBe(429);
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN.email, password: ADMIN.password },
        remoteAddress: '10.9.9.10',
      });
      expect(other.statusCode).toBe(200);
      t.clock.advance(THROTTLE.lockMs + 1000);
    });

    it('a personal API token is shown once, works as Bearer without CSRF, and stops working when revoked', async () => {
      const s = await login(t.app, ADMIN.email, ADMIN.password);
      const created = await s.request({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: 'CI script' },
      });
      expect(created.statusCode).toBe(201);
      const { token, id, prefix } = created.json<{ token: string; id: number; prefix: string }>();
      expect(token.startsWith(prefix)).toBe(true);
      const list = await s.request({ method: 'GET', url: '/api/v1/auth/tokens' });
      expect(list.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(id);
      expect(list.body).not.toContain(token);
      const api = bearer(t.app, token);
      expect((await api({ method: 'GET', url: '/api/v1/auth/me' })).json()).toMatchObject({
        user: { email: ADMIN.email },
      });
      expect(
        (await api({ method: 'PATCH', url: '/api/v1/auth/me', payload: { name: 'Ada Admin' } })).statusCode,
      ).toBe(200);
      expect((await s.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(204);
      const after = await api({ method: 'GET', url: '/api/v1/auth/me' });
      expect(after.statusCode).toBe(401);
      expect((await s.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(404);
    });

    it('a malformed or unknown Authorization header gets 401 with the error shape', async () => {
      for (const authorization of ['Bearer', 'Basic abc', 'Bearer gch_unknown', 'Bearer nope']) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization } });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    });

    it('a deactivated user cannot sign in, and their sessions and tokens end', async () => {
      const email = 'leaver@example.test';
      const { id } = await createUser(email, 'leaver password 1');
      const s = await login(t.app, email, 'leaver password 1');
      const token = (
        await s.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 't' } })
      ).json<{
        token: string;
      }>().token;
      const admin = await login(t.app, ADMIN.email, ADMIN.password);
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/users/${id}` })).json()).toMatchObject({
        active: false,
      });
      expect((await s.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      expect((await bearer(t.app, token)({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'leaver password 1' },
      });
      expect(again.statusCode).toBe(403);
      expect(again.json()).toMatchObject({ error: { code: 'account_inactive' } });
    });

    it('changing my password needs the current one and ends my other sessions', async () => {
      const email = 'changer@example.test';
      await createUser(email, 'first password 1');
      const a = await login(t.app, email, 'first password 1');
      const b = await login(t.app, email, 'first password 1');
      const bad = await a.request({
        method: 'POST',
        url: '/api/v1/auth/me/password',
        payload: { currentPassword: 'wrong', newPassword: 'second password 2' },
      });
      expect(bad.statusCode).toBe(400);
      const ok = await a.request({
        method: 'POST',
        url: '/api/v1/auth/me/password',
        payload: { currentPassword: 'first password 1', newPassword: 'second password 2' },
      });
      expect(ok.statusCode).toBe(200);
      expect((await a.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      await login(t.app, email, 'second password 2');
    });
  });
}

for (const engine of ENGINES) {
  describe(`housekeeping (${engine})`, () => {
    it('expired sessions, links and stale throttling counters are purged; live ones stay', async () => {
      const t = await createTestApp(engine);
      try {
        const live = await login(t.app, ADMIN.email, ADMIN.password);
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: ADMIN.email, password: 'wrong' },
          remoteAddress: '10.3.3.3',
        });
        await t.services.auth.createPasswordLink(live.userId);
        expect(await t.services.auth.purgeExpired()).toBe(0);
        t.clock.advance(15 * 24 * 3600 * 1000);
        const fresh = await login(t.app, ADMIN.email, ADMIN.password);
        // The old session, the link, and the address counter (a success already cleared the account one).
        expect(await t.services.auth.purgeExpired()).toBe(3);
        expect((await live.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
        expect((await fresh.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      } finally {
        await t.close();
      }
    });
  });
}
