import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

type Body = Record<string, unknown>;

/** Deleting a customer that field service still refers to (SPEC 3 and 6), through the API only. */
for (const engine of ENGINES) {
  describe(`deleting a third party with field-service objects (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await t.close();
    });

    const post = async (url: string, payload: Body) => {
      const res = await admin.request({ method: 'POST', url: `/api/v1${url}`, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const newThirdparty = (name: string) => post('/thirdparties', { name });
    const del = (id: number) => admin.request({ method: 'DELETE', url: `/api/v1/thirdparties/${id}` });
    const count = async (table: 'thirdparties' | 'contacts' | 'audit_log' | 'events') =>
      Number(
        (
          await t.services.db.kysely
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const objects: Record<string, (tp: number) => Promise<number>> = {
      contracts: (tp) =>
        post('/contracts', { thirdpartyId: tp, label: 'Maintenance', startDate: '2026-01-01' }),
      equipment: (tp) => post('/equipment', { thirdpartyId: tp, label: 'Copier' }),
      interventions: (tp) => post('/interventions', { thirdpartyId: tp }),
      proposals: (tp) => post('/proposals', { thirdpartyId: tp }),
    };

    for (const [what, create] of Object.entries(objects)) {
      it(`is refused with 409 thirdparty_in_use while it has ${what}, and nothing is deleted`, async () => {
        const tp = await newThirdparty(`Customer with ${what}`);
        await post('/contacts', { thirdpartyId: tp, name: 'Contact' });
        const objectId = await create(tp);
        const before = { tps: await count('thirdparties'), contacts: await count('contacts') };
        const audit = await count('audit_log');

        const res = await del(tp);
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({
          error: { code: 'thirdparty_in_use', details: { [what]: 1 } },
        });
        expect(res.json<{ error: { message: string } }>().error.message).toContain(`1 ${what}`);
        expect(await count('thirdparties')).toBe(before.tps);
        expect(await count('contacts')).toBe(before.contacts);
        expect(await count('audit_log')).toBe(audit);
        const url = `/api/v1/${what}/${objectId}`;
        expect((await admin.request({ method: 'GET', url })).statusCode, url).toBe(200);
      });
    }

    it('an equipment item with its contract counts both; tickets are still reported first', async () => {
      const tp = await newThirdparty('Park owner');
      const contractId = await objects.contracts?.(tp);
      await post('/equipment', { thirdpartyId: tp, label: 'Printer', contractId });
      const res = await del(tp);
      expect(res.json()).toMatchObject({
        error: { code: 'thirdparty_in_use', details: { contracts: 1, equipment: 1, interventions: 0 } },
      });

      await post('/tickets', { subject: 'Jammed', message: 'Paper jam', thirdpartyId: tp });
      const withTicket = await del(tp);
      expect(withTicket.statusCode).toBe(409);
      expect(withTicket.json()).toMatchObject({ error: { code: 'thirdparty_has_tickets' } });
    });

    it('an agenda event does not prevent the deletion: the event stays, without its third party', async () => {
      const tp = await newThirdparty('Only met once');
      const eventId = await post('/events', {
        label: 'First meeting',
        start: '2026-12-01T09:00:00Z',
        end: '2026-12-01T10:00:00Z',
        thirdpartyId: tp,
      });
      const events = await count('events');
      expect((await del(tp)).statusCode).toBe(204);
      expect(await count('events')).toBe(events);
      const event = await admin.request({ method: 'GET', url: `/api/v1/events/${eventId}` });
      expect(event.json()).toMatchObject({ id: eventId, thirdpartyId: null });
    });
  });
}
