import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaEvent, EventPage } from '../../common/schemas/event.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { historyOf, newThirdparty, newTicket, openTicketApp, userWith } from '../tickets/ticket.fixtures.js';
import { errorCode, ok, setSetting } from './fieldservice.fixtures.js';

for (const engine of ENGINES) {
  describe(`agenda events [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;

    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
    });
    afterAll(async () => {
      await t.close();
    });

    const create = (payload: Record<string, unknown>, s: Session = admin) =>
      s.request({ method: 'POST', url: '/api/v1/events', payload });

    it('an event created from a ticket is labelled "<ref> – <subject>", typed by the setting, and linked', async () => {
      const acme = await newThirdparty(admin, 'Acme');
      const ticket = await newTicket(admin, { thirdpartyId: acme, subject: 'Boiler noise' });
      const slot = { start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' };
      const first = await ok<AgendaEvent>(
        admin,
        { method: 'POST', url: `/api/v1/tickets/${ticket.id}/events`, payload: slot },
        201,
      );
      expect(first).toMatchObject({
        label: `${ticket.ref} – Boiler noise`,
        typeCode: 'AC_OTH',
        thirdpartyId: acme,
        ownerId: admin.userId,
        ticketIds: [ticket.id],
        start: '2026-12-01T09:00:00.000Z',
      });
      await setSetting(admin, 'agenda.defaultEventType', 'AC_RDV');
      const second = await ok<AgendaEvent>(
        admin,
        { method: 'POST', url: `/api/v1/tickets/${ticket.id}/events`, payload: slot },
        201,
      );
      expect(second.typeCode).toBe('AC_RDV');
      const given = await ok<AgendaEvent>(
        admin,
        {
          method: 'POST',
          url: `/api/v1/tickets/${ticket.id}/events`,
          payload: { ...slot, typeCode: 'AC_TEL', label: 'Call back' },
        },
        201,
      );
      expect(given).toMatchObject({ typeCode: 'AC_TEL', label: 'Call back' });
      const kinds = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'link_created');
      expect(kinds).toHaveLength(3);
      await setSetting(admin, 'agenda.defaultEventType', 'AC_OTH');
    });

    it('refuses an unknown type, an end before the start and an unknown owner', async () => {
      const base = { label: 'x', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' };
      expect(errorCode(await create({ ...base, typeCode: 'NOPE' }))).toBe('invalid_event_type');
      expect(errorCode(await create({ ...base, end: '2026-12-01T08:00:00Z' }))).toBe('invalid_date_range');
      expect(errorCode(await create({ ...base, ownerId: 999999 }))).toBe('invalid_owner');
      expect((await create({ ...base, start: 'tomorrow' })).statusCode).toBe(400);
    });

    it('a week view lists the owner’s events overlapping the range, by start, page by page', async () => {
      const other = await userWith(t, admin, ['agenda.read', 'agenda.write']);
      const mk = async (label: string, start: string, end: string, s: Session = admin) =>
        ok<AgendaEvent>(s, { method: 'POST', url: '/api/v1/events', payload: { label, start, end } }, 201);
      await mk('before', '2027-01-03T08:00:00Z', '2027-01-03T09:00:00Z');
      await mk('spans monday', '2027-01-03T23:00:00Z', '2027-01-04T01:00:00Z');
      await mk('wednesday', '2027-01-06T10:00:00+01:00', '2027-01-06T11:00:00+01:00');
      await mk('tuesday', '2027-01-05T10:00:00Z', '2027-01-05T11:00:00Z');
      await mk('next week', '2027-01-11T00:00:00Z', '2027-01-11T01:00:00Z');
      await mk('someone else', '2027-01-05T10:00:00Z', '2027-01-05T11:00:00Z', other);
      const week = 'from=2027-01-04T00:00:00Z&to=2027-01-11T00:00:00Z';
      const mine = await ok<EventPage>(admin, { method: 'GET', url: `/api/v1/events?ownerId=me&${week}` });
      expect(mine.items.map((e) => e.label)).toEqual(['spans monday', 'tuesday', 'wednesday']);
      expect(mine.items[2]?.start).toBe('2027-01-06T09:00:00.000Z');
      const all = await ok<EventPage>(admin, { method: 'GET', url: `/api/v1/events?${week}&limit=2` });
      expect(all.total).toBe(4);
      expect(all.items.map((e) => e.label)).toEqual(['spans monday', 'tuesday']);
      const rest = await ok<EventPage>(admin, {
        method: 'GET',
        url: `/api/v1/events?${week}&limit=2&cursor=${all.nextCursor ?? ''}`,
      });
      expect(rest.items.map((e) => e.label).sort()).toEqual(['someone else', 'wednesday']);
      expect(rest.nextCursor).toBeNull();
    });

    it('deleting an event removes its links and says so in the ticket’s history', async () => {
      const ticket = await newTicket(admin);
      const ev = await ok<AgendaEvent>(
        admin,
        {
          method: 'POST',
          url: `/api/v1/tickets/${ticket.id}/events`,
          payload: { start: '2026-12-02T09:00:00Z', end: '2026-12-02T09:30:00Z' },
        },
        201,
      );
      const del = await admin.request({ method: 'DELETE', url: `/api/v1/events/${ev.id}` });
      expect(del.statusCode).toBe(204);
      const links = await ok<{ items: unknown[] }>(admin, {
        method: 'GET',
        url: `/api/v1/tickets/${ticket.id}/links`,
      });
      expect(links.items).toEqual([]);
      const removed = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'link_removed');
      expect(removed).toHaveLength(1);
      expect(removed[0]?.details).toMatchObject({ objectType: 'event', objectId: ev.id });
      expect((await admin.request({ method: 'GET', url: `/api/v1/events/${ev.id}` })).statusCode).toBe(404);
    });
  });
}
