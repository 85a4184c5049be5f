import { afterEach, describe, expect, it } from 'vitest';
import type { PortalCustomer, PortalLinkInfo } from '../../common/schemas/portal.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newContact, newThirdparty } from '../tickets/ticket.fixtures.js';
import {
  errorCode,
  openPortalApp,
  portalTicket,
  staffTicket,
  ticketInput,
  visitor,
} from './portal.fixtures.js';
import { PORTAL_SESSION_MAX_MS } from './portal.session.js';

/** A third party with an address, a contact, and its personalized link token. */
async function customerWithLink(admin: Session, name: string) {
  const id = await newThirdparty(admin, name);
  await admin.request({
    method: 'PATCH',
    url: `/api/v1/thirdparties/${id}`,
    payload: { email: `desk@${name.toLowerCase()}.example` },
  });
  const contact = await newContact(admin, id, `${name} contact`);
  const res = await admin.request({ method: 'POST', url: `/api/v1/thirdparties/${id}/portal-link` });
  const url = res.json<PortalLinkInfo>().url ?? '';
  return { id, contact, token: decodeURIComponent(url.split('/portal/c/')[1] ?? '') };
}

for (const engine of ENGINES) {
  describe(`portal: sessions (${engine})`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('a tracking key and an address of the ticket open it; a wrong address and an unknown key answer the same', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const created = await portalTicket(visitor(t));
      const v = visitor(t);
      const ok = await v.post('session', {
        trackId: created.trackId.toLowerCase(),
        email: 'CLAIRE@client.example',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<{ ticket: { trackId: string } }>().ticket.trackId).toBe(created.trackId);
      expect((await v.get(`tickets/${created.trackId}`)).statusCode).toBe(200);

      const wrongEmail = await visitor(t).post('session', {
        trackId: created.trackId,
        email: 'mallory@x.example',
      });
      const unknownKey = await visitor(t).post('session', {
        trackId: 'ABCDEFGHJKMNPQRSTUVW',
        email: 'claire@client.example',
      });
      expect(wrongEmail.statusCode).toBe(404);
      expect(wrongEmail.body).toBe(unknownKey.body);
      expect(wrongEmail.statusCode).toBe(unknownKey.statusCode);
      expect(errorCode(wrongEmail)).toBe('portal_ticket_not_found');
    });

    it('the addresses of the linked contact and third party open the ticket too', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const acme = await customerWithLink(o.admin, 'Acme');
      await o.admin.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${acme.contact}`,
        payload: { email: 'bob@acme.example' },
      });
      const created = await portalTicket(visitor(t), { email: 'bob@acme.example' });
      expect(
        (await visitor(t).post('session', { trackId: created.trackId, email: 'desk@acme.example' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await visitor(t).post('session', { trackId: created.trackId, email: 'bob@acme.example' }))
          .statusCode,
      ).toBe(200);
    });

    it('the signed link of the emails opens the ticket; a tampered one does not', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const created = await portalTicket(visitor(t));
      const link = await t.services.portalLinks.ticketLink(created.trackId);
      const sig = new URL(link).searchParams.get('sig') ?? '';
      const v = visitor(t);
      expect((await v.post('session/link', { trackId: created.trackId, sig })).statusCode).toBe(200);
      expect((await v.get(`tickets/${created.trackId}/messages`)).statusCode).toBe(200);

      const tampered = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
      const bad = await visitor(t).post('session/link', { trackId: created.trackId, sig: tampered });
      expect([bad.statusCode, errorCode(bad)]).toEqual([404, 'portal_ticket_not_found']);
      const other = await portalTicket(visitor(t));
      const crossed = await visitor(t).post('session/link', { trackId: other.trackId, sig });
      expect(crossed.statusCode).toBe(404);
    });

    it('the personalized link shows the customer, its contacts and tickets, and opens tickets for its contacts only', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const acme = await customerWithLink(o.admin, 'Acme');
      const other = await customerWithLink(o.admin, 'Globex');
      const old = await portalTicket(visitor(t), { email: 'desk@acme.example', subject: 'Earlier problem' });

      const v = visitor(t);
      const res = await v.post('session/customer', { token: acme.token });
      expect(res.statusCode, res.body).toBe(200);
      const customer = res.json<PortalCustomer>();
      expect(customer.name).toBe('Acme');
      expect(customer.contacts).toEqual([{ id: acme.contact, name: 'Acme contact' }]);
      expect(customer.tickets.map((x) => x.trackId)).toEqual([old.trackId]);
      // The customer's older tickets open without any other proof.
      expect((await v.get(`tickets/${old.trackId}`)).statusCode).toBe(200);

      const mine = await v.post(
        'tickets',
        ticketInput({ email: 'someone@acme.example', contactId: acme.contact }),
      );
      expect(mine.statusCode, mine.body).toBe(201);
      const created = mine.json<{ trackId: string }>();
      expect(await staffTicket(o.admin, created.trackId)).toMatchObject({
        thirdpartyId: acme.id,
        contactId: acme.contact,
      });
      const refused = await v.post('tickets', ticketInput({ contactId: other.contact }));
      expect([refused.statusCode, errorCode(refused)]).toEqual([400, 'invalid_customer']);

      const listed = (await v.get('customer')).json<PortalCustomer>();
      expect(listed.tickets.map((x) => x.trackId)).toEqual([created.trackId, old.trackId]);
      // Tickets of another customer stay hidden.
      const globex = await portalTicket(visitor(t), { email: 'desk@globex.example' });
      expect((await v.get(`tickets/${globex.trackId}`)).statusCode).toBe(404);
    });

    it('an unknown personalized token is a 404, and without one GET /customer is a 404', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const res = await v.post('session/customer', { token: 'x'.repeat(43) });
      expect([res.statusCode, errorCode(res)]).toEqual([404, 'portal_link_not_found']);
      expect((await v.get('customer')).statusCode).toBe(404);
    });

    it('a portal session ends after its maximum lifetime', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const created = await portalTicket(v);
      // Used every 11 hours, it lives on, but not past its maximum lifetime.
      const step = 11 * 3600 * 1000;
      for (let elapsed = step; elapsed < PORTAL_SESSION_MAX_MS + 2 * step; elapsed += step) {
        t.clock.advance(step);
        const res = await v.get(`tickets/${created.trackId}`);
        expect(res.statusCode).toBe(elapsed < PORTAL_SESSION_MAX_MS ? 200 : 404);
      }
      // Without use for longer than the idle delay, it ends too.
      const w = visitor(t);
      const again = await portalTicket(w);
      t.clock.advance(13 * 3600 * 1000);
      expect((await w.get(`tickets/${again.trackId}`)).statusCode).toBe(404);
    });
  });
}
