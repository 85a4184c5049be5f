import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Document } from '../../common/schemas/document.schema.js';
import {
  blobFiles,
  createMessage,
  createTicket,
  deleteTicket,
  fakeExe,
  historyKinds,
  multipart,
  sha256,
  signInAdmin,
  tempFiles,
  ticketState,
  tinyPdf,
  tinyPng,
  userWith,
  type UploadFile,
} from './document.test-helpers.js';

for (const engine of ENGINES) {
  describe(`document uploads (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await signInAdmin(t.app);
    });
    afterAll(async () => {
      await t.close();
    });
    afterEach(async () => {
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'uploads.maxFileMb': 20, 'uploads.maxFilesPerMessage': 10 },
      });
    });

    async function upload(
      ticketId: number,
      files: UploadFile[],
      fields: Record<string, string> = {},
      as: Session = admin,
    ) {
      const { payload, headers } = await multipart(files, fields);
      return as.request({ method: 'POST', url: `/api/v1/tickets/${ticketId}/documents`, payload, headers });
    }

    const documentCount = async (ticketId: number) =>
      Number(
        (
          await t.services.db.kysely
            .selectFrom('documents')
            .select((e) => e.fn.countAll().as('n'))
            .where('ticket_id', '=', ticketId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores a PNG under its sniffed type, records the history and bumps the ticket version', async () => {
      const ticketId = await createTicket(admin);
      const before = await ticketState(t, ticketId);
      const png = tinyPng();
      const res = await upload(ticketId, [{ name: 'screenshot.png', content: png, type: 'text/html' }]);
      expect(res.statusCode).toBe(201);
      const [doc] = res.json<{ items: Document[] }>().items;
      expect(doc).toMatchObject({
        ticketId,
        messageId: null,
        filename: 'screenshot.png',
        mimeType: 'image/png',
        size: png.length,
        sha256: sha256(png),
        uploadedBy: { userId: admin.userId, name: 'Ada Admin' },
      });
      expect(doc?.url).toBe(`/api/v1/documents/${doc?.id}/download`);
      expect((await ticketState(t, ticketId)).version).toBe(before.version + 1);
      const history = await historyKinds(t, ticketId);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ kind: 'document_added', actor_user_id: admin.userId });
      expect(JSON.parse(history[0]?.details ?? '{}')).toEqual({
        documentId: doc?.id,
        filename: 'screenshot.png',
        size: png.length,
      });
    });

    it('stores identical content once on disk, with one document per upload', async () => {
      const ticketId = await createTicket(admin);
      const png = tinyPng([1, 2, 3]);
      const first = await upload(ticketId, [{ name: 'a.png', content: png }]);
      const second = await upload(ticketId, [{ name: 'b.png', content: png }]);
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(blobFiles(t).filter((f) => f.endsWith(sha256(png)))).toHaveLength(1);
      expect(await documentCount(ticketId)).toBe(2);
      expect(tempFiles(t)).toEqual([]);
    });

    it('trusts the content, not the name: a PDF called photo.png is stored as application/pdf', async () => {
      const ticketId = await createTicket(admin);
      const res = await upload(ticketId, [{ name: 'photo.png', content: tinyPdf(), type: 'image/png' }]);
      expect(res.statusCode).toBe(201);
      expect(res.json<{ items: Document[] }>().items[0]?.mimeType).toBe('application/pdf');
    });

    it('stores UTF-8 text as text/plain, and as text/csv for a .csv name', async () => {
      const ticketId = await createTicket(admin);
      const res = await upload(ticketId, [
        { name: 'notes.txt', content: 'Café fermé le lundi\n' },
        { name: 'export.csv', content: 'ref;subject\nTS1;Printer\n' },
        { name: 'dump.bin', content: Buffer.from([0x01, 0x02, 0x03, 0x80, 0x81, 0x00]) },
      ]);
      expect(res.statusCode).toBe(201);
      expect(res.json<{ items: Document[] }>().items.map((d) => d.mimeType)).toEqual([
        'text/plain',
        'text/csv',
        'application/octet-stream',
      ]);
    });

    it('refuses a program (MZ header) whatever its name, and writes nothing', async () => {
      const ticketId = await createTicket(admin);
      const blobsBefore = blobFiles(t).length;
      const before = await ticketState(t, ticketId);
      const res = await upload(ticketId, [
        { name: 'fine.png', content: tinyPng([9, 9, 9]) },
        { name: 'invoice.pdf', content: fakeExe() },
      ]);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: { code: 'forbidden_file_type', details: { filename: 'invoice.pdf' } },
      });
      expect(await documentCount(ticketId)).toBe(0);
      expect(blobFiles(t)).toHaveLength(blobsBefore);
      expect(tempFiles(t)).toEqual([]);
      expect(await ticketState(t, ticketId)).toEqual(before);
      expect(await historyKinds(t, ticketId)).toEqual([]);
    });

    it('refuses scripts by name and by a #! line', async () => {
      const ticketId = await createTicket(admin);
      for (const file of [
        { name: 'run.js', content: 'alert(1)' },
        { name: 'setup.EXE', content: 'plain text' },
        { name: 'deploy', content: '#!/bin/sh\nrm -rf /\n' },
      ]) {
        const res = await upload(ticketId, [file]);
        expect(res.statusCode, file.name).toBe(422);
        expect(res.json()).toMatchObject({ error: { code: 'forbidden_file_type' } });
      }
      expect(await documentCount(ticketId)).toBe(0);
    });

    it('answers 413 for a file over uploads.maxFileMb, leaving no row and no temporary file', async () => {
      const ticketId = await createTicket(admin);
      const set = await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'uploads.maxFileMb': 1 },
      });
      expect(set.statusCode).toBe(200);
      const blobsBefore = blobFiles(t).length;
      const res = await upload(ticketId, [
        { name: 'small.txt', content: 'first file is fine' },
        { name: 'big.log', content: Buffer.alloc(1024 * 1024 + 1, 0x61) },
      ]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        error: { code: 'file_too_large', details: { filename: 'big.log', maxFileMb: 1 } },
      });
      expect(await documentCount(ticketId)).toBe(0);
      expect(tempFiles(t)).toEqual([]);
      expect(blobFiles(t)).toHaveLength(blobsBefore);

      const exactly = await upload(ticketId, [{ name: 'max.log', content: Buffer.alloc(1024 * 1024, 0x62) }]);
      expect(exactly.statusCode).toBe(201);
    });

    it('answers 422 for more files than uploads.maxFilesPerMessage in one request', async () => {
      const ticketId = await createTicket(admin);
      const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, content: `file ${i}` }));
      const res = await upload(ticketId, eleven);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'too_many_files', details: { max: 10 } } });
      expect(await documentCount(ticketId)).toBe(0);
      expect(tempFiles(t)).toEqual([]);
      expect((await upload(ticketId, eleven.slice(0, 10))).statusCode).toBe(201);
    });

    it('attaches files to a message of the ticket, counting those it already has', async () => {
      const ticketId = await createTicket(admin);
      const messageId = await createMessage(admin, ticketId);
      await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'uploads.maxFilesPerMessage': 2 },
      });
      const first = await upload(ticketId, [{ name: 'one.txt', content: 'one' }], {
        messageId: String(messageId),
      });
      expect(first.statusCode).toBe(201);
      expect(first.json<{ items: Document[] }>().items[0]?.messageId).toBe(messageId);
      const tooMany = await upload(
        ticketId,
        [
          { name: 'two.txt', content: 'two' },
          { name: 'three.txt', content: 'three' },
        ],
        { messageId: String(messageId) },
      );
      expect(tooMany.statusCode).toBe(422);
      expect(tooMany.json()).toMatchObject({ error: { code: 'too_many_files' } });
      expect(await documentCount(ticketId)).toBe(1);

      const otherTicket = await createTicket(admin);
      const wrong = await upload(otherTicket, [{ name: 'x.txt', content: 'x' }], {
        messageId: String(messageId),
      });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json()).toMatchObject({ error: { code: 'message_not_found' } });
      const bad = await upload(ticketId, [{ name: 'x.txt', content: 'x' }], { messageId: 'abc' });
      expect(bad.statusCode).toBe(400);
    });

    it('keeps the original name without its path or control characters', async () => {
      const ticketId = await createTicket(admin);
      const res = await upload(ticketId, [{ name: '..\\..\\Rapport\u0007 d’été\u202e.txt', content: 'r' }]);
      expect(res.statusCode).toBe(201);
      expect(res.json<{ items: Document[] }>().items[0]?.filename).toBe('Rapport d’été.txt');
    });

    it('needs ticket.write (403) and hides the ticket from users without ticket.read (404)', async () => {
      const ticketId = await createTicket(admin);
      const reader = await userWith(t, admin, 'Reader', ['ticket.read']);
      const outsider = await userWith(t, admin, 'Outsider', ['thirdparty.read']);
      const file = [{ name: 'a.txt', content: 'a' }];
      const denied = await upload(ticketId, file, {}, reader);
      expect(denied.statusCode).toBe(403);
      const hidden = await upload(ticketId, file, {}, outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({ error: { code: 'ticket_not_found' } });
      expect((await upload(999999, file)).json()).toMatchObject({ error: { code: 'ticket_not_found' } });
      expect(await documentCount(ticketId)).toBe(0);
    });

    it('refuses uploads to a deleted ticket (409) and requests that are not multipart (415)', async () => {
      const ticketId = await createTicket(admin);
      await deleteTicket(admin, ticketId);
      const res = await upload(ticketId, [{ name: 'a.txt', content: 'a' }]);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'ticket_deleted' } });

      const live = await createTicket(admin);
      const json = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${live}/documents`,
        payload: { files: [] },
      });
      expect(json.statusCode).toBe(415);
      const empty = await upload(live, [], { note: 'no file' });
      expect(empty.statusCode).toBe(400);
    });
  });
}
