/** Fixtures for the ticket integration tests (not a test file itself). */
import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Permission } from '../../common/permissions.js';
import type { Message } from '../../common/schemas/message.schema.js';
import type { HistoryEntry, Ticket } from '../../common/schemas/ticket.schema.js';
import { expect } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { DialectName } from '../db/database.js';

let seq = 0;

/** A signed-in user whose only group grants `permissions` (none: a user without any group). */
export async function userWith(
  t: TestApp,
  admin: Session,
  permissions: Permission[],
  name = `User ${++seq}`,
): Promise<Session & { name: string }> {
  const email = `u${++seq}-${crypto.randomBytes(3).toString('hex')}@example.test`;
  const password = 'a long password 1';
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, name, password },
  });
  if (res.statusCode !== 201) throw new Error(`user: ${res.statusCode} ${res.body}`);
  const { id } = res.json<{ id: number }>();
  if (permissions.length) {
    const g = await admin.request({
      method: 'POST',
      url: '/api/v1/groups',
      payload: { name: `g-${email}`, permissions, memberIds: [id] },
    });
    if (g.statusCode !== 201) throw new Error(`group: ${g.statusCode} ${g.body}`);
  }
  return { ...(await login(t.app, email, password)), name };
}

type Requester = Pick<Session, 'request'>;

/** The error body of the API, as tests read it. */
export type ErrorAnswer = { error: { code: string; message: string; details?: unknown } };

export type TicketApi = ReturnType<typeof ticketApi>;

/** A fresh app on `engine`, its administrator signed in, and a ticket API client acting as them. */
export async function openTicketApp(
  engine: DialectName,
): Promise<{ t: TestApp; admin: Session; api: TicketApi }> {
  const t = await createTestApp(engine);
  const admin = await login(t.app, ADMIN.email, ADMIN.password);
  return { t, admin, api: ticketApi(admin) };
}

/** Runs a workflow action, expects 200, answers the ticket. */
export async function act(
  api: TicketApi,
  id: number,
  action: string,
  payload: Record<string, unknown> = {},
): Promise<Ticket> {
  const res = await api.act(id, action, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Ticket>();
}

/** The answer is the workflow's 409 for `action` from `status`. */
export function expectRefused(
  res: { statusCode: number; json: <T>() => T },
  action: string,
  status: string,
): void {
  expect(res.statusCode).toBe(409);
  expect(res.json<ErrorAnswer>().error).toMatchObject({
    code: 'transition_not_allowed',
    details: { action, status },
  });
}

export function ticketApi(s: Requester) {
  const call = (opts: InjectOptions) => s.request(opts);
  return {
    create: (payload: Record<string, unknown>) => call({ method: 'POST', url: '/api/v1/tickets', payload }),
    get: (id: number) => call({ method: 'GET', url: `/api/v1/tickets/${id}` }),
    patch: (id: number, payload: Record<string, unknown>) =>
      call({ method: 'PATCH', url: `/api/v1/tickets/${id}`, payload }),
    act: (id: number, action: string, payload: Record<string, unknown> = {}) =>
      call({ method: 'POST', url: `/api/v1/tickets/${id}/${action}`, payload }),
    remove: (id: number, purge = false) =>
      call({ method: 'DELETE', url: `/api/v1/tickets/${id}${purge ? '?purge=true' : ''}` }),
    history: (id: number) => call({ method: 'GET', url: `/api/v1/tickets/${id}/history` }),
    messages: (id: number) => call({ method: 'GET', url: `/api/v1/tickets/${id}/messages` }),
    post: (id: number, payload: Record<string, unknown>) =>
      call({ method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload }),
  };
}

/** Creates a ticket and returns it; throws on anything but 201. */
export async function newTicket(s: Requester, payload: Record<string, unknown> = {}): Promise<Ticket> {
  const res = await ticketApi(s).create({ subject: 'Printer on fire', message: '<p>Help</p>', ...payload });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json<Ticket>();
}

export async function historyOf(s: Requester, id: number): Promise<HistoryEntry[]> {
  return (await ticketApi(s).history(id)).json<{ items: HistoryEntry[] }>().items;
}

export async function messagesOf(s: Requester, id: number): Promise<Message[]> {
  return (await ticketApi(s).messages(id)).json<{ items: Message[] }>().items;
}

/** Rows in the tables a refused command must not touch. */
export async function writeCounts(t: TestApp) {
  const k = t.services.db.kysely;
  const count = async (table: 'tickets' | 'ticket_history' | 'ticket_messages' | 'jobs') =>
    Number(
      (
        await k
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    tickets: await count('tickets'),
    history: await count('ticket_history'),
    messages: await count('ticket_messages'),
    jobs: await count('jobs'),
  };
}

export async function newThirdparty(admin: Requester, name: string): Promise<number> {
  const res = await admin.request({ method: 'POST', url: '/api/v1/thirdparties', payload: { name } });
  if (res.statusCode !== 201) throw new Error(`thirdparty: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
}

export async function newContact(admin: Requester, thirdpartyId: number, name: string): Promise<number> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/contacts',
    payload: { thirdpartyId, name },
  });
  if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
}

/** A document uploaded to the ticket and on no message yet, written directly (blob row, then document row). */
export async function insertDocument(t: TestApp, ticketId: number, filename = 'photo.png'): Promise<number> {
  const sha256 = crypto.randomBytes(32).toString('hex');
  const now = new Date().toISOString();
  const k = t.services.db.kysely;
  await k.insertInto('blobs').values({ sha256, size: 3, mime_type: 'image/png', created_at: now }).execute();
  const row = await k
    .insertInto('documents')
    .values({
      ticket_id: ticketId,
      message_id: null,
      sha256,
      filename,
      mime_type: 'image/png',
      size: 3,
      uploaded_by_user_id: null,
      uploaded_by_email: 'someone@example.test',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
