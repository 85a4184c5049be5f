import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { ADMIN, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newThirdparty, newTicket, userWith, openTicketApp, type TicketApi } from './ticket.fixtures.js';

for (const engine of ENGINES) {
  describe(`names and ranks copied onto tickets (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
    });
    afterAll(async () => {
      await t.close();
    });

    const get = async (id: number) => (await api.get(id)).json<Ticket>();
    const row = (id: number) =>
      t.services.db.kysely.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('renaming a third party reaches its tickets through tickets.syncThirdpartyName, without a new version', async () => {
      const tp = await newThirdparty(admin, 'Acme');
      const ticket = await newTicket(admin, { thirdpartyId: tp });
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${tp}`,
        payload: { name: 'Acme Corp' },
      });
      expect(res.statusCode).toBe(200);
      expect((await get(ticket.id)).thirdpartyName).toBe('Acme');
      await t.services.runner.runDue();
      expect(await get(ticket.id)).toMatchObject({ thirdpartyName: 'Acme Corp', version: 1 });
    });

    it('the third party job is idempotent and repairs any stale copy', async () => {
      const tp = await newThirdparty(admin, 'Initech');
      const a = await newTicket(admin, { thirdpartyId: tp });
      const b = await newTicket(admin, { thirdpartyId: tp });
      await t.services.runner.runDue(); // the creation events
      await t.services.db.kysely
        .updateTable('tickets')
        .set({ thirdparty_name: 'stale' })
        .where('id', '=', a.id)
        .execute();
      await t.services.jobs.enqueue(t.services.db.kysely, 'tickets.syncThirdpartyName', { thirdpartyId: tp });
      await t.services.jobs.enqueue(t.services.db.kysely, 'tickets.syncThirdpartyName', { thirdpartyId: tp });
      expect(await t.services.runner.runDue()).toBe(2);
      expect([(await row(a.id)).thirdparty_name, (await row(b.id)).thirdparty_name]).toEqual([
        'Initech',
        'Initech',
      ]);
      expect(await t.services.tickets.syncThirdpartyName(tp)).toBe(0);
    });

    it('renaming a user queues tickets.syncAssigneeName, which renames the assignee on their tickets', async () => {
      const agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Agnes');
      const ticket = await newTicket(admin, { assigneeId: agent.userId });
      const other = await newTicket(admin, { assigneeId: admin.userId });
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { name: 'Agnès Martin' },
      });
      expect(res.statusCode).toBe(200);
      const queued = await t.services.db.kysely
        .selectFrom('jobs')
        .select('payload')
        .where('name', '=', 'tickets.syncAssigneeName')
        .where('status', '=', 'pending')
        .execute();
      expect(queued.map((j) => JSON.parse(j.payload) as unknown)).toEqual([{ userId: agent.userId }]);
      await t.services.runner.runDue();
      expect(await get(ticket.id)).toMatchObject({ assigneeName: 'Agnès Martin', version: 1 });
      expect((await get(other.id)).assigneeName).toBe(ADMIN.name);
      expect(await t.services.tickets.syncAssigneeName(agent.userId)).toBe(0);
    });

    it('a user renaming themselves in their profile renames the assignee on their tickets too', async () => {
      const agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Bruno');
      const ticket = await newTicket(admin, { assigneeId: agent.userId });
      const res = await agent.request({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { name: 'Bruno Lefèvre' },
      });
      expect(res.statusCode).toBe(200);
      await t.services.runner.runDue();
      expect((await get(ticket.id)).assigneeName).toBe('Bruno Lefèvre');
    });

    it('a change that keeps the name queues no assignee job', async () => {
      const agent = await userWith(t, admin, ['ticket.read'], 'Same Name');
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${agent.userId}`,
        payload: { name: 'Same Name', language: 'en' },
      });
      const queued = await t.services.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'tickets.syncAssigneeName')
        .where('status', '=', 'pending')
        .execute();
      expect(queued).toEqual([]);
    });

    it('reordering severities refreshes the severity rank of every ticket through tickets.syncSeverityRanks', async () => {
      const high = await newTicket(admin, { severityCode: 'HIGH' });
      const low = await newTicket(admin, { severityCode: 'LOW' });
      expect((await row(high.id)).severity_rank).toBe(30);
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/dictionaries/ticket-severities/HIGH',
        payload: { position: 5 },
      });
      expect(res.statusCode).toBe(200);
      await t.services.runner.runDue();
      expect((await row(high.id)).severity_rank).toBe(5);
      expect((await row(low.id)).severity_rank).toBe(10);
      expect((await row(high.id)).version).toBe(1);
      expect(await t.services.tickets.syncSeverityRanks()).toBe(0);
    });
  });
}
