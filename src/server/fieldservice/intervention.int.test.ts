import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intervention } from '../../common/schemas/intervention.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { historyOf, newThirdparty, newTicket, openTicketApp, ticketApi } from '../tickets/ticket.fixtures.js';
import { errorCode, fieldApi, fieldCounts, ok } from './fieldservice.fixtures.js';

for (const engine of ENGINES) {
  describe(`interventions [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let fs: ReturnType<typeof fieldApi>;
    let acme: number;
    let globex: number;

    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      fs = fieldApi(admin);
      acme = await newThirdparty(admin, 'Acme');
      globex = await newThirdparty(admin, 'Globex');
    });
    afterAll(async () => {
      await t.close();
    });

    const getTicket = async (id: number) =>
      ok<Ticket>(admin, { method: 'GET', url: `/api/v1/tickets/${id}` });

    it('an intervention created from a ticket copies its third party, equipment and the equipment’s contract', async () => {
      const contract = await fs.contract(acme);
      const eq = await fs.equipment(acme, { contractId: contract.id });
      const ticket = await newTicket(admin, { thirdpartyId: acme, equipmentId: eq.id, subject: 'Paper jam' });
      expect(ticket.equipmentId).toBe(eq.id);
      expect(ticket.abilities.createIntervention).toBe(true);

      const fi = await fs.interventionFromTicket(ticket.id);
      expect(fi).toMatchObject({
        thirdpartyId: acme,
        equipmentId: eq.id,
        contractId: contract.id,
        contractRef: contract.ref,
        description: 'Paper jam',
        status: 'draft',
        ticketIds: [ticket.id],
        durationMinutes: 0,
      });
      expect(fi.ref).toMatch(/^FI\d{4}-\d{4}$/);
      expect(fi.tickets).toEqual([
        { id: ticket.id, ref: ticket.ref, subject: 'Paper jam', status: ticket.status },
      ]);
      const created = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'link_created');
      expect(created).toHaveLength(1);
      expect(created[0]?.details).toMatchObject({ objectType: 'intervention', objectId: fi.id, ref: fi.ref });
    });

    it('the ticket’s duration follows line additions, edits, deletions and the unlink, without a new version', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const fi = await fs.interventionFromTicket(ticket.id);
      const other = await fs.interventionFromTicket(ticket.id);
      let after = await fs.addLine(fi.id, 90);
      expect(after.durationMinutes).toBe(90);
      await fs.addLine(fi.id, 45);
      await fs.addLine(other.id, 30);
      expect((await getTicket(ticket.id)).durationMinutes).toBe(165);

      const lineId = after.lines[0]?.id ?? 0;
      t.clock.advance(60_000);
      after = await ok<Intervention>(admin, {
        method: 'PATCH',
        url: `/api/v1/interventions/${fi.id}/lines/${lineId}`,
        payload: { durationMinutes: 60 },
      });
      expect(after.durationMinutes).toBe(105);
      const edited = await getTicket(ticket.id);
      expect(edited.durationMinutes).toBe(135);
      expect(edited.version).toBe(ticket.version);
      expect(edited.updatedAt).not.toBe(ticket.updatedAt);

      await ok(admin, { method: 'DELETE', url: `/api/v1/interventions/${fi.id}/lines/${lineId}` });
      expect((await getTicket(ticket.id)).durationMinutes).toBe(75);

      await ok(admin, {
        method: 'DELETE',
        url: `/api/v1/tickets/${ticket.id}/links?objectType=intervention&objectId=${other.id}`,
      });
      expect((await getTicket(ticket.id)).durationMinutes).toBe(45);
      // The list shows the same number.
      const list = await ok<{ items: Ticket[] }>(admin, {
        method: 'GET',
        url: '/api/v1/tickets?status=all&limit=200',
      });
      expect(list.items.find((i) => i.id === ticket.id)?.durationMinutes).toBe(45);
    });

    it('a ticket without a third party cannot get an intervention, and nothing is written', async () => {
      const ticket = await newTicket(admin);
      expect(ticket.abilities.createIntervention).toBe(false);
      expect(ticket.abilities.createEvent).toBe(true);
      const before = await fieldCounts(t);
      const res = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/interventions`,
        payload: {},
      });
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('ticket_without_thirdparty');
      expect(await fieldCounts(t)).toEqual(before);
    });

    it('a ticket may only designate equipment of its own third party', async () => {
      const theirs = await fs.equipment(globex);
      const api = ticketApi(admin);
      const created = await api.create({
        subject: 'x',
        message: 'y',
        thirdpartyId: acme,
        equipmentId: theirs.id,
      });
      expect(created.statusCode).toBe(400);
      expect(errorCode(created)).toBe('invalid_equipment');

      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const patched = await api.patch(ticket.id, { version: ticket.version, equipmentId: theirs.id });
      expect(patched.statusCode).toBe(400);
      expect(errorCode(patched)).toBe('invalid_equipment');
      const unknown = await api.patch(ticket.id, { version: ticket.version, equipmentId: 999_999 });
      expect(errorCode(unknown)).toBe('invalid_equipment');

      // Moving the ticket to the equipment's third party along with it is fine…
      const moved = await api.patch(ticket.id, {
        version: ticket.version,
        thirdpartyId: globex,
        equipmentId: theirs.id,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      // …but moving it away while keeping the equipment is not.
      const away = await api.patch(ticket.id, { version: ticket.version + 1, thirdpartyId: acme });
      expect(errorCode(away)).toBe('invalid_equipment');
      expect((await getTicket(ticket.id)).thirdpartyId).toBe(globex);
    });

    it('an intervention refuses equipment or a contract of another customer, and equipment a foreign contract', async () => {
      const theirs = await fs.equipment(globex);
      const theirContract = await fs.contract(globex);
      const bad = await admin.request({
        method: 'POST',
        url: '/api/v1/interventions',
        payload: { thirdpartyId: acme, equipmentId: theirs.id },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorCode(bad)).toBe('invalid_equipment');
      const badContract = await admin.request({
        method: 'POST',
        url: '/api/v1/interventions',
        payload: { thirdpartyId: acme, contractId: theirContract.id },
      });
      expect(errorCode(badContract)).toBe('invalid_contract');
      const eq = await admin.request({
        method: 'POST',
        url: '/api/v1/equipment',
        payload: { thirdpartyId: acme, label: 'Lathe', contractId: theirContract.id },
      });
      expect(eq.statusCode).toBe(400);
      expect(errorCode(eq)).toBe('invalid_contract');
    });

    it('a done intervention can no longer be edited: lines, fields and status stay as they are', async () => {
      const fi = await ok<Intervention>(
        admin,
        {
          method: 'POST',
          url: '/api/v1/interventions',
          payload: { thirdpartyId: acme, description: 'Visit' },
        },
        201,
      );
      const withLine = await fs.addLine(fi.id, 30);
      const lineId = withLine.lines[0]?.id ?? 0;
      const skip = await admin.request({
        method: 'POST',
        url: `/api/v1/interventions/${fi.id}/status`,
        payload: { status: 'done' },
      });
      expect(skip.statusCode).toBe(409);
      expect(errorCode(skip)).toBe('transition_not_allowed');
      await fs.status(`/interventions/${fi.id}`, 'validated');
      const done = await fs.status<Intervention>(`/interventions/${fi.id}`, 'done');
      expect(done.editable).toBe(false);

      const attempts = [
        {
          method: 'POST' as const,
          url: `/api/v1/interventions/${fi.id}/lines`,
          payload: { date: '2026-11-21', durationMinutes: 5 },
        },
        {
          method: 'PATCH' as const,
          url: `/api/v1/interventions/${fi.id}/lines/${lineId}`,
          payload: { durationMinutes: 5 },
        },
        { method: 'DELETE' as const, url: `/api/v1/interventions/${fi.id}/lines/${lineId}` },
        {
          method: 'PATCH' as const,
          url: `/api/v1/interventions/${fi.id}`,
          payload: { description: 'Changed' },
        },
      ];
      for (const a of attempts) {
        const res = await admin.request(a);
        expect(res.statusCode, a.url).toBe(409);
        expect(errorCode(res)).toBe('intervention_done');
      }
      const back = await admin.request({
        method: 'POST',
        url: `/api/v1/interventions/${fi.id}/status`,
        payload: { status: 'draft' },
      });
      expect(back.statusCode).toBe(409);
      const now = await ok<Intervention>(admin, { method: 'GET', url: `/api/v1/interventions/${fi.id}` });
      expect(now).toMatchObject({ status: 'done', description: 'Visit', durationMinutes: 30 });
    });

    it('bad lines are refused with 400 and unknown lines with 404', async () => {
      const fi = await ok<Intervention>(
        admin,
        { method: 'POST', url: '/api/v1/interventions', payload: { thirdpartyId: acme } },
        201,
      );
      for (const payload of [
        { date: '2026-13-01', durationMinutes: 5 },
        { date: '2026-11-01', durationMinutes: 0 },
        { date: '2026-11-01', durationMinutes: 1441 },
        { date: '2026-11-01', durationMinutes: 1.5 },
      ]) {
        const res = await admin.request({
          method: 'POST',
          url: `/api/v1/interventions/${fi.id}/lines`,
          payload,
        });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      }
      const missing = await admin.request({
        method: 'DELETE',
        url: `/api/v1/interventions/${fi.id}/lines/999999`,
      });
      expect(missing.statusCode).toBe(404);
      expect(errorCode(missing)).toBe('intervention_line_not_found');
      const noFi = await admin.request({ method: 'GET', url: '/api/v1/interventions/999999' });
      expect(errorCode(noFi)).toBe('intervention_not_found');
    });

    it('the OpenAPI document describes the field-service routes', async () => {
      const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(doc.statusCode).toBe(200);
      const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
      for (const p of [
        '/api/v1/contracts/{id}/status',
        '/api/v1/equipment',
        '/api/v1/interventions/{id}/lines/{lineId}',
        '/api/v1/proposals/{id}/lines',
        '/api/v1/events',
        '/api/v1/tickets/{id}/links',
        '/api/v1/tickets/{id}/interventions',
      ]) {
        expect(paths).toContain(p);
      }
    });

    it('twenty interventions created at once get twenty distinct references', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const made = await Promise.all(Array.from({ length: 20 }, () => fs.interventionFromTicket(ticket.id)));
      expect(new Set(made.map((m) => m.ref)).size).toBe(20);
      const links = await ok<{ items: unknown[] }>(admin, {
        method: 'GET',
        url: `/api/v1/tickets/${ticket.id}/links`,
      });
      expect(links.items).toHaveLength(20);
    });

    it('lists filter by third party, equipment, ticket and status, page by page', async () => {
      const tp = await newThirdparty(admin, 'Initech');
      const eq = await fs.equipment(tp, { serialNumber: 'XZ-77' });
      const ticket = await newTicket(admin, { thirdpartyId: tp, equipmentId: eq.id });
      for (let i = 0; i < 3; i++) await fs.interventionFromTicket(ticket.id);
      const page1 = await ok<{ items: Intervention[]; nextCursor: string | null; total: number }>(admin, {
        method: 'GET',
        url: `/api/v1/interventions?thirdpartyId=${tp}&limit=2`,
      });
      expect(page1.total).toBe(3);
      expect(page1.items).toHaveLength(2);
      const page2 = await ok<{ items: Intervention[]; nextCursor: string | null }>(admin, {
        method: 'GET',
        url: `/api/v1/interventions?thirdpartyId=${tp}&limit=2&cursor=${page1.nextCursor ?? ''}`,
      });
      expect(page2.items).toHaveLength(1);
      expect(page2.nextCursor).toBeNull();
      const byEq = await ok<{ total: number }>(admin, {
        method: 'GET',
        url: `/api/v1/interventions?equipmentId=${eq.id}`,
      });
      expect(byEq.total).toBe(3);
      const byTicket = await ok<{ total: number }>(admin, {
        method: 'GET',
        url: `/api/v1/interventions?ticketId=${ticket.id}&status=draft`,
      });
      expect(byTicket.total).toBe(3);
      const bySerial = await ok<{ items: { id: number }[] }>(admin, {
        method: 'GET',
        url: '/api/v1/equipment?q=xz-7',
      });
      expect(bySerial.items.map((e) => e.id)).toEqual([eq.id]);
      const withTickets = await ok<{ tickets: { id: number }[] }>(admin, {
        method: 'GET',
        url: `/api/v1/equipment/${eq.id}`,
      });
      expect(withTickets.tickets.map((x) => x.id)).toEqual([ticket.id]);
    });
  });
}
