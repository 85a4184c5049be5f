import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketStats } from '../../common/schemas/ticket.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { ticketApi, userWith } from './ticket.fixtures.js';
import { HOUR, seedListData, START, type ListData } from './ticket.list.fixtures.js';
import { isOverdue } from './ticket.overdue.js';
import { createTicketStatsRepository } from './ticket.stats.repository.js';

for (const engine of ENGINES) {
  describe(`ticket statistics (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let d: ListData;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      d = await seedListData(t, admin);
    });
    afterAll(async () => t.close());

    const stats = async (s: Session = admin) => {
      const res = await s.request({ method: 'GET', url: '/api/v1/tickets/stats' });
      expect(res.statusCode).toBe(200);
      return res.json<TicketStats>();
    };

    it('counts tickets by status, my open tickets and unread ones', async () => {
      expect(await stats()).toEqual({
        byStatus: { unread: 1, read: 4, assigned: 1, in_progress: 1, waiting: 1, closed: 1, deleted: 1 },
        myOpen: 0,
        unread: 1,
        overdue: 0,
      });
      expect((await stats(d.agent)).myOpen).toBe(2);
    });

    it('counts tickets past the response delays: no first answer, or a customer waiting too long', async () => {
      t.clock.set(new Date(START.getTime() + 30 * HOUR));
      // Unanswered and older than 24 h: printer, vpn, invoice and the three twins; waiting never counts.
      expect((await stats()).overdue).toBe(6);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': 48 },
      });
      expect((await stats()).overdue).toBe(0);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': 24 },
      });
    });

    it('follows every change of status: assign, close, reopen, delete, restore, purge', async () => {
      const api = ticketApi(admin);
      const { vpn, twinB, closed, deleted } = d.tickets;
      const before = (await stats()).byStatus;
      expect((await api.act(vpn.id, 'assign', { userId: d.agent.userId })).statusCode).toBe(200);
      expect((await api.act(twinB.id, 'close', { resolution: 'abandoned' })).statusCode).toBe(200);
      expect((await api.act(closed.id, 'reopen')).statusCode).toBe(200);
      expect((await api.act(deleted.id, 'restore')).statusCode).toBe(200);
      const after = (await stats()).byStatus;
      expect(after).toEqual({
        ...before,
        read: before.read - 2 + 2, // vpn and twinB left; the reopened and the restored ticket came back as read
        assigned: before.assigned + 1,
        closed: before.closed,
        deleted: before.deleted - 1,
      });
      expect((await api.remove(twinB.id)).statusCode).toBe(200);
      expect((await api.remove(twinB.id, true)).statusCode).toBe(204);
      const purged = (await stats()).byStatus;
      expect(purged.deleted).toBe(after.deleted);
      expect(purged.closed).toBe(after.closed - 1);
      expect((await stats(d.agent)).myOpen).toBe(3);
    });

    it('the overdue count matches the overdue rule ticket by ticket, whatever the delays and the day', async () => {
      const k = t.services.db.kysely;
      // Customers waiting for an answer, written straight in the rows: the triggers must follow.
      const { vpn, invoice, twinA, noted } = d.tickets;
      const at = (hours: number) => new Date(START.getTime() + hours * HOUR).toISOString();
      await k
        .updateTable('tickets')
        .set({ last_customer_message_at: at(20) })
        .where('id', '=', vpn.id)
        .execute();
      await k
        .updateTable('tickets')
        .set({ last_customer_message_at: at(50), first_response_at: at(10), last_staff_message_at: at(10) })
        .where('id', '=', invoice.id)
        .execute();
      await k
        .updateTable('tickets')
        .set({ last_customer_message_at: at(26) })
        .where('id', '=', twinA.id)
        .execute();
      await k
        .updateTable('tickets')
        .set({ last_customer_message_at: at(40) })
        .where('id', '=', noted.id)
        .execute();
      const rows = await k.selectFrom('tickets').selectAll().execute();
      for (const [first, since] of [
        [24, 72],
        [48, 24],
        [0, 24],
        [24, 0],
        [1, 1],
        [0, 0],
      ]) {
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/settings',
          payload: { 'tickets.delayFirstResponseHours': first, 'tickets.delaySinceLastResponseHours': since },
        });
        for (const hours of [9, 25, 30, 49.5, 60, 75, 100, 200]) {
          const now = new Date(START.getTime() + hours * HOUR);
          t.clock.set(now);
          const delays = { delayFirstResponseHours: first ?? 0, delaySinceLastResponseHours: since ?? 0 };
          const expected = rows.filter((r) => isOverdue(r, delays, now)).length;
          expect((await stats()).overdue, `delays ${first}/${since} at +${hours} h`).toBe(expected);
        }
      }
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': 24, 'tickets.delaySinceLastResponseHours': 72 },
      });
    });

    it('the counters the triggers keep equal a recount from the tickets', async () => {
      const k = t.services.db.kysely;
      const snapshot = async () => ({
        counts: (
          await sql<{
            status: string;
            n: number;
          }>`SELECT status, n FROM ticket_counts ORDER BY status`.execute(k)
        ).rows.map((r) => [r.status, Number(r.n)]),
        days: (
          await sql<{
            rule: string;
            day: string;
            n: number;
          }>`SELECT rule, day, n FROM ticket_overdue_days WHERE n <> 0 ORDER BY rule, day`.execute(k)
        ).rows.map((r) => [r.rule, r.day, Number(r.n)]),
        thirdparties: (
          await sql<{ thirdparty_id: number; status: string; n: number }>`
            SELECT thirdparty_id, status, n FROM thirdparty_ticket_counts WHERE n <> 0
            ORDER BY thirdparty_id, status`.execute(k)
        ).rows.map((r) => [Number(r.thirdparty_id), r.status, Number(r.n)]),
      });
      const kept = await snapshot();
      expect(kept.days.length).toBeGreaterThan(0);
      expect(kept.thirdparties.length).toBeGreaterThan(0);
      await createTicketStatsRepository(t.services.db).rebuildCounts();
      expect(await snapshot()).toEqual(kept);
    });

    it('needs ticket.read', async () => {
      const nobody = await userWith(t, admin, ['thirdparty.read']);
      expect((await nobody.request({ method: 'GET', url: '/api/v1/tickets/stats' })).statusCode).toBe(403);
    });
  });
}
