import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { ticketListItemSchema, ticketListPageSchema } from '../../common/schemas/ticket.schema.js';
import { userWith } from './ticket.fixtures.js';
import {
  allPages,
  HOUR,
  ids,
  listPage,
  listUrl,
  seedListData,
  START,
  type ListData,
} from './ticket.list.fixtures.js';

for (const engine of ENGINES) {
  describe(`ticket list filters (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let d: ListData;
    let T: ListData['tickets'];
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      d = await seedListData(t, admin);
      T = d.tickets;
    });
    afterAll(async () => t.close());

    const found = async (query: Record<string, string | number>) => ids(await allPages(admin, query));
    const open = () => [T.printer, T.vpn, T.invoice, T.twinA, T.twinB, T.twinC, T.waiting, T.noted];

    it('shows the open tickets by default, newest first, with an exact total', async () => {
      const page = await listPage(admin);
      expect(ids(page.items)).toEqual(ids(open()));
      expect(page.items[0]?.id).toBe(T.noted.id);
      expect(page).toMatchObject({ total: 8, totalCapped: false, nextCursor: null });
    });

    it('answers exactly the documented page shape: every field, no other (its zod pass is skipped)', async () => {
      const page = await listPage(admin, { status: 'all', limit: 3 });
      expect(() => ticketListPageSchema.parse(page)).not.toThrow();
      expect(Object.keys(page).sort()).toEqual(Object.keys(ticketListPageSchema.shape).sort());
      for (const item of page.items) {
        expect(Object.keys(item).sort()).toEqual(Object.keys(ticketListItemSchema.shape).sort());
      }
    });

    it('shows on each row the same values as the ticket page, field by field', async () => {
      const items = await allPages(admin, { status: 'all', limit: 4 });
      expect(items.length).toBe(9);
      for (const item of items) {
        const res = await admin.request({ method: 'GET', url: `/api/v1/tickets/${item.id}` });
        expect(res.statusCode).toBe(200);
        const detail = res.json<Record<string, unknown>>();
        for (const [field, value] of Object.entries(item))
          expect([field, value]).toEqual([field, detail[field]]);
      }
      // The data set gives the fields values that tell them apart (a row read back in the wrong order shows).
      const values = (field: keyof (typeof items)[number]) =>
        new Set(items.map((i) => JSON.stringify(i[field])));
      for (const field of ['ref', 'trackId'] as const) expect(values(field).size).toBe(items.length);
      const varied = [
        'subject',
        'createdAt',
        'status',
        'assigneeId',
        'thirdpartyId',
        'readAt',
        'closedAt',
        'origin',
      ] as const;
      for (const field of varied) {
        expect(values(field).size).toBeGreaterThan(1);
      }
    });

    it('status=all adds closed tickets but never deleted ones; status=deleted shows only those', async () => {
      expect(await found({ status: 'all' })).toEqual(ids([...open(), T.closed]));
      expect(await found({ status: 'deleted' })).toEqual([T.deleted.id]);
      expect((await listPage(admin, { status: 'all' })).total).toBe(9);
    });

    it('a comma list of statuses shows exactly those', async () => {
      expect(await found({ status: 'unread,waiting' })).toEqual(ids([T.twinA, T.waiting]));
      expect(await found({ status: 'closed,deleted' })).toEqual(ids([T.closed, T.deleted]));
      expect((await listPage(admin, { status: 'closed,deleted,assigned' })).total).toBe(3);
    });

    it('filters by type, category, severity and origin (comma lists)', async () => {
      expect(await found({ type: 'ISSUE,COM' })).toEqual(ids([T.printer, T.invoice]));
      expect(await found({ category: 'HARDWARE' })).toEqual([T.invoice.id]);
      expect(await found({ severity: 'HIGH' })).toEqual(ids([T.printer, T.waiting]));
      expect(await found({ origin: 'phone,api' })).toEqual(ids([T.vpn, T.twinC]));
      expect(await found({ type: 'NOPE' })).toEqual([]);
    });

    it('filters by assignee: me, unassigned, or a user id', async () => {
      expect(await found({ assignee: d.agent.userId })).toEqual(ids([T.printer, T.waiting]));
      expect(await found({ assignee: 'me' })).toEqual([]);
      const mine = await allPages(d.agent, { assignee: 'me' });
      expect(ids(mine)).toEqual(ids([T.printer, T.waiting]));
      expect(await found({ assignee: 'unassigned' })).toEqual(
        ids([T.vpn, T.invoice, T.twinA, T.twinB, T.twinC, T.noted]),
      );
    });

    it('filters by third party', async () => {
      expect(await found({ thirdparty: d.thirdparties.dupont, status: 'all' })).toEqual(
        ids([T.vpn, T.closed]),
      );
    });

    it('date bounds: a date covers its whole day, a date-time is exact, both ends included', async () => {
      // Tickets are created an hour apart from START + 1 h; the three "twins" share one instant.
      const iso = (hours: number) => new Date(START.getTime() + hours * HOUR).toISOString();
      expect(await found({ createdFrom: iso(2), createdTo: iso(3) })).toEqual(ids([T.vpn, T.invoice]));
      expect(await found({ createdFrom: iso(4), createdTo: iso(4) })).toEqual(
        ids([T.twinA, T.twinB, T.twinC]),
      );
      expect(await found({ createdFrom: '2026-03-02', createdTo: '2026-03-02' })).toEqual(ids(open()));
      expect(await found({ createdTo: '2026-03-01' })).toEqual([]);
      expect(await found({ createdFrom: '2026-03-03' })).toEqual([]);
      // The waiting ticket changed status after its creation: its updatedAt moved, the others' did not.
      const changed = T.waiting;
      const later = await listPage(admin, {
        updatedFrom: new Date(Date.parse(changed.createdAt) + 1).toISOString(),
      });
      expect(ids(later.items)).toEqual(ids([T.waiting, T.noted]));
      expect(await found({ updatedTo: iso(1) })).toEqual([T.printer.id]);
    });

    it('overdue follows the response delays of the settings', async () => {
      // Nobody answered any ticket but `noted` (a public message), and the waiting one is never overdue.
      t.clock.set(new Date(START.getTime() + 30 * HOUR));
      const notAnswered = ids(open().filter((x) => x.id !== T.waiting.id && x.id !== T.noted.id));
      expect(await found({ overdue: 'true' })).toEqual(notAnswered);
      expect(await found({ overdue: 'false' })).toEqual(ids([T.waiting, T.noted]));
      const page = await listPage(admin);
      expect(
        page.items
          .filter((i) => i.overdue)
          .map((i) => i.id)
          .sort((a, b) => a - b),
      ).toEqual(notAnswered);
      const off = await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': 0 },
      });
      expect(off.statusCode).toBe(200);
      expect(await found({ overdue: 'true' })).toEqual([]);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': 24 },
      });
    });

    it('filters combine, and a filtered total is counted', async () => {
      const page = await listPage(admin, { assignee: 'unassigned', severity: 'LOW,BLOCKING', limit: 1 });
      expect(page.total).toBe(2);
      expect(page.totalCapped).toBe(false);
      expect(page.items).toHaveLength(1);
      expect(await found({ assignee: 'unassigned', severity: 'LOW,BLOCKING' })).toEqual(
        ids([T.vpn, T.invoice]),
      );
    });

    it('an agent limited to their own tickets (setting) sees theirs and unassigned ones only', async () => {
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.visibleToAssigneeOnly': true },
      });
      try {
        const other = await userWith(t, admin, ['ticket.read']);
        const seen = await found({ status: 'all' });
        expect(seen).toContain(T.printer.id);
        const theirs = ids(await allPages(other, { status: 'all' }));
        expect(theirs).not.toContain(T.printer.id);
        expect(theirs).toContain(T.vpn.id);
        expect((await listPage(other, {})).total).toBe(6);
      } finally {
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/settings',
          payload: { 'tickets.visibleToAssigneeOnly': false },
        });
      }
    });

    it('refuses unknown parameters, custom fields (none is defined) and malformed values with 400', async () => {
      const get = (url: string) => admin.request({ method: 'GET', url });
      const bad = await get(listUrl({ colour: 'red' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'validation_error' } });
      const cf = await get(listUrl({ 'cf.contract': 'gold' }));
      expect(cf.statusCode).toBe(400);
      expect(cf.json()).toMatchObject({ error: { code: 'unknown_custom_field' } });
      for (const query of [
        { status: 'opened' } as Record<string, string | number>,
        { sort: 'colour' },
        { limit: 0 },
        { limit: 500 },
        { createdFrom: 'yesterday' },
        { assignee: 'nobody' },
        { overdue: 'maybe' },
        { type: 'a b' },
        { searchIn: 'notes' },
      ]) {
        const res = await get(listUrl(query));
        expect(res.statusCode, JSON.stringify(query)).toBe(400);
      }
    });

    it('refuses a cursor that was altered, or made for another sort or filter, with 400 invalid_cursor', async () => {
      const { nextCursor } = await listPage(admin, { limit: 2 });
      expect(nextCursor).toBeTruthy();
      const cursor = nextCursor ?? '';
      const get = async (query: Record<string, string | number>) =>
        await admin.request({ method: 'GET', url: listUrl(query) });
      expect((await get({ limit: 2, cursor })).statusCode).toBe(200);
      const [body = '', mac = ''] = cursor.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { i: number };
      const forged = `${Buffer.from(JSON.stringify({ ...payload, i: payload.i + 1 })).toString('base64url')}.${mac}`;
      for (const query of [
        { cursor: forged } as Record<string, string | number>,
        { cursor: 'garbage' },
        { cursor, sort: 'subject' },
        { cursor, order: 'asc' },
        { cursor, severity: 'HIGH' },
        { cursor, status: 'all' },
      ]) {
        const res = await get({ limit: 2, ...query });
        expect(res.statusCode, JSON.stringify(query)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'invalid_cursor' } });
      }
    });

    it('needs ticket.read: 403 without it, 401 without a session', async () => {
      const nobody = await userWith(t, admin, ['thirdparty.read']);
      expect((await nobody.request({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(401);
    });
  });
}
