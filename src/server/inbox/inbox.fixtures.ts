/** Fixtures for the incoming-mail integration tests (not a test file itself). */
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IngestResult } from '../../common/schemas/inbox.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { MailWorld } from '../mail/mail.fixtures.js';

/** The .eml corpus (test/fixtures/mail). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../test/fixtures/mail/', import.meta.url));
export const corpusFile = (name: string): Buffer => readFileSync(CORPUS_DIR + name);

export interface EmlInput {
  from?: string | null;
  to?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  text?: string;
  /** Files as `multipart/mixed` parts, base64. */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

let counter = 0;

/** A unique Message-ID of a customer's mail client. */
export const customerMessageId = () => `<${crypto.randomUUID()}.${++counter}@mail.example.net>`;

/** A plain email as a mail client sends it (CRLF line ends, MIME headers). */
export function eml(input: EmlInput = {}): Buffer {
  const lines: string[] = [];
  if (input.from !== null) lines.push(`From: ${input.from ?? 'Camille Martin <camille@example.net>'}`);
  lines.push(`To: ${input.to ?? 'support@guichet.test'}`);
  lines.push(`Subject: ${input.subject ?? 'Printer on fire'}`);
  lines.push('Date: Fri, 27 Nov 2026 09:12:00 +0100');
  if (input.messageId !== null) lines.push(`Message-ID: ${input.messageId ?? customerMessageId()}`);
  if (input.inReplyTo) lines.push(`In-Reply-To: ${input.inReplyTo}`);
  if (input.references) lines.push(`References: ${input.references}`);
  for (const [k, v] of Object.entries(input.headers ?? {})) lines.push(`${k}: ${v}`);
  lines.push('MIME-Version: 1.0');
  const text = input.text ?? 'The printer on the 2nd floor smokes.\r\n\r\nCamille';
  if (!input.attachments?.length) {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text);
    return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  }
  const boundary = `b-${crypto.randomBytes(8).toString('hex')}`;
  lines.push(`Content-Type: multipart/mixed; boundary="${boundary}"`, '');
  lines.push(
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
  );
  lines.push(text);
  for (const a of input.attachments) {
    lines.push(
      `--${boundary}`,
      `Content-Type: ${a.contentType}; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(a.content.toString('base64').match(/.{1,76}/g) ?? []),
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function ingest(
  w: MailWorld,
  raw: Buffer,
  mailbox = 'support@guichet.test/INBOX',
): Promise<IngestResult> {
  return w.t.services.mailIngest.ingest(raw, mailbox);
}

export async function ticketById(w: MailWorld, id: number): Promise<Ticket> {
  const res = await w.admin.request({ method: 'GET', url: `/api/v1/tickets/${id}` });
  if (res.statusCode !== 200) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json<Ticket>();
}

export async function inboundRows(w: MailWorld) {
  return w.t.services.db.kysely
    .selectFrom('inbound_mails')
    .select([
      'id',
      'mailbox',
      'message_id',
      'status',
      'reason',
      'ticket_id',
      'ticket_message_id',
      'raw',
      'attempts',
    ])
    .orderBy('id')
    .execute();
}

export async function ticketCount(w: MailWorld): Promise<number> {
  const r = await w.t.services.db.kysely
    .selectFrom('tickets')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
