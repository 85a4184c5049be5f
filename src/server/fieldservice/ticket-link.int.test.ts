import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../common/schemas/contract.schema.js';
import type { Intervention } from '../../common/schemas/intervention.schema.js';
import type { TicketLinkList } from '../../common/schemas/ticket-link.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  act,
  historyOf,
  newThirdparty,
  newTicket,
  openTicketApp,
  ticketApi,
  userWith,
} from '../tickets/ticket.fixtures.js';
import { errorCode, fieldApi, fieldCounts, ok, setSetting } from './fieldservice.fixtures.js';

for (const engine of ENGINES) {
  describe(`ticket links, permissions and closing [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let fs: ReturnType<typeof fieldApi>;
    let acme: number;

    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      fs = fieldApi(admin);
      acme = await newThirdparty(admin, 'Acme');
    });
    afterAll(async () => {
      await t.close();
    });

    const links = (id: number, s: Session = admin) =>
      ok<TicketLinkList>(s, { method: 'GET', url: `/api/v1/tickets/${id}/links` });

    it('linking and unlinking write link_created and link_removed in the ticket’s history, once each', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const fi = await ok<Intervention>(
        admin,
        { method: 'POST', url: '/api/v1/interventions', payload: { thirdpartyId: acme } },
        201,
      );
      await fs.addLine(fi.id, 40);
      const payload = { objectType: 'intervention', objectId: fi.id };
      const first = await ok<TicketLinkList>(
        admin,
        { method: 'POST', url: `/api/v1/tickets/${ticket.id}/links`, payload },
        201,
      );
      expect(first.items).toEqual([
        expect.objectContaining({
          objectType: 'intervention',
          objectId: fi.id,
          ref: fi.ref,
          durationMinutes: 40,
          linkedBy: admin.userId,
        }),
      ]);
      // Linking again changes nothing: 200, no second history row.
      await ok(admin, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/links`, payload }, 200);
      expect((await ticketApi(admin).get(ticket.id)).json<Ticket>().durationMinutes).toBe(40);

      const unlinked = await ok<TicketLinkList>(admin, {
        method: 'DELETE',
        url: `/api/v1/tickets/${ticket.id}/links?objectType=intervention&objectId=${fi.id}`,
      });
      expect(unlinked.items).toEqual([]);
      expect((await ticketApi(admin).get(ticket.id)).json<Ticket>().durationMinutes).toBe(0);
      const again = await admin.request({
        method: 'DELETE',
        url: `/api/v1/tickets/${ticket.id}/links?objectType=intervention&objectId=${fi.id}`,
      });
      expect(again.statusCode).toBe(404);
      expect(errorCode(again)).toBe('link_not_found');

      const h = (await historyOf(admin, ticket.id)).filter((e) => e.kind.startsWith('link_'));
      expect(h.map((e) => e.kind)).toEqual(['link_created', 'link_removed']);
      expect(h[1]).toMatchObject({
        actor: { userId: admin.userId },
        oldValue: { objectType: 'intervention', objectId: fi.id, ref: fi.ref },
      });
    });

    it('linking an unknown object or to an unknown ticket is a 404 that writes nothing', async () => {
      const ticket = await newTicket(admin);
      const before = await fieldCounts(t);
      const noObject = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/links`,
        payload: { objectType: 'proposal', objectId: 999999 },
      });
      expect(noObject.statusCode).toBe(404);
      expect(errorCode(noObject)).toBe('proposal_not_found');
      const p = await fs.proposal(acme);
      const noTicket = await admin.request({
        method: 'POST',
        url: '/api/v1/tickets/999999/links',
        payload: { objectType: 'proposal', objectId: p.id },
      });
      expect(errorCode(noTicket)).toBe('ticket_not_found');
      const badType = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/links`,
        payload: { objectType: 'contract', objectId: 1 },
      });
      expect(badType.statusCode).toBe(400);
      expect(await fieldCounts(t)).toEqual({ ...before, proposals: before.proposals + 1 });
    });

    it('a reader without write gets 403 on every change; without read, objects answer 404', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const fi = await fs.interventionFromTicket(ticket.id);
      const p = await fs.proposal(acme);
      const eq = await fs.equipment(acme);
      const reader = await userWith(t, admin, [
        'ticket.read',
        'intervention.read',
        'proposal.read',
        'agenda.read',
      ]);
      const nobody = await userWith(t, admin, ['ticket.read', 'ticket.write']);

      expect(
        (await ok<Intervention>(reader, { method: 'GET', url: `/api/v1/interventions/${fi.id}` })).editable,
      ).toBe(false);
      const tk = (await ticketApi(reader).get(ticket.id)).json<Ticket>();
      expect(tk.abilities).toMatchObject({
        createIntervention: false,
        createProposal: false,
        createEvent: false,
      });
      const writes = [
        {
          method: 'POST' as const,
          url: `/api/v1/interventions/${fi.id}/lines`,
          payload: { date: '2026-11-01', durationMinutes: 5 },
        },
        {
          method: 'POST' as const,
          url: `/api/v1/interventions/${fi.id}/status`,
          payload: { status: 'validated' },
        },
        { method: 'PATCH' as const, url: `/api/v1/proposals/${p.id}`, payload: { notes: 'x' } },
        { method: 'POST' as const, url: '/api/v1/interventions', payload: { thirdpartyId: acme } },
        { method: 'POST' as const, url: `/api/v1/tickets/${ticket.id}/interventions`, payload: {} },
        {
          method: 'POST' as const,
          url: `/api/v1/tickets/${ticket.id}/events`,
          payload: { start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' },
        },
        {
          method: 'DELETE' as const,
          url: `/api/v1/tickets/${ticket.id}/links?objectType=intervention&objectId=${fi.id}`,
        },
        { method: 'PATCH' as const, url: `/api/v1/equipment/${eq.id}`, payload: { label: 'x' } },
      ];
      const before = await fieldCounts(t);
      for (const w of writes) {
        const res = await reader.request(w);
        expect(res.statusCode, `${w.method} ${w.url}`).toBe(403);
      }
      expect(await fieldCounts(t)).toEqual(before);

      for (const url of [
        `/api/v1/interventions/${fi.id}`,
        `/api/v1/proposals/${p.id}`,
        `/api/v1/equipment/${eq.id}`,
      ]) {
        expect((await nobody.request({ method: 'GET', url })).statusCode, url).toBe(404);
      }
      const patch = await nobody.request({
        method: 'PATCH',
        url: `/api/v1/interventions/${fi.id}`,
        payload: { description: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      expect((await nobody.request({ method: 'GET', url: '/api/v1/interventions' })).statusCode).toBe(403);
      // The ticket's links leave out what the reader may not see; the objects leave out hidden tickets.
      expect((await links(ticket.id, nobody)).items).toEqual([]);
      const noTickets = await userWith(t, admin, ['intervention.read']);
      expect(
        (await ok<Intervention>(noTickets, { method: 'GET', url: `/api/v1/interventions/${fi.id}` })).tickets,
      ).toEqual([]);
    });

    it('with interventions.closeWithTicket, closing a ticket marks its draft and validated interventions done', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const draft = await fs.interventionFromTicket(ticket.id);
      const validated = await fs.interventionFromTicket(ticket.id);
      await fs.status(`/interventions/${validated.id}`, 'validated');
      const status = async (id: number) =>
        (await ok<Intervention>(admin, { method: 'GET', url: `/api/v1/interventions/${id}` })).status;

      // Setting off (the default): closing leaves them alone.
      const off = await newTicket(admin, { thirdpartyId: acme });
      const untouched = await fs.interventionFromTicket(off.id);
      await act(ticketApi(admin), off.id, 'close', { resolution: 'solved' });
      await t.services.runner.runDue();
      expect(await status(untouched.id)).toBe('draft');

      await setSetting(admin, 'interventions.closeWithTicket', true);
      await act(ticketApi(admin), ticket.id, 'close', { resolution: 'solved' });
      await t.services.runner.runDue();
      expect(await status(draft.id)).toBe('done');
      expect(await status(validated.id)).toBe('done');
      // The job may run twice: the second run changes nothing.
      expect(
        await t.services.fieldservice.onTicketEvent({
          kind: 'closed',
          ticketId: ticket.id,
          actorUserId: null,
          notifyCustomer: false,
        }),
      ).toBe(0);

      // Reopened before the job ran: nothing is marked done.
      const reopened = await newTicket(admin, { thirdpartyId: acme });
      const kept = await fs.interventionFromTicket(reopened.id);
      await act(ticketApi(admin), reopened.id, 'close', { resolution: 'solved' });
      await act(ticketApi(admin), reopened.id, 'reopen');
      await t.services.runner.runDue();
      expect(await status(kept.id)).toBe('draft');
      await setSetting(admin, 'interventions.closeWithTicket', false);
    });

    it('a validated contract is active until its end date, then expired; lists filter on that status', async () => {
      const tp = await newThirdparty(admin, 'Contracted');
      // The end date is a whole day: a contract ending today is still active, one that ended yesterday is not.
      const today = t.clock.now().toISOString().slice(0, 10);
      const yesterday = new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      const yymm = today.slice(2, 4) + today.slice(5, 7);
      const current = await fs.contract(tp, { startDate: '2026-01-01', endDate: today });
      const old = await fs.contract(tp, { startDate: '2025-01-01', endDate: yesterday });
      expect(current.status).toBe('draft');
      expect(current.ref).toMatch(new RegExp(`^CT${yymm}-\\d{4}$`));
      expect((await fs.status<Contract>(`/contracts/${current.id}`, 'active')).status).toBe('active');
      expect((await fs.status<Contract>(`/contracts/${old.id}`, 'active')).status).toBe('expired');
      const active = await ok<{ items: Contract[] }>(admin, {
        method: 'GET',
        url: `/api/v1/contracts?thirdpartyId=${tp}&status=active`,
      });
      expect(active.items.map((c) => c.id)).toEqual([current.id]);
      const expired = await ok<{ items: Contract[] }>(admin, {
        method: 'GET',
        url: `/api/v1/contracts?thirdpartyId=${tp}&status=expired`,
      });
      expect(expired.items.map((c) => c.id)).toEqual([old.id]);
      const bad = await admin.request({
        method: 'PATCH',
        url: `/api/v1/contracts/${current.id}`,
        payload: { endDate: '2025-06-01' },
      });
      expect(errorCode(bad)).toBe('invalid_date_range');
      const closed = await fs.status<Contract>(`/contracts/${current.id}`, 'closed');
      expect(closed.status).toBe('closed');
      const reopen = await admin.request({
        method: 'POST',
        url: `/api/v1/contracts/${current.id}/status`,
        payload: { status: 'active' },
      });
      expect(errorCode(reopen)).toBe('transition_not_allowed');
      const eq = await fs.equipment(tp, { contractId: current.id });
      const ticket = await newTicket(admin, { thirdpartyId: tp, equipmentId: eq.id });
      const withTickets = await ok<Contract>(admin, {
        method: 'GET',
        url: `/api/v1/contracts/${current.id}`,
      });
      expect(withTickets).toMatchObject({
        equipmentCount: 1,
        tickets: [expect.objectContaining({ id: ticket.id })],
      });
    });
  });
}
