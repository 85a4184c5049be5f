import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  newTicket,
  userWith,
  writeCounts,
  openTicketApp,
  type TicketApi,
  act,
  expectRefused,
  type ErrorAnswer,
} from './ticket.fixtures.js';

for (const engine of ENGINES) {
  describe(`deleting, restoring, purging, and refused commands (${engine})`, () => {
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

    it('delete keeps the previous status; restore brings it back; both in the history', async () => {
      const ticket = await newTicket(admin);
      await act(api, ticket.id, 'status', { status: 'waiting' });
      const del = await api.remove(ticket.id);
      expect(del.statusCode).toBe(200);
      expect(del.json<Ticket>()).toMatchObject({ status: 'deleted' });
      expect(del.json<Ticket>().abilities).toMatchObject({
        restore: true,
        purge: true,
        delete: false,
        addNote: false,
      });
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select(['previous_status', 'deleted_at', 'is_open'])
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ previous_status: 'waiting', is_open: false });
      expect(row.deleted_at).not.toBeNull();
      expectRefused(await api.remove(ticket.id), 'delete', 'deleted');
      const restored = await act(api, ticket.id, 'restore');
      expect(restored.status).toBe('waiting');
      const h = await historyOf(admin, ticket.id);
      expect(h.slice(-2).map((e) => [e.kind, e.oldValue, e.newValue])).toEqual([
        ['deleted', 'waiting', 'deleted'],
        ['restored', 'deleted', 'waiting'],
      ]);
      expectRefused(await api.act(ticket.id, 'restore'), 'restore', 'waiting');
    });

    it('a closed ticket can be deleted and comes back closed', async () => {
      const ticket = await newTicket(admin);
      await act(api, ticket.id, 'close', { resolution: 'solved' });
      await api.remove(ticket.id);
      expect(await act(api, ticket.id, 'restore')).toMatchObject({ status: 'closed', resolution: 'solved' });
    });

    it('purge removes a deleted ticket with its journal, messages and documents, queues the files and audits it', async () => {
      const ticket = await newTicket(admin, { subject: 'To be purged' });
      await api.post(ticket.id, { body: 'hello' });
      expectRefused(await api.remove(ticket.id, true), 'purge', 'in_progress');
      await api.remove(ticket.id);
      const k = t.services.db.kysely;
      const sha = 'a'.repeat(64);
      await k
        .insertInto('blobs')
        .values({ sha256: sha, size: 1, mime_type: 'text/plain', created_at: new Date().toISOString() })
        .execute();
      await k
        .insertInto('documents')
        .values({
          ticket_id: ticket.id,
          message_id: null,
          sha256: sha,
          filename: 'a.txt',
          mime_type: 'text/plain',
          size: 1,
          uploaded_by_user_id: null,
          uploaded_by_email: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      const res = await api.remove(ticket.id, true);
      expect(res.statusCode).toBe(204);
      expect((await api.get(ticket.id)).statusCode).toBe(404);
      for (const table of ['ticket_history', 'ticket_messages', 'documents'] as const) {
        const n = await k
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .where('ticket_id', '=', ticket.id)
          .executeTakeFirstOrThrow();
        expect(Number(n.n), table).toBe(0);
      }
      const job = await k
        .selectFrom('jobs')
        .select(['payload'])
        .where('name', '=', 'documents.gcBlobs')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(job.payload)).toEqual({ sha256s: [sha] });
      const audit = await t.services.audit.list({
        targetType: 'ticket',
        targetId: String(ticket.id),
        limit: 5,
      });
      expect(audit[0]).toMatchObject({ action: 'ticket.purge', actor_user_id: admin.userId });
      expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ ref: ticket.ref, subject: 'To be purged' });
    });

    it('unknown tickets answer 404 ticket_not_found on every action', async () => {
      for (const res of [
        await api.get(999999),
        await api.act(999999, 'read'),
        await api.act(999999, 'close', { resolution: 'solved' }),
        await api.remove(999999),
        await api.remove(999999, true),
        await api.history(999999),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json<ErrorAnswer>().error.code).toBe('ticket_not_found');
      }
    });

    it('a stale version is refused with 409 and the current version, and nothing is written', async () => {
      const ticket = await newTicket(admin);
      await act(api, ticket.id, 'status', { status: 'waiting', version: 1 });
      const before = await writeCounts(t);
      for (const res of [
        await api.act(ticket.id, 'status', { status: 'in_progress', version: 1 }),
        await api.act(ticket.id, 'close', { resolution: 'solved', version: 1 }),
        await api.act(ticket.id, 'assign', { userId: agent.userId, version: 1 }),
        await api.patch(ticket.id, { version: 1, subject: 'Changed' }),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(res.json<ErrorAnswer>().error).toMatchObject({
          code: 'stale_version',
          details: { currentVersion: 2 },
        });
      }
      expect(await writeCounts(t)).toEqual(before);
      expect((await api.get(ticket.id)).json<Ticket>()).toMatchObject({
        status: 'waiting',
        version: 2,
        subject: ticket.subject,
      });
    });

    it('bad action input is a 400 that writes nothing', async () => {
      const ticket = await newTicket(admin);
      const before = await writeCounts(t);
      for (const [action, payload] of [
        ['status', { status: 'closed' }],
        ['close', { resolution: 'maybe' }],
        ['assign', {}],
        ['assign', { userId: 'me' }],
        ['read', { extra: 1 }],
      ] as const) {
        const res = await api.act(ticket.id, action, payload);
        expect(res.statusCode, `${action} ${JSON.stringify(payload)}`).toBe(400);
      }
      const unknownUser = await api.act(ticket.id, 'assign', { userId: 999999 });
      expect(unknownUser.json<ErrorAnswer>().error.code).toBe('invalid_assignee');
      expect(await writeCounts(t)).toEqual(before);
    });
  });
}
