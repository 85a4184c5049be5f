import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
import { TICKET_SORTS, TICKET_STATUSES, type TicketSort } from '../../common/tickets.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { allPages, HOUR, listPage, seedListData, START } from './ticket.list.fixtures.js';
import { newTicket, ticketApi } from './ticket.fixtures.js';
import { createTicketCountRepository } from './ticket.list.count.repository.js';

/** The value a column sorts by, as the list defines it (severity by dictionary position, status by workflow). */
const SEVERITY_RANK: Record<string, number> = { LOW: 10, NORMAL: 20, HIGH: 30, BLOCKING: 40 };
const value = (t: TicketListItem, sort: TicketSort): string | number | null => {
  switch (sort) {
    case 'ref':
      return t.id;
    case 'subject':
      return t.subject;
    case 'status':
      return TICKET_STATUSES.indexOf(t.status);
    case 'severity':
      return SEVERITY_RANK[t.severityCode] ?? 0;
    case 'type':
      return t.typeCode;
    case 'category':
      return t.categoryCode;
    case 'assignee':
      return t.assigneeName;
    case 'thirdparty':
      return t.thirdpartyName;
    case 'createdAt':
      return t.createdAt;
    case 'updatedAt':
      return t.updatedAt;
  }
};

/** Expected order: by value (empty values last in both directions), ties by id in the same direction. */
function expected(items: TicketListItem[], sort: TicketSort, order: 'asc' | 'desc'): number[] {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items]
    .sort((a, b) => {
      const va = value(a, sort);
      const vb = value(b, sort);
      if (va === null || vb === null) return va === vb ? sign * (a.id - b.id) : va === null ? 1 : -1;
      return sign * (cmp(va, vb) || a.id - b.id);
    })
    .map((t) => t.id);
}

for (const engine of ENGINES) {
  describe(`ticket list sorting and paging (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      await seedListData(t, admin);
    });
    afterAll(async () => t.close());

    for (const sort of TICKET_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        it(`sort=${sort}&order=${order}: pages of 2 visit every ticket once, in order, empty values last`, async () => {
          // status=all reads open and closed tickets from two index ranges and merges them.
          const paged = await allPages(admin, { status: 'all', sort, order, limit: 2 });
          const oneGo = await allPages(admin, { status: 'all', sort, order, limit: 200 });
          expect(oneGo).toHaveLength(9);
          expect(paged.map((i) => i.id)).toEqual(oneGo.map((i) => i.id));
          expect(paged.map((i) => i.id)).toEqual(expected(oneGo, sort, order));
        });
      }
    }

    it('ties on the sort value (three tickets created at the same instant) are split across pages cleanly', async () => {
      const twins = await allPages(admin, { q: 'écran', searchIn: 'subject', sort: 'createdAt', limit: 1 });
      expect(twins).toHaveLength(3);
      expect(new Set(twins.map((i) => i.createdAt)).size).toBe(1);
      expect(twins.map((i) => i.id)).toEqual(twins.map((i) => i.id).sort((a, b) => b - a));
    });
  });
}

for (const engine of ENGINES) {
  describe(`a third party's tickets (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let dupont: number;
    let reseaux: number;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const data = await seedListData(t, admin);
      dupont = data.thirdparties.dupont;
      reseaux = data.thirdparties.reseaux;
      // More of its tickets, with every sort column varied, an hour apart; one closed, one assigned.
      const base = START.getTime() + 100 * HOUR;
      const more: Record<string, unknown>[] = [
        { subject: 'Zèbre imprimé de travers', severityCode: 'LOW', typeCode: 'HELP' },
        { subject: 'Alarme du serveur', severityCode: 'BLOCKING', typeCode: 'ISSUE' },
        { subject: 'Modem à remplacer', severityCode: 'HIGH', assigneeId: data.agent.userId },
        { subject: 'Badge perdu', severityCode: 'NORMAL', unread: true },
        { subject: 'Alarme du serveur', severityCode: 'HIGH', typeCode: 'COM' },
      ];
      for (const [i, extra] of more.entries()) {
        t.clock.set(new Date(base + i * HOUR));
        const ticket = await newTicket(admin, { message: '<p>Détails.</p>', thirdpartyId: dupont, ...extra });
        if (i === 1)
          expect((await ticketApi(admin).act(ticket.id, 'close', { resolution: 'solved' })).statusCode).toBe(
            200,
          );
      }
    });
    afterAll(async () => t.close());

    for (const sort of TICKET_SORTS) {
      it(`sort=${sort}: they come in the order of the whole list, page after page`, async () => {
        // SQLite reads a third party's few tickets through its own index and sorts them; the whole list
        // walks the sort's index. Both give the same tickets in the same order.
        for (const order of ['asc', 'desc'] as const) {
          const whole = await allPages(admin, { status: 'all', sort, order, limit: 200 });
          const mine = whole.filter((i) => i.thirdpartyId === dupont);
          expect(mine).toHaveLength(7);
          const paged = await allPages(admin, { status: 'all', thirdparty: dupont, sort, order, limit: 1 });
          expect(paged.map((i) => i.id)).toEqual(mine.map((i) => i.id));
          const open = await allPages(admin, { thirdparty: dupont, sort, order, limit: 2 });
          expect(open.map((i) => i.id)).toEqual(mine.filter((i) => i.status !== 'closed').map((i) => i.id));
        }
      });
    }

    it('a search within them finds the same tickets as the search over the whole list', async () => {
      const whole = await allPages(admin, { q: 'alarme', searchIn: 'subject', status: 'all' });
      const mine = await allPages(admin, {
        q: 'alarme',
        searchIn: 'subject',
        status: 'all',
        thirdparty: dupont,
      });
      expect(mine.map((i) => i.id)).toEqual(whole.filter((i) => i.thirdpartyId === dupont).map((i) => i.id));
      expect(mine).toHaveLength(2);
      const query = { q: 'alarme', searchIn: 'subject', status: 'all', thirdparty: dupont, limit: 1 };
      expect((await listPage(admin, query)).total).toBe(2);
    });

    it("one third party's list after another's holds only its own tickets", async () => {
      const whole = await allPages(admin, { status: 'all', limit: 200 });
      for (const id of [dupont, reseaux, dupont, reseaux]) {
        const theirs = await allPages(admin, { status: 'all', thirdparty: id, limit: 25 });
        expect(theirs.map((i) => i.id)).toEqual(whole.filter((i) => i.thirdpartyId === id).map((i) => i.id));
      }
    });

    it('its tickets are counted by status, and the counts follow creation, status, move, deletion and purge', async () => {
      const list = createTicketCountRepository(t.testDb.db);
      /** The counts as the list finds them, ticket by ticket. */
      const tally = async (id: number) => {
        const counts = new Map<string, number>();
        const all = [
          ...(await allPages(admin, { status: 'all', limit: 200 })),
          ...(await allPages(admin, { status: 'deleted', limit: 200 })),
        ];
        for (const i of all.filter((i) => i.thirdpartyId === id))
          counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
        return counts;
      };
      const check = async () => {
        for (const id of [dupont, reseaux])
          expect(await list.thirdpartyStatusCounts(id)).toEqual(await tally(id));
      };
      await check();
      const api = ticketApi(admin);
      const moving = await newTicket(admin, {
        subject: 'Compteur',
        message: '<p>Détails.</p>',
        thirdpartyId: dupont,
      });
      await check();
      let version = moving.version;
      for (const thirdpartyId of [reseaux, null, dupont]) {
        const moved = await api.patch(moving.id, { thirdpartyId, version });
        expect(moved.statusCode).toBe(200);
        version = moved.json<{ version: number }>().version;
        await check();
      }
      expect((await api.act(moving.id, 'close', { resolution: 'solved' })).statusCode).toBe(200);
      await check();
      expect((await api.remove(moving.id)).statusCode).toBe(200);
      await check();
      expect((await api.remove(moving.id, true)).statusCode).toBe(204);
      await check();
      expect((await list.thirdpartyStatusCounts(dupont)).get('deleted') ?? 0).toBe(0);
    });

    it('its Tickets tab gives the exact total of every status filter, whatever the page size', async () => {
      const whole = await allPages(admin, { status: 'all', limit: 200 });
      const mine = whole.filter((i) => i.thirdpartyId === dupont);
      const filters = [
        { status: 'all', expect: mine.length },
        { status: '', expect: mine.filter((i) => i.status !== 'closed').length },
        { status: 'closed', expect: mine.filter((i) => i.status === 'closed').length },
        {
          status: 'assigned,unread',
          expect: mine.filter((i) => /^(assigned|unread)$/.test(i.status)).length,
        },
        { status: 'deleted', expect: 0 },
      ];
      for (const f of filters) {
        for (const limit of [1, 2, 25]) {
          const query: Record<string, string | number> = { thirdparty: dupont, limit };
          if (f.status) query.status = f.status;
          const page = await listPage(admin, query);
          expect(page.total, `${f.status || 'open'}, ${limit} per page`).toBe(f.expect);
          expect(page.totalCapped).toBe(false);
        }
      }
    });
  });
}
