import { afterEach, describe, expect, it } from 'vitest';
import type { PortalCaptchaChallenge } from '../../common/schemas/portal.schema.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { CAPTCHA_TTL_MS } from './portal.captcha.js';
import { PORTAL_RATE_LIMITS } from './portal.plugin.js';
import {
  errorCode,
  openPortalApp,
  portalTicket,
  solveCaptcha,
  ticketInput,
  visitor,
  type Visitor,
} from './portal.fixtures.js';

const challenge = async (v: Visitor) => (await v.get('captcha')).json<PortalCaptchaChallenge>();

for (const engine of ENGINES) {
  describe(`portal: abuse protection (${engine})`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('with the captcha on, a ticket needs a fresh solved challenge, accepted once', async () => {
      const o = await openPortalApp(engine, { settings: { 'portal.captcha': true } });
      t = o.t;
      const v = visitor(t);

      const missing = await v.post('tickets', ticketInput());
      expect([missing.statusCode, errorCode(missing)]).toEqual([400, 'captcha_failed']);

      const c = await challenge(v);
      expect(c).toMatchObject({ algorithm: 'SHA-256', maxNumber: expect.any(Number) as number });
      const good = solveCaptcha(c);
      const wrongNumber = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(good, 'base64').toString()), number: c.maxNumber + 1 }),
      ).toString('base64');
      const wrong = await v.post('tickets', ticketInput({ captcha: wrongNumber }));
      expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, 'captcha_failed']);
      const garbage = await v.post('tickets', ticketInput({ captcha: 'not base64 json' }));
      expect([garbage.statusCode, errorCode(garbage)]).toEqual([400, 'captcha_failed']);

      const ok = await v.post('tickets', ticketInput({ captcha: good }));
      expect(ok.statusCode, ok.body).toBe(201);
      const replayed = await v.post('tickets', ticketInput({ captcha: good }));
      expect([replayed.statusCode, errorCode(replayed)]).toEqual([400, 'captcha_failed']);
    });

    it('a challenge solved too late is refused', async () => {
      const o = await openPortalApp(engine, { settings: { 'portal.captcha': true } });
      t = o.t;
      const v = visitor(t);
      const answer = solveCaptcha(await challenge(v));
      t.clock.advance(CAPTCHA_TTL_MS + 1000);
      const res = await v.post('tickets', ticketInput({ captcha: answer }));
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'captcha_failed']);
    });

    it('tickets per address per month are limited; the month after, or from another address, it works again', async () => {
      const o = await openPortalApp(engine, { settings: { 'portal.ticketsPerIpPerMonth': 2 } });
      t = o.t;
      t.clock.set('2026-11-20T10:00:00.000Z');
      const v = visitor(t, '192.0.2.10');
      await portalTicket(v);
      await portalTicket(v);
      const third = await v.post('tickets', ticketInput());
      expect(third.statusCode).toBe(429);
      expect(errorCode(third)).toBe('portal_quota_exceeded');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      await portalTicket(visitor(t, '192.0.2.11'));
      t.clock.set('2026-12-01T00:00:01.000Z');
      await portalTicket(v);
    });

    it('too many tracking-key attempts from one address get 429 with Retry-After', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const statuses: number[] = [];
      for (let i = 0; i <= PORTAL_RATE_LIMITS.session.max; i++) {
        const res = await v.post('session', { trackId: `NOPE${i}`, email: 'x@y.example' });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(errorCode(res)).toBe('too_many_requests');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Another address is not affected.
      expect((await visitor(t).post('session', { trackId: 'NOPE', email: 'x@y.example' })).statusCode).toBe(
        404,
      );
    });

    it('a staff cookie gives nothing on the portal, and a portal cookie nothing on staff routes', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const created = await portalTicket(visitor(t));
      const staffOnly = visitor(t);
      // Signed in as an administrator, without any portal grant: the ticket does not exist for the portal.
      const view = await staffOnly.request({
        method: 'GET',
        url: `tickets/${created.trackId}`,
        extraCookie: o.admin.cookie,
      });
      expect([view.statusCode, errorCode(view)]).toEqual([404, 'portal_ticket_not_found']);
      // The staff CSRF rule does not apply there either: a staff user may use the portal like anyone.
      const own = await staffOnly.request({
        method: 'POST',
        url: 'tickets',
        payload: ticketInput(),
        extraCookie: o.admin.cookie,
      });
      expect(own.statusCode).toBe(201);

      const portalUser = visitor(t);
      await portalTicket(portalUser);
      const staffRoute = await t.app.inject({
        method: 'GET',
        url: '/api/v1/tickets',
        headers: { cookie: portalUser.cookie ?? '' },
      });
      expect(staffRoute.statusCode).toBe(401);
    });

    it('the portal cookie is HttpOnly, SameSite=Strict and limited to the portal API', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const res = await visitor(t).post('tickets', ticketInput());
      const cookie = res.cookies.find((c) => c.name === 'guichet_portal');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/portal' });
    });
  });
}
