import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  newTicket,
  userWith,
  openTicketApp,
  type TicketApi,
  act,
  expectRefused,
} from './ticket.fixtures.js';

for (const engine of ENGINES) {
  describe(`ticket workflow through the API (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    let agent: Session & { name: string };
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
      agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Agnes Agent');
    });
    afterAll(async () => {
      await t.close();
    });

    it('mark read: unread → read, readAt set once, history "read"', async () => {
      const ticket = await newTicket(admin, { unread: true });
      t.clock.advance(90_000);
      const read = await act(api, ticket.id, 'read');
      expect(read).toMatchObject({ status: 'read', version: 2, elapsedBeforeReadSeconds: 90 });
      expect(read.readAt).not.toBeNull();
      // Assigning later must not move readAt.
      t.clock.advance(60_000);
      const assigned = await act(api, ticket.id, 'assign', { userId: agent.userId });
      expect(assigned.readAt).toBe(read.readAt);
      const h = await historyOf(admin, ticket.id);
      expect(h.map((e) => e.kind)).toEqual(['created', 'read', 'assigned']);
      expect(h[1]).toMatchObject({ field: 'status', oldValue: 'unread', newValue: 'read' });
    });

    it('mark read works without a body, and is refused on a ticket already read', async () => {
      const ticket = await newTicket(admin, { unread: true });
      const res = await admin.request({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/read` });
      expect(res.statusCode, res.body).toBe(200);
      expectRefused(await api.act(ticket.id, 'read'), 'markRead', 'read');
    });

    it('assign: any open status → assigned, sets readAt of an unread ticket, records old and new assignee', async () => {
      const other = await userWith(t, admin, ['ticket.read'], 'Otto Other');
      const ticket = await newTicket(admin, { unread: true });
      const first = await act(api, ticket.id, 'assign', { userId: agent.userId });
      expect(first).toMatchObject({
        status: 'assigned',
        assigneeId: agent.userId,
        assigneeName: 'Agnes Agent',
      });
      expect(first.readAt).not.toBeNull();
      await act(api, ticket.id, 'status', { status: 'in_progress' });
      const second = await act(api, ticket.id, 'assign', { userId: other.userId });
      expect(second).toMatchObject({
        status: 'assigned',
        assigneeId: other.userId,
        assigneeName: 'Otto Other',
      });
      const h = (await historyOf(admin, ticket.id)).filter((e) => e.kind === 'assigned');
      expect(h).toHaveLength(2);
      expect(h[1]).toMatchObject({
        field: 'assigneeId',
        oldValue: { id: agent.userId, name: 'Agnes Agent' },
        newValue: { id: other.userId, name: 'Otto Other' },
        details: { status: { from: 'in_progress', to: 'assigned' } },
      });
    });

    it('assigning the current assignee again changes nothing', async () => {
      const ticket = await newTicket(admin, { assigneeId: agent.userId });
      await act(api, ticket.id, 'status', { status: 'in_progress' });
      const again = await act(api, ticket.id, 'assign', { userId: agent.userId });
      expect(again).toMatchObject({ status: 'in_progress', version: 2 });
    });

    it('unassign: assigned → read; other statuses keep theirs; history "unassigned"', async () => {
      const a = await newTicket(admin, { assigneeId: agent.userId });
      expect(await act(api, a.id, 'assign', { userId: null })).toMatchObject({
        status: 'read',
        assigneeId: null,
        assigneeName: null,
      });
      const b = await newTicket(admin, { assigneeId: agent.userId });
      await act(api, b.id, 'status', { status: 'waiting' });
      expect(await act(api, b.id, 'assign', { userId: null })).toMatchObject({
        status: 'waiting',
        assigneeId: null,
      });
      const h = (await historyOf(admin, a.id)).at(-1);
      expect(h).toMatchObject({
        kind: 'unassigned',
        oldValue: { id: agent.userId, name: 'Agnes Agent' },
        newValue: null,
      });
    });

    it('unassigning a ticket without assignee, or a closed one, is refused', async () => {
      const ticket = await newTicket(admin);
      expectRefused(await api.act(ticket.id, 'assign', { userId: null }), 'unassign', 'read');
      const closed = await newTicket(admin, { assigneeId: agent.userId });
      await act(api, closed.id, 'close', { resolution: 'solved' });
      expectRefused(await api.act(closed.id, 'assign', { userId: null }), 'unassign', 'closed');
    });

    it('set waiting / in progress from any open status but unread; history "status_changed"', async () => {
      const ticket = await newTicket(admin);
      expect((await act(api, ticket.id, 'status', { status: 'waiting' })).status).toBe('waiting');
      expect((await act(api, ticket.id, 'status', { status: 'in_progress' })).status).toBe('in_progress');
      const h = (await historyOf(admin, ticket.id)).filter((e) => e.kind === 'status_changed');
      expect(h.map((e) => [e.oldValue, e.newValue])).toEqual([
        ['read', 'waiting'],
        ['waiting', 'in_progress'],
      ]);
      const unread = await newTicket(admin, { unread: true });
      expectRefused(await api.act(unread.id, 'status', { status: 'waiting' }), 'setWaiting', 'unread');
      expectRefused(await api.act(unread.id, 'status', { status: 'in_progress' }), 'setInProgress', 'unread');
    });

    it('close: closedAt, progress 100, resolution; history "closed" with the resolution and the notice wish', async () => {
      const ticket = await newTicket(admin, { progress: 40 });
      const closed = await act(api, ticket.id, 'close', { resolution: 'abandoned', notifyCustomer: true });
      expect(closed).toMatchObject({ status: 'closed', progress: 100, resolution: 'abandoned' });
      expect(closed.closedAt).not.toBeNull();
      expect(closed.abilities).toMatchObject({
        close: false,
        reopen: true,
        update: false,
        addMessage: false,
        addNote: true,
      });
      const h = (await historyOf(admin, ticket.id)).at(-1);
      expect(h).toMatchObject({
        kind: 'closed',
        oldValue: 'read',
        newValue: 'closed',
        details: { resolution: 'abandoned', notifyCustomer: true },
      });
      expectRefused(await api.act(ticket.id, 'close', { resolution: 'solved' }), 'close', 'closed');
      expectRefused(await api.act(ticket.id, 'assign', { userId: agent.userId }), 'assign', 'closed');
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select('is_open')
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row.is_open).toBe(false);
    });

    it('reopen: closed → read, or assigned when there is an assignee; closedAt and resolution cleared', async () => {
      const plain = await newTicket(admin);
      await act(api, plain.id, 'close', { resolution: 'solved' });
      const reopened = await act(api, plain.id, 'reopen');
      expect(reopened).toMatchObject({ status: 'read', closedAt: null, resolution: null });
      const withAssignee = await newTicket(admin, { assigneeId: agent.userId });
      await act(api, withAssignee.id, 'status', { status: 'in_progress' });
      await act(api, withAssignee.id, 'close', { resolution: 'solved' });
      expect((await act(api, withAssignee.id, 'reopen')).status).toBe('assigned');
      const h = (await historyOf(admin, plain.id)).at(-1);
      expect(h).toMatchObject({ kind: 'reopened', oldValue: 'closed', newValue: 'read' });
      expectRefused(await api.act(plain.id, 'reopen'), 'reopen', 'read');
    });
  });
}
