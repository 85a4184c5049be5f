import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { newThirdparty, newTicket } from './ticket.fixtures.js';
import { HOUR, allPages, listPage } from './ticket.list.fixtures.js';

const START = new Date('2026-05-04T09:00:00.000Z');
const at = (ms: number) => new Date(START.getTime() + ms).toISOString();

/*
 * On SQLite the list's items are written as JSON by the query (ticket.list.json.ts), on PostgreSQL by the
 * presenter that also writes the ticket page. Both must give every field the value the ticket page gives,
 * on the values where SQL and JavaScript could part: rounding, dates out of order, JSON that is not an
 * object, text that needs escaping, each overdue rule on and off.
 */
for (const engine of ENGINES) {
  describe(`list items as the ticket page shows them (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    const made: Ticket[] = [];

    /** Sets columns the API does not let one set freely (the instants, stored custom fields). */
    const setRow = (id: number, patch: Record<string, string | boolean | null>) =>
      t.testDb.db.kysely
        .updateTable('tickets')
        .set(patch as never)
        .where('id', '=', id)
        .execute();
    const setDelays = async (first: number, reply: number) => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'tickets.delayFirstResponseHours': first, 'tickets.delaySinceLastResponseHours': reply },
      });
      expect(res.statusCode).toBe(200);
    };

    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      t.clock.set(START);
      const customer = await newThirdparty(admin, 'L\'Atelier "Quotes" \\ Co');
      const subjects = [
        'Guillemets "doubles", barre \\ oblique et </script>',
        'Tabulation\tet retour\nà la ligne, caractère \u0001 de contrôle',
        'Émoji 🖨️ et séparateur \u2028 de ligne',
        'Accents : réseau, façade, œuvre',
        'Ticket simple',
        'Ticket en attente',
        'Ticket fermé',
      ];
      for (const subject of subjects)
        made.push(await newTicket(admin, { subject, message: '<p>Texte</p>', thirdpartyId: customer }));
      const [quotes, control, emoji, accents, plain, waiting, closed] = made.map<number>((m) => m.id);
      // Read half a second, a bit less, a second and a half after creation, and before it (clock skew).
      await setRow(quotes!, { read_at: at(500), status: 'read' });
      await setRow(control!, { read_at: at(499), status: 'read' });
      await setRow(emoji!, { read_at: at(1500), status: 'read' });
      await setRow(accents!, { read_at: at(-2000), status: 'read' });
      // Stored custom fields: a real object with every kind of value, then what is not an object.
      await setRow(quotes!, {
        custom_fields: JSON.stringify({
          serial: 'SN-"42"\\é',
          count: 3,
          rate: 1.5,
          ok: true,
          tags: ['a', 'b'],
        }),
      });
      await setRow(control!, { custom_fields: '[1,2]' });
      await setRow(emoji!, { custom_fields: 'not json' });
      await setRow(accents!, { custom_fields: 'null' });
      // Overdue: an answered ticket whose customer wrote since, one answered after the customer, one
      // waiting, one closed.
      await setRow(plain!, {
        status: 'unread',
        read_at: null,
        first_response_at: at(HOUR),
        last_staff_message_at: at(HOUR),
        last_customer_message_at: at(2 * HOUR),
      });
      await setRow(accents!, {
        first_response_at: at(HOUR),
        last_customer_message_at: at(2 * HOUR),
        last_staff_message_at: at(3 * HOUR),
      });
      await setRow(waiting!, { status: 'waiting' });
      await setRow(closed!, { status: 'closed', is_open: false, resolution: 'solved', closed_at: at(HOUR) });
      t.clock.set(new Date(START.getTime() + 60 * HOUR));
    });
    afterAll(async () => t.close());

    const expectSameAsTicketPage = async () => {
      const items = await allPages(admin, { status: 'all', limit: 3 });
      expect(items.map((i) => i.id).sort((a, b) => a - b)).toEqual(made.map((m) => m.id));
      for (const item of items) {
        const detail = (await admin.request({ method: 'GET', url: `/api/v1/tickets/${item.id}` })).json<
          Record<string, unknown>
        >();
        for (const [field, value] of Object.entries(item))
          expect([item.id, field, value]).toEqual([item.id, field, detail[field]]);
      }
      return new Map(items.map((i) => [i.id, i]));
    };

    it('gives every field the value of the ticket page, whatever the delays', async () => {
      for (const [first, reply] of [
        [24, 48],
        [0, 48],
        [24, 0],
        [0, 0],
        [100, 100],
      ] as const) {
        await setDelays(first, reply);
        await expectSameAsTicketPage();
      }
    });

    it('rounds the time before reading as the ticket page does, never below zero', async () => {
      await setDelays(24, 48);
      const items = await expectSameAsTicketPage();
      const seconds = made.slice(0, 4).map((m) => items.get(m.id)?.elapsedBeforeReadSeconds);
      expect(seconds).toEqual([1, 0, 2, 0]);
      expect(items.get(made[4]!.id)?.elapsedBeforeReadSeconds).toBeNull();
    });

    it('keeps text and custom fields exactly, and shows no custom field for a stored value that is not an object', async () => {
      const items = await expectSameAsTicketPage();
      expect(made.map((m) => items.get(m.id)?.subject)).toEqual(made.map((m) => m.subject));
      expect(items.get(made[0]!.id)?.customFields).toEqual({
        serial: 'SN-"42"\\é',
        count: 3,
        rate: 1.5,
        ok: true,
        tags: ['a', 'b'],
      });
      for (const m of made.slice(1, 4)) expect(items.get(m.id)?.customFields).toEqual({});
      expect(items.get(made[0]!.id)?.thirdpartyName).toBe('L\'Atelier "Quotes" \\ Co');
    });

    it('marks as overdue by each rule, and never a waiting or closed ticket', async () => {
      await setDelays(24, 48);
      const overdue = (await listPage(admin, { status: 'all', limit: 25 })).items
        .filter((i) => i.overdue)
        .map((i) => i.subject)
        .sort();
      // Not answered within 24 h: all but the two answered, the waiting and the closed one; the customer
      // of `plain` has waited 58 h for an answer.
      expect(overdue).toEqual(
        made
          .slice(0, 5)
          .map((m) => m.subject)
          .filter((s) => !s.startsWith('Accents'))
          .sort(),
      );
      await setDelays(0, 0);
      expect((await listPage(admin, { status: 'all' })).items.some((i) => i.overdue)).toBe(false);
    });
  });
}
