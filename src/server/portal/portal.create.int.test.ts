import { afterEach, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../common/schemas/portal.schema.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newContact, newThirdparty } from '../tickets/ticket.fixtures.js';
import {
  errorCode,
  openPortalApp,
  portalTicket,
  setSettings,
  staffTicket,
  ticketInput,
  visitor,
} from './portal.fixtures.js';

const countTickets = async (t: TestApp) =>
  Number(
    (
      await t.services.db.kysely
        .selectFrom('tickets')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const engine of ENGINES) {
  describe(`portal: opening a ticket (${engine})`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('a visitor opens a ticket: unread, origin portal, text escaped into paragraphs, language kept, session follows it', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const created = await portalTicket(v, { language: 'en' });
      expect(created.ref).toMatch(/^TS\d{4}-\d{4}$/);
      expect(created.ticket).toMatchObject({
        trackId: created.trackId,
        subject: 'The printer smokes',
        status: 'unread',
        canReply: true,
        canClose: true,
        customerName: null,
        durationMinutes: null,
      });
      expect(created.ticket.message).toBe(
        '<p>It smokes &lt;b&gt;a lot&lt;/b&gt;.</p><p>Since this morning.</p>',
      );
      expect((await v.get(`tickets/${created.trackId}`)).statusCode).toBe(200);
      // Another browser, without the cookie, sees nothing.
      expect((await visitor(t).get(`tickets/${created.trackId}`)).statusCode).toBe(404);
      const staff = await staffTicket(o.admin, created.trackId);
      expect(staff).toMatchObject({
        status: 'unread',
        origin: 'portal',
        authorEmail: 'claire@client.example',
      });
      const row = await t.services.db.kysely
        .withTables<{ tickets: { language: string | null } }>()
        .selectFrom('tickets')
        .select('language')
        .where('id', '=', staff.id)
        .executeTakeFirstOrThrow();
      expect(row.language).toBe('en');
    });

    it('the creation is told to mail and notifications with no staff actor, and the history names the customer', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      // New tickets are told to staff when a notification group is set.
      const group = await t.services.db.kysely.selectFrom('groups').select('id').executeTakeFirstOrThrow();
      const set = await o.admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'notifications.groupId': group.id },
      });
      expect(set.statusCode, set.body).toBe(200);
      const created = await portalTicket(visitor(t));
      const staff = await staffTicket(o.admin, created.trackId);
      const jobs = await t.services.db.kysely
        .selectFrom('jobs')
        .select(['name', 'payload'])
        .where('name', 'in', ['mail.ticketEvent', 'notifications.ticketEvent'])
        .execute();
      const events = jobs.map((j) => ({ name: j.name, payload: JSON.parse(j.payload) as unknown }));
      for (const name of ['mail.ticketEvent', 'notifications.ticketEvent']) {
        expect(events).toContainEqual({
          name,
          payload: { kind: 'created', ticketId: staff.id, actorUserId: null, origin: 'portal' },
        });
      }
      const history = await o.admin.request({ method: 'GET', url: `/api/v1/tickets/${staff.id}/history` });
      expect(history.json<{ items: unknown[] }>().items[0]).toMatchObject({
        kind: 'created',
        actor: { type: 'customer', email: 'claire@client.example' },
        details: { origin: 'portal', reporterName: 'Claire' },
      });
    });

    it('the customer is matched by exact address: a contact first, then a third party, else none', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const acme = await newThirdparty(o.admin, 'Acme');
      await o.admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${acme}`,
        payload: { email: 'desk@acme.example' },
      });
      const bob = await newContact(o.admin, acme, 'Bob');
      await o.admin.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${bob}`,
        payload: { email: 'bob@acme.example' },
      });
      const v = visitor(t);

      const byContact = await portalTicket(v, { email: 'BOB@acme.example' });
      expect(byContact.ticket.customerName).toBe('Bob');
      expect(await staffTicket(o.admin, byContact.trackId)).toMatchObject({
        thirdpartyId: acme,
        contactId: bob,
      });

      const byThirdparty = await portalTicket(v, { email: 'desk@acme.example' });
      expect(byThirdparty.ticket.customerName).toBe('Acme');
      expect(await staffTicket(o.admin, byThirdparty.trackId)).toMatchObject({
        thirdpartyId: acme,
        contactId: null,
      });

      const unknown = await portalTicket(v, { email: 'nobody@elsewhere.example' });
      expect(await staffTicket(o.admin, unknown.trackId)).toMatchObject({
        thirdpartyId: null,
        contactId: null,
      });
    });

    it('only public categories are offered and accepted', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      for (const [code, isPublic] of [
        ['HW', true],
        ['INTERNAL', false],
      ] as const) {
        const res = await o.admin.request({
          method: 'POST',
          url: '/api/v1/dictionaries/ticket-categories',
          payload: { code, label: { fr: code, en: code }, public: isPublic },
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const v = visitor(t);
      const config = (await v.get('config')).json<PortalConfig>();
      expect(config.categories.map((c) => c.code).sort()).toEqual(['HW', 'OTHER']);
      expect(config.types.length).toBeGreaterThan(0);
      expect(config.defaults.categoryCode).toBe('OTHER');

      const refused = await v.post('tickets', ticketInput({ categoryCode: 'INTERNAL' }));
      expect(refused.statusCode).toBe(400);
      expect(errorCode(refused)).toBe('invalid_classification');
      const accepted = await portalTicket(v, { categoryCode: 'HW' });
      expect(accepted.ticket.categoryCode).toBe('HW');
    });

    it('a filled honeypot answers like a success but stores nothing and opens nothing', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const before = await countTickets(t);
      const res = await v.post('tickets', ticketInput({ website: 'http://spam.example' }));
      expect(res.statusCode).toBe(201);
      const body = res.json<{ ref: string; trackId: string }>();
      expect(body.ref).toMatch(/^TS\d{4}-\d{4}$/);
      expect(await countTickets(t)).toBe(before);
      expect((await v.get(`tickets/${body.trackId}`)).statusCode).toBe(404);
    });

    it('a disabled portal answers 404 portal_disabled everywhere but GET /config', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      await setSettings(o.admin, { 'portal.enabled': false });
      const v = visitor(t);
      const config = await v.get('config');
      expect(config.statusCode).toBe(200);
      expect(config.json<PortalConfig>().enabled).toBe(false);
      for (const res of [
        await v.post('tickets', ticketInput()),
        await v.get('captcha'),
        await v.post('session', { trackId: 'X', email: 'a@b.example' }),
        await v.get('tickets/ABC'),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(errorCode(res)).toBe('portal_disabled');
      }
    });

    it('a change without the X-Guichet-Portal header is refused (403 csrf_failed)', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const before = await countTickets(t);
      const res = await visitor(t).request({
        method: 'POST',
        url: 'tickets',
        payload: ticketInput(),
        csrf: false,
      });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('csrf_failed');
      expect(await countTickets(t)).toBe(before);
    });

    it('bad input is a 400 with a code, never a partial write', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const before = await countTickets(t);
      for (const payload of [
        ticketInput({ email: 'not an address' }),
        ticketInput({ subject: '' }),
        ticketInput({ message: '   ' }),
        ticketInput({ language: 'de' }),
        ticketInput({ contactId: 1 }),
      ]) {
        const res = await v.post('tickets', payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(['validation_error', 'invalid_customer']).toContain(errorCode(res));
      }
      expect(await countTickets(t)).toBe(before);
    });
  });
}
