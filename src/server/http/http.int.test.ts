import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

for (const engine of ENGINES) {
  describe(`HTTP contract (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await t.close();
    });

    it('health answers ok and readiness checks the database and migrations', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    });

    it('readiness stays ready while mail waits for an SMTP server that is not configured', async () => {
      await t.services.mail.queue(t.testDb.db.kysely, {
        to: 'someone@example.test',
        subject: 'Hello',
        text: 'Hi',
      });
      expect(await t.services.runner.runDue()).toBe(0);
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    });

    it('every answer carries security headers with a strict CSP', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('the OpenAPI document describes the routes and the docs UI is served locally', async () => {
      const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(doc.statusCode).toBe(200);
      const spec = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
      expect(spec.openapi).toMatch(/^3\./);
      for (const p of [
        '/api/v1/auth/login',
        '/api/v1/auth/tokens',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/groups',
      ]) {
        expect(Object.keys(spec.paths)).toContain(p);
      }
      const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(ui.statusCode).toBe(200);
      expect(ui.body).toContain('swagger');
      expect(ui.body).not.toMatch(/https?:\/\/(unpkg|cdn)/);
    });

    it('malformed JSON answers 400 invalid_json', async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_json' } });
    });

    it('unknown fields and wrong types answer 400 validation_error naming the field', async () => {
      const unknown = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: { name: 'A', colour: 'red' },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'validation_error' } });
      const wrong = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 42, name: ['x'] },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<{ error: { message: string } }>().error.message).toContain('body.');
      const badEmail = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'not-an-email', name: 'N' },
      });
      expect(badEmail.statusCode).toBe(400);
      const shortPassword = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'p@example.test', name: 'P', password: 'short' },
      });
      expect(shortPassword.statusCode).toBe(400);
    });

    it('an oversize body answers 413 and an unsupported content type 415', async () => {
      const big = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x', description: 'y'.repeat(2 * 1024 * 1024) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      const xml = await admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        headers: { 'content-type': 'application/xml' },
        payload: '<group/>',
      });
      expect(xml.statusCode).toBe(415);
      expect(xml.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    });

    it('an unknown API route answers 404 with the error shape, not the web app', async () => {
      const res = await admin.request({
        method: 'GET',
        url: '/api/v1/nothing-here',
        headers: { accept: 'text/html' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'route_not_found' } });
    });
  });
}
