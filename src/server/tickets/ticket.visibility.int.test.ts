import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../common/schemas/document.schema.js';
import type { TicketListPage, TicketStats } from '../../common/schemas/ticket.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { multipart, tinyPng } from '../documents/document.test-helpers.js';
import { newTicket, ticketApi, userWith } from './ticket.fixtures.js';

/**
 * The setting "agents without ticket.manage see only tickets assigned to them or unassigned" (SPEC 7),
 * checked on every way a ticket can be seen: list, subject/company/full-text search, statistics, the ticket
 * page and what hangs off it, documents and the CSV export.
 */
for (const engine of ENGINES) {
  describe(`visibility limited to the assignee (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agent: Session & { name: string };
    let manager: Session & { name: string };
    const word = `zorglub${engine}`;
    let mine: number;
    let unassigned: number;
    let others: number;
    let othersDoc: Document;

    const setOnlyAssignee = (on: boolean) =>
      admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.visibleToAssigneeOnly': on },
      });
    const listIds = async (s: Session, query: string) => {
      const res = await s.request({ method: 'GET', url: `/api/v1/tickets?status=all&limit=100&${query}` });
      expect(res.statusCode).toBe(200);
      return res.json<TicketListPage>().items.map((i) => i.id);
    };

    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const rights = ['ticket.read', 'ticket.write', 'ticket.export'] as const;
      agent = await userWith(t, admin, [...rights]);
      manager = await userWith(t, admin, [...rights, 'ticket.manage']);
      const tp = await admin.request({
        method: 'POST',
        url: '/api/v1/thirdparties',
        payload: { name: `Acme ${word}` },
      });
      const thirdpartyId = tp.json<{ id: number }>().id;
      const base = { message: `<p>Le ${word} du client</p>`, thirdpartyId };
      mine = (await newTicket(admin, { ...base, subject: `${word} mine`, assigneeId: agent.userId })).id;
      unassigned = (await newTicket(admin, { ...base, subject: `${word} nobody` })).id;
      others = (await newTicket(admin, { ...base, subject: `${word} others`, assigneeId: admin.userId })).id;
      const { payload, headers } = await multipart([
        { name: 'photo.png', content: tinyPng(), type: 'image/png' },
      ]);
      const up = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${others}/documents`,
        payload,
        headers,
      });
      expect(up.statusCode).toBe(201);
      othersDoc = up.json<{ items: Document[] }>().items[0]!;
      expect((await setOnlyAssignee(true)).statusCode).toBe(200);
    });
    afterAll(async () => {
      await setOnlyAssignee(false);
      await t.close();
    });

    it('the list and every kind of search leave out tickets assigned to someone else', async () => {
      for (const query of [
        '',
        `q=${word}&searchIn=subject`,
        `q=${word}&searchIn=company`,
        `q=${word}&searchIn=both`,
        `text=${word}`,
      ]) {
        const seen = await listIds(agent, query);
        expect(seen, query).toContain(mine);
        expect(seen, query).toContain(unassigned);
        expect(seen, query).not.toContain(others);
        // The manager and the administrator are not limited.
        expect(await listIds(manager, query), query).toContain(others);
      }
    });

    it('the ticket, its history, messages and documents answer 404; its document cannot be downloaded', async () => {
      const api = ticketApi(agent);
      for (const res of [
        await api.get(others),
        await api.history(others),
        await api.messages(others),
        await agent.request({ method: 'GET', url: `/api/v1/tickets/${others}/documents` }),
        await agent.request({ method: 'GET', url: `/api/v1/documents/${othersDoc.id}/download` }),
      ]) {
        expect(res.statusCode).toBe(404);
      }
      expect((await api.get(mine)).statusCode).toBe(200);
      expect(
        (await manager.request({ method: 'GET', url: `/api/v1/documents/${othersDoc.id}/download` }))
          .statusCode,
      ).toBe(200);
    });

    it('changes to a hidden ticket answer 404 and write nothing', async () => {
      const api = ticketApi(agent);
      expect((await api.post(others, { body: '<p>hello</p>' })).statusCode).toBe(404);
      expect((await api.act(others, 'assign', { userId: agent.userId })).statusCode).toBe(404);
      const messages = await ticketApi(admin).messages(others);
      expect(messages.json<{ items: unknown[] }>().items).toHaveLength(0);
    });

    it('the statistics count only the tickets the agent may see', async () => {
      const stats = async (s: Session) =>
        (await s.request({ method: 'GET', url: '/api/v1/tickets/stats' })).json<TicketStats>();
      const total = (s: TicketStats) => Object.values(s.byStatus).reduce((a, b) => a + b, 0);
      const [forAgent, forManager] = [await stats(agent), await stats(manager)];
      expect(total(forManager) - total(forAgent)).toBe(1);
    });

    it('the CSV export leaves them out too', async () => {
      const csv = async (s: Session) => {
        const res = await s.request({
          method: 'GET',
          url: `/api/v1/tickets/export.csv?status=all&q=${word}`,
        });
        expect(res.statusCode).toBe(200);
        return res.body;
      };
      const refOf = async (id: number) => (await ticketApi(admin).get(id)).json<{ ref: string }>().ref;
      const [agentCsv, managerCsv] = [await csv(agent), await csv(manager)];
      expect(agentCsv).toContain(await refOf(mine));
      expect(agentCsv).toContain(await refOf(unassigned));
      expect(agentCsv).not.toContain(await refOf(others));
      expect(managerCsv).toContain(await refOf(others));
    });

    it('turning the setting off shows everything again on the next request', async () => {
      await setOnlyAssignee(false);
      try {
        expect(await listIds(agent, `q=${word}&searchIn=subject`)).toContain(others);
        expect((await ticketApi(agent).get(others)).statusCode).toBe(200);
      } finally {
        await setOnlyAssignee(true);
      }
    });
  });
}
