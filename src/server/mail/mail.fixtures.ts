/** Fixtures for the customer mail integration tests (not a test file itself). */
import net from 'node:net';
import type { ParsedMail } from 'mailparser';
import type { Message } from '../../common/schemas/message.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp.js';
import type { DialectName } from '../db/database.js';
import { messagesOf } from '../tickets/ticket.fixtures.js';
import { createSmtpTransport, type MailTransport } from './mail.transport.js';

export interface MailWorld {
  t: TestApp;
  admin: Session;
  sink: SmtpSink;
  transport: MailTransport | null;
  close(): Promise<void>;
}

/**
 * A test app whose mail goes to a real SMTP sink on loopback: through a transport given to the app
 * (`via: 'override'`), or only through what the Email settings say (`via: 'settings'`, nothing set yet).
 */
export async function openMailWorld(
  engine: DialectName,
  via: 'override' | 'settings' = 'override',
): Promise<MailWorld> {
  const sink = await startSmtpSink();
  const transport = via === 'override' ? createSmtpTransport(`smtp://127.0.0.1:${sink.port}`) : null;
  const t = await createTestApp(engine, { mailTransport: transport });
  const admin = await login(t.app, ADMIN.email, ADMIN.password);
  return {
    t,
    admin,
    sink,
    transport,
    async close() {
      await t.close();
      transport?.close?.();
      t.services.mailTransports.close();
      await sink.close();
    },
  };
}

/** Runs jobs until none is due: ticket events queue mails, whose delivery is another job. */
export async function drain(t: TestApp): Promise<void> {
  for (let i = 0; i < 10; i++) if ((await t.services.runner.runDue()) === 0) return;
  throw new Error('jobs keep coming');
}

/** A port nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A ticket a customer wrote (the portal's or incoming mail's command), as staff read it. */
export async function customerTicket(
  w: MailWorld,
  opts: {
    origin?: 'portal' | 'email';
    language?: 'fr' | 'en' | null;
    subject?: string;
    customer?: { thirdpartyId: number; contactId: number | null };
  } = {},
): Promise<Ticket> {
  const row = await w.t.services.customerTickets.createFromCustomer({
    origin: opts.origin ?? 'portal',
    email: 'camille@example.test',
    subject: opts.subject ?? 'Printer on fire',
    messageHtml: '<p>It burns.</p>',
    classification: {},
    language: opts.language ?? null,
    ...(opts.customer ? { customer: opts.customer } : {}),
  });
  const res = await w.admin.request({ method: 'GET', url: `/api/v1/tickets/${row.id}` });
  if (res.statusCode !== 200) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json<Ticket>();
}

export async function postMessage(
  w: MailWorld,
  ticketId: number,
  payload: Record<string, unknown>,
): Promise<Message> {
  const res = await w.admin.request({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, payload });
  if (res.statusCode !== 201) throw new Error(`message: ${res.statusCode} ${res.body}`);
  return res.json<Message>();
}

export async function messageById(w: MailWorld, ticketId: number, id: number): Promise<Message | undefined> {
  return (await messagesOf(w.admin, ticketId)).find((m) => m.id === id);
}

export async function patchSettings(w: MailWorld, payload: Record<string, unknown>): Promise<void> {
  const res = await w.admin.request({ method: 'PATCH', url: '/api/v1/settings', payload });
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
}

export async function newCustomer(
  w: MailWorld,
  opts: { thirdpartyEmail?: string; contactEmail?: string } = {},
): Promise<{ thirdpartyId: number; contactId: number | null }> {
  const tp = await w.admin.request({
    method: 'POST',
    url: '/api/v1/thirdparties',
    payload: { name: 'Atelier Dupont', ...(opts.thirdpartyEmail ? { email: opts.thirdpartyEmail } : {}) },
  });
  if (tp.statusCode !== 201) throw new Error(`thirdparty: ${tp.statusCode} ${tp.body}`);
  const thirdpartyId = tp.json<{ id: number }>().id;
  if (!opts.contactEmail) return { thirdpartyId, contactId: null };
  const c = await w.admin.request({
    method: 'POST',
    url: '/api/v1/contacts',
    payload: { thirdpartyId, name: 'Camille Martin', email: opts.contactEmail },
  });
  if (c.statusCode !== 201) throw new Error(`contact: ${c.statusCode} ${c.body}`);
  return { thirdpartyId, contactId: c.json<{ id: number }>().id };
}

export const addressesOf = (m: ParsedMail): string[] =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
