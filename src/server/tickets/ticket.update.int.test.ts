import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  newContact,
  newThirdparty,
  newTicket,
  writeCounts,
  openTicketApp,
  type TicketApi,
} from './ticket.fixtures.js';

type ErrorAnswer = { error: { code: string } };

for (const engine of ENGINES) {
  describe(`ticket editing (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
    });
    afterAll(async () => {
      await t.close();
    });

    async function patch(id: number, body: Record<string, unknown>): Promise<Ticket> {
      const res = await api.patch(id, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Ticket>();
    }

    it('changes subject, message and progress with one field_changed row each, and a new version', async () => {
      const ticket = await newTicket(admin, { subject: 'Old', message: '<p>Old text</p>' });
      t.clock.advance(1000);
      const after = await patch(ticket.id, {
        version: 1,
        subject: 'New',
        message: '<p>New <i>text</i><img src="x" onerror="alert(1)"></p>',
        progress: 60,
      });
      expect(after).toMatchObject({
        subject: 'New',
        message: '<p>New <i>text</i><img src="x" /></p>',
        progress: 60,
        status: 'read',
        version: 2,
      });
      expect(after.updatedAt > ticket.updatedAt).toBe(true);
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select('message_text')
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row.message_text).toBe('New text');
      const changes = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'field_changed');
      expect(changes.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
        ['subject', 'Old', 'New'],
        ['message', 'Old text', 'New text'],
        ['progress', 0, 60],
      ]);
      expect(changes[0]?.actor.userId).toBe(admin.userId);
    });

    it('a classification change writes one classification_changed row per code and the new severity rank', async () => {
      const ticket = await newTicket(admin);
      const after = await patch(ticket.id, {
        version: 1,
        typeCode: 'ISSUE',
        categoryCode: 'OTHER',
        severityCode: 'HIGH',
      });
      expect(after).toMatchObject({ typeCode: 'ISSUE', severityCode: 'HIGH', version: 2 });
      const rows = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'classification_changed');
      expect(rows.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
        ['typeCode', 'HELP', 'ISSUE'],
        ['severityCode', 'NORMAL', 'HIGH'],
      ]);
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select('severity_rank')
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row.severity_rank).toBe(30);
    });

    it('a customer change records the old and new third party and contact, and copies the name', async () => {
      const acme = await newThirdparty(admin, 'Acme');
      const globex = await newThirdparty(admin, 'Globex');
      const hank = await newContact(admin, globex, 'Hank Scorpio');
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      const after = await patch(ticket.id, { version: 1, contactId: hank });
      expect(after).toMatchObject({
        thirdpartyId: globex,
        thirdpartyName: 'Globex',
        contactId: hank,
        contactName: 'Hank Scorpio',
      });
      const rows = (await historyOf(admin, ticket.id)).filter((h) => h.kind === 'field_changed');
      expect(rows.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
        ['thirdpartyId', { id: acme, name: 'Acme' }, { id: globex, name: 'Globex' }],
        ['contactId', null, { id: hank, name: 'Hank Scorpio' }],
      ]);
      const cleared = await patch(ticket.id, { version: 2, thirdpartyId: null });
      expect(cleared).toMatchObject({
        thirdpartyId: null,
        thirdpartyName: null,
        contactId: null,
        contactName: null,
      });
      const last = (await historyOf(admin, ticket.id)).slice(-2);
      expect(last.map((h) => [h.field, h.newValue])).toEqual([
        ['thirdpartyId', null],
        ['contactId', null],
      ]);
      expect(last[1]?.oldValue).toEqual({ id: hank, name: 'Hank Scorpio' });
    });

    it('a PATCH that changes nothing answers the ticket as it is: same version, no history', async () => {
      const ticket = await newTicket(admin, { subject: 'Same', progress: 10 });
      const before = await writeCounts(t);
      const after = await patch(ticket.id, {
        version: 1,
        subject: 'Same',
        message: ticket.message,
        progress: 10,
        typeCode: ticket.typeCode,
        equipmentId: null,
        customFields: {},
      });
      expect(after).toMatchObject({ version: 1, updatedAt: ticket.updatedAt });
      expect(await writeCounts(t)).toEqual(before);
    });

    it('a closed ticket cannot be edited (409), and progress never changes the status', async () => {
      const ticket = await newTicket(admin);
      const after = await patch(ticket.id, { version: 1, progress: 100 });
      expect(after.status).toBe('read');
      await api.act(ticket.id, 'close', { resolution: 'solved' });
      const res = await api.patch(ticket.id, { version: 3, subject: 'Too late' });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorAnswer>().error.code).toBe('ticket_not_open');
    });

    it('bad edits answer 4xx and write nothing', async () => {
      const ticket = await newTicket(admin);
      const before = await writeCounts(t);
      const cases: [Record<string, unknown>, string][] = [
        [{ subject: 'No version' }, 'validation_error'],
        [{ version: 1, typeCode: 'NOPE' }, 'invalid_classification'],
        [{ version: 1, subject: 'ok', severityCode: 'NOPE' }, 'invalid_classification'],
        [{ version: 1, message: '<script>x</script>' }, 'empty_content'],
        [{ version: 1, customFields: { size: 3 } }, 'invalid_custom_field'],
        [{ version: 1, equipmentId: 3 }, 'invalid_equipment'],
        [{ version: 1, contactId: 99999 }, 'invalid_customer'],
        [{ version: 1, status: 'closed' }, 'validation_error'],
        [{ version: 1, subject: 'x'.repeat(256) }, 'validation_error'],
      ];
      for (const [body, code] of cases) {
        const res = await api.patch(ticket.id, body);
        expect([
          JSON.stringify(body).slice(0, 60),
          res.statusCode,
          res.json<ErrorAnswer>().error.code,
        ]).toEqual([JSON.stringify(body).slice(0, 60), 400, code]);
      }
      expect(await writeCounts(t)).toEqual(before);
      expect((await api.get(ticket.id)).json<Ticket>().version).toBe(1);
    });
  });
}
