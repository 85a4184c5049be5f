import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaEvent } from '../../common/schemas/event.schema.js';
import type { Intervention } from '../../common/schemas/intervention.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newThirdparty, newTicket, openTicketApp, ticketApi } from '../tickets/ticket.fixtures.js';
import { errorCode, fieldApi, fieldCounts, ok } from './fieldservice.fixtures.js';

/** A ticket only links objects of its own customer (SPEC 6). */
for (const engine of ENGINES) {
  describe(`ticket links stay within one customer [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let fs: ReturnType<typeof fieldApi>;
    let acme: number;
    let other: number;

    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      fs = fieldApi(admin);
      acme = await newThirdparty(admin, 'Acme');
      other = await newThirdparty(admin, 'Other Corp');
    });
    afterAll(async () => {
      await t.close();
    });

    const link = (ticketId: number, objectType: string, objectId: number) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticketId}/links`,
        payload: { objectType, objectId },
      });
    const intervention = (thirdpartyId: number) =>
      ok<Intervention>(
        admin,
        { method: 'POST', url: '/api/v1/interventions', payload: { thirdpartyId } },
        201,
      );
    const event = (thirdpartyId: number | null) =>
      ok<AgendaEvent>(
        admin,
        {
          method: 'POST',
          url: '/api/v1/events',
          payload: {
            label: 'Visit',
            start: '2026-12-01T09:00:00Z',
            end: '2026-12-01T10:00:00Z',
            thirdpartyId,
          },
        },
        201,
      );
    const expectRefused = async (
      res: Awaited<ReturnType<typeof link>>,
      code: string,
      before: Awaited<ReturnType<typeof fieldCounts>>,
    ) => {
      expect(res.statusCode, res.body).toBe(409);
      expect(errorCode(res)).toBe(code);
      expect(await fieldCounts(t)).toEqual(before);
    };

    it('an intervention or proposal of another customer is refused, and nothing is written', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const theirs = await intervention(other);
      await fs.addLine(theirs.id, 90);
      const theirProposal = await fs.proposal(other);
      const before = await fieldCounts(t);

      const res = await link(ticket.id, 'intervention', theirs.id);
      await expectRefused(res, 'link_thirdparty_mismatch', before);
      expect(res.json()).toMatchObject({
        error: { details: { ticketThirdpartyId: acme, objectThirdpartyId: other } },
      });
      await expectRefused(
        await link(ticket.id, 'proposal', theirProposal.id),
        'link_thirdparty_mismatch',
        before,
      );
      // The other customer's time is not added to this ticket.
      expect((await ticketApi(admin).get(ticket.id)).json<Ticket>().durationMinutes).toBe(0);

      // The ticket's own customer's objects link as before.
      const ours = await intervention(acme);
      expect((await link(ticket.id, 'intervention', ours.id)).statusCode).toBe(201);
      expect((await link(ticket.id, 'proposal', (await fs.proposal(acme)).id)).statusCode).toBe(201);
    });

    it('a ticket without third party cannot be linked to an intervention or a proposal', async () => {
      const ticket = await newTicket(admin);
      const fi = await intervention(acme);
      const p = await fs.proposal(acme);
      const before = await fieldCounts(t);
      await expectRefused(await link(ticket.id, 'intervention', fi.id), 'ticket_without_thirdparty', before);
      await expectRefused(await link(ticket.id, 'proposal', p.id), 'ticket_without_thirdparty', before);
    });

    it('an event without third party links to any ticket; one with a third party only to its tickets', async () => {
      const ofAcme = await newTicket(admin, { thirdpartyId: acme });
      const noCustomer = await newTicket(admin);
      const free = await event(null);
      expect((await link(ofAcme.id, 'event', free.id)).statusCode).toBe(201);
      expect((await link(noCustomer.id, 'event', free.id)).statusCode).toBe(201);

      const theirs = await event(other);
      const before = await fieldCounts(t);
      await expectRefused(await link(ofAcme.id, 'event', theirs.id), 'link_thirdparty_mismatch', before);
      await expectRefused(await link(noCustomer.id, 'event', theirs.id), 'ticket_without_thirdparty', before);
      expect((await link(ofAcme.id, 'event', (await event(acme)).id)).statusCode).toBe(201);
    });

    it('a linked event cannot be moved to another customer than its tickets’ one', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const ev = await event(null);
      expect((await link(ticket.id, 'event', ev.id)).statusCode).toBe(201);
      const patch = (thirdpartyId: number | null) =>
        admin.request({ method: 'PATCH', url: `/api/v1/events/${ev.id}`, payload: { thirdpartyId } });
      const res = await patch(other);
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('link_thirdparty_mismatch');
      const after = await ok<AgendaEvent>(admin, { method: 'GET', url: `/api/v1/events/${ev.id}` });
      expect(after.thirdpartyId).toBeNull();
      expect((await patch(acme)).json<AgendaEvent>().thirdpartyId).toBe(acme);
      expect((await patch(null)).json<AgendaEvent>().thirdpartyId).toBeNull();
    });

    it('an event created from a ticket for another customer is refused and not created', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const before = await fieldCounts(t);
      const res = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/events`,
        payload: { start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z', thirdpartyId: other },
      });
      await expectRefused(res, 'link_thirdparty_mismatch', before);
      // Without a third party given, the event takes the ticket's.
      const made = await ok<AgendaEvent>(
        admin,
        {
          method: 'POST',
          url: `/api/v1/tickets/${ticket.id}/events`,
          payload: { start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z' },
        },
        201,
      );
      expect(made.thirdpartyId).toBe(acme);
    });
  });
}
