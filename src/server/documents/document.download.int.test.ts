import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Document } from '../../common/schemas/document.schema.js';
import {
  blobFiles,
  createMessage,
  createTicket,
  deleteTicket,
  historyKinds,
  multipart,
  sha256,
  signInAdmin,
  ticketState,
  tinyPdf,
  tinyPng,
  userWith,
  type UploadFile,
} from './document.test-helpers.js';

for (const engine of ENGINES) {
  describe(`document downloads, listing and deletion (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await signInAdmin(t.app);
    });
    afterAll(async () => {
      await t.close();
    });

    async function upload(ticketId: number, files: UploadFile[], fields: Record<string, string> = {}) {
      const { payload, headers } = await multipart(files, fields);
      const res = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticketId}/documents`,
        payload,
        headers,
      });
      if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
      return res.json<{ items: Document[] }>().items;
    }

    const download = (doc: Pick<Document, 'id'>, as: Session = admin) =>
      as.request({ method: 'GET', url: `/api/v1/documents/${doc.id}/download` });
    const remove = (doc: Pick<Document, 'id'>, as: Session = admin) =>
      as.request({ method: 'DELETE', url: `/api/v1/documents/${doc.id}` });
    const blobOnDisk = (sha: string) => blobFiles(t).some((f) => f.endsWith(sha));

    it('serves a PNG inline, byte for byte, with the protective headers', async () => {
      const ticketId = await createTicket(admin);
      const png = tinyPng([10, 20, 30]);
      const [doc] = await upload(ticketId, [{ name: 'écran.png', content: png }]);
      const res = await download(doc!);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(png)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-length']).toBe(String(png.length));
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="ecran.png"; filename*=UTF-8''%C3%A9cran.png`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe('sandbox');
      expect(res.headers['cache-control']).toBe('private');
    });

    it('serves anything but a safe image as an attachment: a PDF named photo.png, a text file, an SVG', async () => {
      const ticketId = await createTicket(admin);
      const svg =
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
      const [pdf, text, image] = await upload(ticketId, [
        { name: 'photo.png', content: tinyPdf() },
        { name: 'notes.txt', content: 'Bonjour\n' },
        { name: 'logo.svg', content: svg, type: 'image/svg+xml' },
      ]);
      const pdfRes = await download(pdf!);
      expect(pdfRes.headers['content-type']).toBe('application/pdf');
      expect(pdfRes.headers['content-disposition']).toMatch(/^attachment; filename="photo\.png"/);
      const textRes = await download(text!);
      expect(textRes.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(textRes.headers['content-disposition']).toMatch(/^attachment;/);
      expect(textRes.body).toBe('Bonjour\n');
      const svgRes = await download(image!);
      expect(svgRes.headers['content-type']).not.toMatch(/svg|html/);
      expect(svgRes.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('hides documents from users without ticket.read (404), as it does unknown ids', async () => {
      const ticketId = await createTicket(admin);
      const [doc] = await upload(ticketId, [{ name: 'secret.txt', content: 'secret' }]);
      const outsider = await userWith(t, admin, 'Outsider', ['thirdparty.read']);
      const res = await download(doc!, outsider);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'document_not_found' } });
      expect((await download({ id: 999999 })).statusCode).toBe(404);
      const list = await outsider.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}/documents` });
      expect(list.statusCode).toBe(404);
      expect(list.json()).toMatchObject({ error: { code: 'ticket_not_found' } });
      const reader = await userWith(t, admin, 'Reader', ['ticket.read']);
      expect((await download(doc!, reader)).statusCode).toBe(200);
    });

    it('lists ticket and message documents together, newest first, with the uploader name', async () => {
      const ticketId = await createTicket(admin);
      const messageId = await createMessage(admin, ticketId);
      const [first] = await upload(ticketId, [{ name: 'first.txt', content: 'first' }]);
      const [second] = await upload(ticketId, [{ name: 'second.txt', content: 'second' }], {
        messageId: String(messageId),
      });
      const reader = await userWith(t, admin, 'Reader', ['ticket.read']);
      const res = await reader.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}/documents` });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: Document[]; total: number; nextCursor: null }>();
      expect(body.items.map((d) => [d.id, d.messageId])).toEqual([
        [second?.id, messageId],
        [first?.id, null],
      ]);
      expect(body.items[0]?.uploadedBy.name).toBe('Ada Admin');
      expect(body).toMatchObject({ total: 2, nextCursor: null });
    });

    it('files uploaded before a message are linked to it by attachmentIds', async () => {
      const ticketId = await createTicket(admin);
      const [doc] = await upload(ticketId, [{ name: 'before.txt', content: 'uploaded first' }]);
      const messageId = await createMessage(admin, ticketId, [doc!.id]);
      const res = await admin.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}/documents` });
      expect(res.json<{ items: Document[] }>().items.map((d) => [d.id, d.messageId])).toEqual([
        [doc?.id, messageId],
      ]);
    });

    it('deleting records document_removed, bumps the version and collects the unshared file', async () => {
      const ticketId = await createTicket(admin);
      const png = tinyPng([40, 50, 60]);
      const [doc] = await upload(ticketId, [{ name: 'gone.png', content: png }]);
      const before = await ticketState(t, ticketId);
      const res = await remove(doc!);
      expect(res.statusCode).toBe(204);
      expect((await ticketState(t, ticketId)).version).toBe(before.version + 1);
      const history = await historyKinds(t, ticketId);
      expect(history.map((h) => h.kind)).toEqual(['document_added', 'document_removed']);
      expect(JSON.parse(history[1]?.details ?? '{}')).toEqual({
        documentId: doc?.id,
        filename: 'gone.png',
        size: png.length,
      });
      expect((await download(doc!)).statusCode).toBe(404);
      expect(blobOnDisk(sha256(png))).toBe(true);
      await t.services.runner.runDue();
      expect(blobOnDisk(sha256(png))).toBe(false);
      const row = await t.services.db.kysely
        .selectFrom('blobs')
        .select('sha256')
        .where('sha256', '=', sha256(png))
        .executeTakeFirst();
      expect(row).toBeUndefined();
      expect((await remove(doc!)).statusCode).toBe(404);
    });

    it('keeps a file another document still uses, and uploads of it again work after collection', async () => {
      const ticketId = await createTicket(admin);
      const otherTicket = await createTicket(admin);
      const png = tinyPng([70, 80, 90]);
      const [a] = await upload(ticketId, [{ name: 'a.png', content: png }]);
      const [b] = await upload(otherTicket, [{ name: 'b.png', content: png }]);
      expect((await remove(a!)).statusCode).toBe(204);
      await t.services.runner.runDue();
      expect(blobOnDisk(sha256(png))).toBe(true);
      expect((await download(b!)).rawPayload.equals(png)).toBe(true);

      expect((await remove(b!)).statusCode).toBe(204);
      await t.services.runner.runDue();
      expect(blobOnDisk(sha256(png))).toBe(false);
      const [again] = await upload(ticketId, [{ name: 'again.png', content: png }]);
      expect((await download(again!)).rawPayload.equals(png)).toBe(true);
    });

    it('collecting is idempotent: a hash with its file already gone is fine', async () => {
      await t.services.documents.gcBlobs(['0'.repeat(64), 'not-a-hash']);
      await t.services.documents.gcBlobs(['0'.repeat(64)]);
      expect(fs.existsSync(t.config.dataDir)).toBe(true);
    });

    it('deleting needs ticket.write (403), hides from non-readers (404) and refuses on a deleted ticket (409)', async () => {
      const ticketId = await createTicket(admin);
      const [doc] = await upload(ticketId, [{ name: 'keep.txt', content: 'keep' }]);
      const reader = await userWith(t, admin, 'Reader', ['ticket.read']);
      const outsider = await userWith(t, admin, 'Outsider', ['thirdparty.read']);
      expect((await remove(doc!, reader)).statusCode).toBe(403);
      const hidden = await remove(doc!, outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({ error: { code: 'document_not_found' } });
      await deleteTicket(admin, ticketId);
      const refused = await remove(doc!);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: 'ticket_deleted' } });
      expect((await download(doc!)).statusCode).toBe(200);
    });

    it('tells any signed-in user the upload limits of the settings', async () => {
      await admin.request({ method: 'PATCH', url: '/api/v1/settings', payload: { 'uploads.maxFileMb': 5 } });
      const reader = await userWith(t, admin, 'Reader', ['ticket.read']);
      const res = await reader.request({ method: 'GET', url: '/api/v1/documents/limits' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ maxFileMb: 5, maxFilesPerMessage: 10 });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/documents/limits' })).statusCode).toBe(401);
    });

    it('describes the document routes in the OpenAPI document', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
      expect(Object.keys(paths['/api/v1/tickets/{id}/documents'] ?? {})).toEqual(
        expect.arrayContaining(['get', 'post']),
      );
      expect(paths['/api/v1/documents/{id}/download']).toHaveProperty('get');
      expect(paths['/api/v1/documents/{id}']).toHaveProperty('delete');
    });
  });
}
