import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/schemas/message.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { ADMIN, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  insertDocument,
  messagesOf,
  newTicket,
  ticketApi,
  userWith,
  writeCounts,
  openTicketApp,
  type TicketApi,
} from './ticket.fixtures.js';

type ErrorAnswer = { error: { code: string; details?: unknown } };

for (const engine of ENGINES) {
  describe(`ticket messages (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
    });
    afterAll(async () => {
      await t.close();
    });

    async function post(id: number, body: Record<string, unknown>): Promise<Message> {
      const res = await api.post(id, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Message>();
    }

    const ticketRow = (id: number) =>
      t.services.db.kysely.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('lists messages newest first, with author, private flag and sendByEmail', async () => {
      const ticket = await newTicket(admin);
      const first = await post(ticket.id, { body: '<p>First</p>', sendByEmail: true });
      t.clock.advance(1000);
      const note = await post(ticket.id, { body: '<p>Internal</p>', private: true });
      expect(first).toMatchObject({
        ticketId: ticket.id,
        body: '<p>First</p>',
        private: false,
        sendByEmail: true,
        attachments: [],
        author: { type: 'user', userId: admin.userId, name: ADMIN.name, email: null },
      });
      const list = await api.messages(ticket.id);
      expect(list.json()).toMatchObject({ nextCursor: null, total: 2 });
      expect((await messagesOf(admin, ticket.id)).map((m) => [m.id, m.private])).toEqual([
        [note.id, true],
        [first.id, false],
      ]);
    });

    it('a staff public message moves read/assigned to in progress, stamps the responses and bumps the version', async () => {
      const ticket = await newTicket(admin);
      t.clock.advance(5000);
      const message = await post(ticket.id, { body: 'On it' });
      const row = await ticketRow(ticket.id);
      expect(row).toMatchObject({
        status: 'in_progress',
        version: 2,
        first_response_at: message.createdAt,
        last_staff_message_at: message.createdAt,
      });
      t.clock.advance(5000);
      const second = await post(ticket.id, { body: 'Still on it' });
      expect(await ticketRow(ticket.id)).toMatchObject({
        version: 3,
        first_response_at: message.createdAt,
        last_staff_message_at: second.createdAt,
      });
      const kinds = (await historyOf(admin, ticket.id)).map((h) => [h.kind, h.newValue, h.details]);
      expect(kinds).toEqual([
        ['created', null, expect.anything()],
        ['status_changed', 'in_progress', { event: 'staffPublicMessage' }],
        ['message_added', null, { messageId: message.id, sendByEmail: false }],
        ['message_added', null, { messageId: second.id, sendByEmail: false }],
      ]);
    });

    it('a public message leaves other statuses alone (waiting stays waiting, unread stays unread)', async () => {
      const waiting = await newTicket(admin);
      await api.act(waiting.id, 'status', { status: 'waiting' });
      await post(waiting.id, { body: 'Any news?' });
      expect((await ticketRow(waiting.id)).status).toBe('waiting');
      const unread = await newTicket(admin, { unread: true });
      await post(unread.id, { body: 'Hello' });
      expect((await ticketRow(unread.id)).status).toBe('unread');
    });

    it('a private note changes no status, is not a response, and is recorded as note_added', async () => {
      const ticket = await newTicket(admin);
      const note = await post(ticket.id, { body: 'Customer is grumpy', private: true });
      expect(await ticketRow(ticket.id)).toMatchObject({
        status: 'read',
        version: 2,
        first_response_at: null,
        last_staff_message_at: null,
      });
      expect((await historyOf(admin, ticket.id)).at(-1)).toMatchObject({
        kind: 'note_added',
        details: { messageId: note.id },
      });
    });

    it('a closed ticket takes notes but no public message; a deleted one takes neither', async () => {
      const ticket = await newTicket(admin);
      await api.act(ticket.id, 'close', { resolution: 'solved' });
      const refused = await api.post(ticket.id, { body: 'Hello again' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<ErrorAnswer>().error.code).toBe('ticket_not_open');
      await post(ticket.id, { body: 'Closed but noted', private: true });
      await api.remove(ticket.id);
      for (const body of [{ body: 'x' }, { body: 'x', private: true }]) {
        const res = await api.post(ticket.id, body);
        expect(res.statusCode).toBe(409);
      }
    });

    it('attaches documents uploaded to the ticket and lists them with the message', async () => {
      const ticket = await newTicket(admin);
      const a = await insertDocument(t, ticket.id, 'a.png');
      const b = await insertDocument(t, ticket.id, 'b.png');
      const message = await post(ticket.id, { body: 'See attached', attachmentIds: [a, b, a] });
      expect(message.attachments.map((d) => [d.id, d.filename, d.messageId])).toEqual([
        [a, 'a.png', message.id],
        [b, 'b.png', message.id],
      ]);
      expect(message.attachments[0]?.url).toBe(`/api/v1/documents/${a}/download`);
      const listed = (await messagesOf(admin, ticket.id))[0];
      expect(listed?.attachments.map((d) => d.id)).toEqual([a, b]);
    });

    it('refuses attachments of another ticket or already attached (400), and too many files (422), writing nothing', async () => {
      const ticket = await newTicket(admin);
      const other = await newTicket(admin);
      const foreign = await insertDocument(t, other.id);
      const used = await insertDocument(t, ticket.id);
      await post(ticket.id, { body: 'first', attachmentIds: [used] });
      const free = await insertDocument(t, ticket.id);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'uploads.maxFilesPerMessage': 2 },
      });
      const before = await writeCounts(t);
      try {
        for (const [ids, status, code] of [
          [[foreign], 400, 'invalid_attachment'],
          [[free, used], 400, 'invalid_attachment'],
          [[999999], 400, 'invalid_attachment'],
          [[free, foreign, used], 422, 'too_many_files'],
        ] as const) {
          const res = await api.post(ticket.id, { body: 'x', attachmentIds: ids });
          expect([res.statusCode, res.json<ErrorAnswer>().error.code]).toEqual([status, code]);
        }
      } finally {
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/settings',
          payload: { 'uploads.maxFilesPerMessage': 10 },
        });
      }
      expect(await writeCounts(t)).toEqual(before);
      const doc = await t.services.db.kysely
        .selectFrom('documents')
        .select('message_id')
        .where('id', '=', free)
        .executeTakeFirstOrThrow();
      expect(doc.message_id).toBeNull();
      expect((await api.get(ticket.id)).json<Ticket>().version).toBe(2);
    });

    it('sanitizes the body and refuses an empty one or unknown fields', async () => {
      const ticket = await newTicket(admin);
      const clean = await post(ticket.id, {
        body: '<p>Hi<script>steal()</script> <a href="javascript:x()">link</a></p>',
      });
      expect(clean.body).toBe('<p>Hi <a target="_blank" rel="noopener noreferrer nofollow">link</a></p>');
      const before = await writeCounts(t);
      for (const [body, code] of [
        [{ body: '<p><br></p>' }, 'empty_content'],
        [{ body: '' }, 'validation_error'],
        [{ body: 'x', author: 'me' }, 'validation_error'],
      ] as const) {
        const res = await api.post(ticket.id, body);
        expect([res.statusCode, res.json<ErrorAnswer>().error.code]).toEqual([400, code]);
      }
      expect(await writeCounts(t)).toEqual(before);
    });

    it('concurrent notes on one ticket are applied one after the other: no version is lost', async () => {
      const ticket = await newTicket(admin);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => api.post(ticket.id, { body: `note ${i}`, private: true })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
      expect((await ticketRow(ticket.id)).version).toBe(11);
      expect((await historyOf(admin, ticket.id)).filter((h) => h.kind === 'note_added')).toHaveLength(10);
    });

    it('messages of an unknown ticket, or of one the caller cannot read, answer 404', async () => {
      const outsider = ticketApi(await userWith(t, admin, ['ticket.write']));
      const ticket = await newTicket(admin);
      expect((await api.post(999999, { body: 'x' })).statusCode).toBe(404);
      expect((await api.messages(999999)).statusCode).toBe(404);
      expect((await outsider.messages(ticket.id)).statusCode).toBe(404);
      expect((await outsider.post(ticket.id, { body: 'x' })).statusCode).toBe(404);
    });
  });
}
