import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilitiesSchema, ticketSchema, type Ticket } from '../../common/schemas/ticket.schema.js';
import { ADMIN, bearer, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  newContact,
  newThirdparty,
  newTicket,
  ticketApi,
  userWith,
  writeCounts,
  openTicketApp,
  type TicketApi,
} from './ticket.fixtures.js';
import { TRACK_ID_ALPHABET } from './ticket.ref.js';
import { createTicketService } from './ticket.service.js';

const TRACK_ID = new RegExp(`^[${TRACK_ID_ALPHABET}]{20}$`);

for (const engine of ENGINES) {
  describe(`ticket creation (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
    });
    afterAll(async () => {
      await t.close();
    });
    /** Moves time and signs in again: a session does not survive a jump of weeks. */
    async function at(when: string) {
      t.clock.set(when);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      api = ticketApi(admin);
    }

    it('a staff ticket starts read, with the defaults of the dictionaries and a ref of the month', async () => {
      await at('2026-11-15T12:00:00.000Z');
      const ticket = await newTicket(admin, { subject: '  Printer on fire  ' });
      expect(ticket).toMatchObject({
        subject: 'Printer on fire',
        status: 'read',
        origin: 'staff',
        typeCode: 'HELP',
        categoryCode: 'OTHER',
        severityCode: 'NORMAL',
        authorUserId: admin.userId,
        authorName: ADMIN.name,
        assigneeId: null,
        progress: 0,
        version: 1,
        customFields: {},
        overdue: false,
        createdAt: '2026-11-15T12:00:00.000Z',
        readAt: '2026-11-15T12:00:00.000Z',
        elapsedBeforeReadSeconds: 0,
      });
      expect(ticket.ref).toMatch(/^TS2611-\d{4}$/);
      expect(ticket.trackId).toMatch(TRACK_ID);
      expect(ticket.abilities).toMatchObject({ update: true, close: true, markRead: false, reopen: false });
      const history = await historyOf(admin, ticket.id);
      expect(history.map((h) => h.kind)).toEqual(['created']);
      expect(history[0]?.actor).toMatchObject({ type: 'user', userId: admin.userId, name: ADMIN.name });
    });

    it('answers exactly the documented ticket shape, on creation and on the ticket page (no zod pass)', async () => {
      const created = await ticketApi(admin).create({ subject: 'Shape', message: '<p>x</p>' });
      const page = await ticketApi(admin).get(created.json<Ticket>().id);
      for (const body of [created.json<Record<string, unknown>>(), page.json<Record<string, unknown>>()]) {
        expect(() => ticketSchema.parse(body)).not.toThrow();
        expect(Object.keys(body).sort()).toEqual(Object.keys(ticketSchema.shape).sort());
        expect(Object.keys(body.abilities as object).sort()).toEqual(
          Object.keys(abilitiesSchema.shape).sort(),
        );
        expect(Object.keys(body.defaults as object)).toEqual(['notifyCustomerOnClose']);
      }
    });

    it('stores the severity rank of the dictionary and the plain text of the message', async () => {
      const ticket = await newTicket(admin, {
        severityCode: 'BLOCKING',
        message: '<p>Smoke &amp; <b>fire</b></p>',
      });
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select(['severity_rank', 'message_text'])
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ severity_rank: 40, message_text: 'Smoke & fire' });
    });

    it('with an assignee the ticket starts assigned, and the history says so', async () => {
      const agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Agnes Agent');
      const ticket = await newTicket(admin, { assigneeId: agent.userId });
      expect(ticket).toMatchObject({
        status: 'assigned',
        assigneeId: agent.userId,
        assigneeName: 'Agnes Agent',
      });
      expect(ticket.readAt).toBe(ticket.createdAt);
      const history = await historyOf(admin, ticket.id);
      expect(history.map((h) => h.kind)).toEqual(['created', 'assigned']);
      expect(history[1]).toMatchObject({
        oldValue: null,
        newValue: { id: agent.userId, name: 'Agnes Agent' },
      });
    });

    it('an integration may start a ticket unread, with no readAt', async () => {
      const ticket = await newTicket(admin, { unread: true, authorEmail: 'Client@Example.test' });
      expect(ticket).toMatchObject({ status: 'unread', readAt: null, elapsedBeforeReadSeconds: null });
      expect(ticket.authorEmail).toBe('Client@Example.test');
      expect(ticket.abilities.markRead).toBe(true);
    });

    it('origin is api for a Bearer token, staff for a session, and phone when staff say so', async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: 'ci' },
      });
      const token = res.json<{ token: string }>().token;
      const viaToken = await bearer(
        t.app,
        token,
      )({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { subject: 'From the ERP', message: 'plain text is fine' },
      });
      expect(viaToken.statusCode).toBe(201);
      expect(viaToken.json<Ticket>().origin).toBe('api');
      expect((await newTicket(admin, { origin: 'phone' })).origin).toBe('phone');
    });

    it('the creation answers the ticket exactly as its page reads it, customer and assignee included', async () => {
      const tp = await newThirdparty(admin, 'Moulin SARL');
      const contact = await newContact(admin, tp, 'Anne Moulin');
      const created = await ticketApi(admin).create({
        subject: 'Same answer',
        message: '<p>Read <b>back</b></p>',
        contactId: contact,
        assigneeId: admin.userId,
        severityCode: 'HIGH',
      });
      expect(created.statusCode, created.body).toBe(201);
      const page = await ticketApi(admin).get(created.json<Ticket>().id);
      expect(created.json()).toEqual(page.json());
    });

    it('links the customer and copies the third party name', async () => {
      const tp = await newThirdparty(admin, 'Acme Industries');
      const contact = await newContact(admin, tp, 'Wile E. Coyote');
      const ticket = await newTicket(admin, { contactId: contact });
      expect(ticket).toMatchObject({
        thirdpartyId: tp,
        thirdpartyName: 'Acme Industries',
        contactId: contact,
        contactName: 'Wile E. Coyote',
      });
    });

    it('removes scripts from the message and keeps the formatting', async () => {
      const ticket = await newTicket(admin, {
        message: '<p onclick="x()">Hello <b>there</b><script>alert(1)</script></p>',
      });
      expect(ticket.message).toBe('<p>Hello <b>there</b></p>');
    });

    it('refuses bad input with a 4xx and writes nothing', async () => {
      const inactive = await userWith(t, admin, ['ticket.read'], 'Gone');
      await admin.request({ method: 'DELETE', url: `/api/v1/users/${inactive.userId}` });
      const noRead = await userWith(t, admin, ['thirdparty.read'], 'No Tickets');
      const before = await writeCounts(t);
      const cases: [Record<string, unknown>, number, string][] = [
        [{ message: '<p><script>alert(1)</script></p>' }, 400, 'empty_content'],
        [{ message: '<p> &nbsp; </p>' }, 400, 'empty_content'],
        [{ subject: '' }, 400, 'validation_error'],
        [{ colour: 'red' }, 400, 'validation_error'],
        [{ progress: 101 }, 400, 'validation_error'],
        [{ typeCode: 'NOPE' }, 400, 'invalid_classification'],
        [{ severityCode: 'bad code!' }, 400, 'validation_error'],
        [{ assigneeId: 99999 }, 400, 'invalid_assignee'],
        [{ assigneeId: inactive.userId }, 400, 'invalid_assignee'],
        [{ assigneeId: noRead.userId }, 400, 'invalid_assignee'],
        [{ thirdpartyId: 99999 }, 400, 'invalid_customer'],
        [{ customFields: { color: 'red' } }, 400, 'invalid_custom_field'],
        [{ equipmentId: 5 }, 400, 'invalid_equipment'],
        [{ origin: 'portal' }, 400, 'validation_error'],
      ];
      for (const [patch, status, code] of cases) {
        const res = await api.create({ subject: 'S', message: '<p>M</p>', ...patch });
        expect({
          patch,
          status: res.statusCode,
          code: res.json<{ error: { code: string } }>().error.code,
        }).toEqual({ patch, status, code });
      }
      expect(await writeCounts(t)).toEqual(before);
    });

    it('gives 50 concurrent creations 50 distinct refs', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => api.create({ subject: `Rush ${i}`, message: 'x' })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
      const refs = results.map((r) => r.json<Ticket>().ref);
      const trackIds = results.map((r) => r.json<Ticket>().trackId);
      expect(new Set(refs).size).toBe(50);
      expect(new Set(trackIds).size).toBe(50);
    });

    it('the ref counter grows past 9999 and never resets with the month', async () => {
      await t.services.db.kysely
        .updateTable('counters')
        .set({ value: 9998 })
        .where('name', '=', 'ticket')
        .execute();
      await at('2026-11-30T23:59:59.000Z');
      expect((await newTicket(admin)).ref).toBe('TS2611-9999');
      await at('2026-12-01T00:00:00.000Z');
      expect((await newTicket(admin)).ref).toBe('TS2612-10000');
      await at('2027-01-01T00:00:00.000Z');
      expect((await newTicket(admin)).ref).toBe('TS2701-10001');
    });

    it('a tracking key drawn twice is drawn again, and the creation still succeeds once', async () => {
      const taken = (await newTicket(admin)).trackId;
      const draws = [taken, 'ABCDEFGHJKMNPQRSTUVW'];
      const tickets = createTicketService({
        ...t.services,
        generateTrackId: () => draws.shift() ?? 'ZZZZZZZZZZZZZZZZZZZZ',
      });
      const actor = await t.services.auth.resolveSession(admin.cookie.split('=')[1] ?? '');
      const before = await writeCounts(t);
      const ticket = await tickets.create(actor, { subject: 'Collision', message: 'x' });
      expect(ticket.trackId).toBe('ABCDEFGHJKMNPQRSTUVW');
      const after = await writeCounts(t);
      expect(after.tickets - before.tickets).toBe(1);
      expect(after.history - before.history).toBe(1);
    });
  });
}
