import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Permission } from '../../common/permissions.js';
import { ADMIN, login, type Session, type TestApp } from '../../../test/helpers/app.js';

/** Test support for the document integration tests: real files, real multipart bodies. */

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 1×1 RGB PNG of the given colour (different colours give different bytes). */
export function tinyPng(rgb: [number, number, number] = [255, 0, 0]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, ...rgb]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF document. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}

/** The start of a Windows program (MZ header). */
export function fakeExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'ascii');
  b.write('This program cannot be run in DOS mode.', 64, 'ascii');
  return b;
}

export interface UploadFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

/** A real multipart/form-data body, built by the platform's FormData as a browser would. */
export async function multipart(
  files: UploadFile[],
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const f of files) {
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
    fd.append('files', new Blob([new Uint8Array(bytes)], { type: f.type ?? '' }), f.name);
  }
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const req = new Request('http://x', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type') ?? '' },
  };
}

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The stored blob files (content-addressed), without the temporary directory. */
export function blobFiles(t: TestApp): string[] {
  const root = path.join(t.config.dataDir, 'files');
  return filesUnder(root).filter((f) => !f.startsWith(path.join(root, 'tmp')));
}

export function tempFiles(t: TestApp): string[] {
  return filesUnder(path.join(t.config.dataDir, 'files', 'tmp'));
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A staff user holding exactly `permissions`, signed in. */
export async function userWith(
  t: TestApp,
  admin: Session,
  name: string,
  permissions: Permission[],
): Promise<Session> {
  const email = `${name.toLowerCase()}-${crypto.randomBytes(3).toString('hex')}@example.test`;
  const password = 'a long enough password';
  const group = await admin.request({
    method: 'POST',
    url: '/api/v1/groups',
    payload: { name: `${name} ${crypto.randomBytes(3).toString('hex')}`, permissions },
  });
  const user = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, name, language: 'en', password, groupIds: [group.json<{ id: number }>().id] },
  });
  if (user.statusCode !== 201) throw new Error(`user creation failed: ${user.body}`);
  return login(t.app, email, password);
}

export const signInAdmin = (app: FastifyInstance) => login(app, ADMIN.email, ADMIN.password);

const post = async (
  admin: Session,
  url: string,
  payload: Record<string, unknown>,
  what: string,
): Promise<number> => {
  const res = await admin.request({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
};

/** A new ticket through the tickets API; answers its id. */
export const createTicket = (admin: Session, subject = 'Printer on fire') =>
  post(admin, '/api/v1/tickets', { subject, message: '<p>It smokes.</p>' }, 'ticket creation');

/** A private note on the ticket through the messages API, with documents uploaded before; answers its id. */
export const createMessage = (admin: Session, ticketId: number, attachmentIds: number[] = []) =>
  post(
    admin,
    `/api/v1/tickets/${ticketId}/messages`,
    { body: '<p>See attached.</p>', private: true, attachmentIds },
    'message creation',
  );

/** Deletes the ticket (status `deleted`, restorable) through the tickets API. */
export async function deleteTicket(admin: Session, ticketId: number): Promise<void> {
  const res = await admin.request({ method: 'DELETE', url: `/api/v1/tickets/${ticketId}` });
  if (res.statusCode >= 300) throw new Error(`ticket deletion failed: ${res.statusCode} ${res.body}`);
}

export interface TicketState {
  version: number;
  status: string;
}

export async function ticketState(t: TestApp, id: number): Promise<TicketState> {
  return t.services.db.kysely
    .selectFrom('tickets')
    .select(['version', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function historyKinds(t: TestApp, ticketId: number) {
  return t.services.db.kysely
    .selectFrom('ticket_history')
    .select(['kind', 'details', 'actor_user_id'])
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', ['document_added', 'document_removed'])
    .orderBy('id')
    .execute();
}
