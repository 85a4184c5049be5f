import { afterEach, describe, expect, it } from 'vitest';
import type { PortalDocument, PortalMessage, PortalTicket } from '../../common/schemas/portal.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { fakeExe, multipart, tinyPdf, tinyPng } from '../documents/document.test-helpers.js';
import {
  errorCode,
  openPortalApp,
  portalTicket,
  staffTicket,
  visitor,
  type Visitor,
} from './portal.fixtures.js';

const staffPost = (admin: Session, id: number, payload: Record<string, unknown>) =>
  admin.request({ method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload });

async function staffUpload(admin: Session, id: number, fields: Record<string, string> = {}) {
  const { payload, headers } = await multipart([{ name: 'internal.pdf', content: tinyPdf() }], fields);
  const res = await admin.request({
    method: 'POST',
    url: `/api/v1/tickets/${id}/documents`,
    payload,
    headers,
  });
  if (res.statusCode !== 201) throw new Error(`staff upload: ${res.statusCode} ${res.body}`);
  return res.json<{ items: { id: number }[] }>().items[0]!.id;
}

async function portalUpload(v: Visitor, trackId: string, files: { name: string; content: Buffer }[]) {
  const { payload, headers } = await multipart(files);
  return v.request({ method: 'POST', url: `tickets/${trackId}/documents`, payload, headers });
}

for (const engine of ENGINES) {
  describe(`portal: a customer's ticket (${engine})`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    async function setup() {
      const o = await openPortalApp(engine);
      t = o.t;
      const v = visitor(t);
      const created = await portalTicket(v);
      const staff = await staffTicket(o.admin, created.trackId);
      return { ...o, t: o.t, v, trackId: created.trackId, id: staff.id };
    }

    it('the customer sees public messages only, never private notes, their files or the history', async () => {
      const { admin, v, trackId, id } = await setup();
      const noteDoc = await staffUpload(admin, id);
      expect(
        (await staffPost(admin, id, { body: '<p>Secret plan</p>', private: true, attachmentIds: [noteDoc] }))
          .statusCode,
      ).toBe(201);
      expect(
        (await staffPost(admin, id, { body: '<p>We are on it<script>x()</script></p>' })).statusCode,
      ).toBe(201);

      const res = await v.get(`tickets/${trackId}/messages`);
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: PortalMessage[] }>().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        author: { kind: 'staff', name: 'Ada Admin' },
        body: '<p>We are on it</p>',
      });
      expect(res.body).not.toContain('Secret plan');

      const docs = (await v.get(`tickets/${trackId}/documents`)).json<{ items: PortalDocument[] }>().items;
      expect(docs.map((d) => d.id)).not.toContain(noteDoc);
      const download = await v.get(`tickets/${trackId}/documents/${noteDoc}`);
      expect([download.statusCode, errorCode(download)]).toEqual([404, 'document_not_found']);

      const ticket = (await v.get(`tickets/${trackId}`)).json<Record<string, unknown>>();
      for (const internal of ['assigneeId', 'assigneeName', 'id', 'history', 'version', 'abilities']) {
        expect(ticket).not.toHaveProperty(internal);
      }
    });

    it('the customer uploads files, attaches them to an answer, and downloads the documents they may see', async () => {
      const { admin, v, trackId, id } = await setup();
      const png = tinyPng([1, 2, 3]);
      const up = await portalUpload(v, trackId, [{ name: 'photo.png', content: png }]);
      expect(up.statusCode, up.body).toBe(201);
      const [doc] = up.json<{ items: PortalDocument[] }>().items;
      expect(doc).toMatchObject({ filename: 'photo.png', mimeType: 'image/png', size: png.length });

      const answer = await v.post(`tickets/${trackId}/messages`, {
        body: 'Here is a photo',
        attachmentIds: [doc!.id],
      });
      expect(answer.statusCode, answer.body).toBe(201);
      expect(answer.json<PortalMessage>()).toMatchObject({
        author: { kind: 'customer', name: null },
        body: '<p>Here is a photo</p>',
        attachments: [{ id: doc!.id, filename: 'photo.png' }],
      });

      const file = await v.get(`tickets/${trackId}/documents/${doc!.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(png)).toBe(true);
      expect(file.headers['content-type']).toBe('image/png');

      // A document the staff put on the ticket itself is the customer's to see.
      const shared = await staffUpload(admin, id);
      const sharedFile = await v.get(`tickets/${trackId}/documents/${shared}`);
      expect(sharedFile.statusCode).toBe(200);
      expect(String(sharedFile.headers['content-disposition'])).toMatch(/^attachment/);

      // Another visitor gets nothing.
      expect((await visitor(t!).get(`tickets/${trackId}/documents/${doc!.id}`)).statusCode).toBe(404);

      // The staff history records the customer's upload.
      const history = await admin.request({ method: 'GET', url: `/api/v1/tickets/${id}/history` });
      expect(history.json<{ items: { kind: string; actor: { type: string } }[] }>().items).toContainEqual(
        expect.objectContaining({
          kind: 'document_added',
          actor: expect.objectContaining({ type: 'customer' }) as unknown,
        }),
      );
    });

    it('uploads follow the limits of staff uploads', async () => {
      const { v, trackId } = await setup();
      const exe = await portalUpload(v, trackId, [{ name: 'setup.exe', content: fakeExe() }]);
      expect([exe.statusCode, errorCode(exe)]).toEqual([422, 'forbidden_file_type']);
      const json = await v.request({
        method: 'POST',
        url: `tickets/${trackId}/documents`,
        payload: { files: [] },
      });
      expect([json.statusCode, errorCode(json)]).toEqual([415, 'unsupported_media_type']);
      const { payload, headers } = await multipart([{ name: 'a.png', content: tinyPng() }], {
        messageId: '1',
      });
      const withMessage = await v.request({
        method: 'POST',
        url: `tickets/${trackId}/documents`,
        payload,
        headers,
      });
      expect(withMessage.statusCode).toBe(400);
    });

    it('a customer answer is recorded as the customer and brings a waiting ticket back in progress', async () => {
      const { admin, v, trackId, id } = await setup();
      await admin.request({ method: 'POST', url: `/api/v1/tickets/${id}/read`, payload: {} });
      const waiting = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${id}/status`,
        payload: { status: 'waiting' },
      });
      expect(waiting.statusCode, waiting.body).toBe(200);

      const res = await v.post(`tickets/${trackId}/messages`, { body: 'Still broken' });
      expect(res.statusCode, res.body).toBe(201);
      expect((await staffTicket(admin, trackId)).status).toBe('in_progress');
      const history = (await admin.request({ method: 'GET', url: `/api/v1/tickets/${id}/history` })).json<{
        items: { kind: string; actor: unknown; newValue: unknown }[];
      }>().items;
      expect(history).toContainEqual(
        expect.objectContaining({
          kind: 'status_changed',
          newValue: 'in_progress',
          actor: expect.objectContaining({ type: 'customer', email: 'claire@client.example' }) as unknown,
        }),
      );
      expect(history).toContainEqual(
        expect.objectContaining({
          kind: 'message_added',
          actor: expect.objectContaining({ type: 'customer' }) as unknown,
        }),
      );
      const messageId = res.json<PortalMessage>().id;
      const job = await t!.services.db.kysely
        .selectFrom('jobs')
        .select('payload')
        .where('name', '=', 'notifications.ticketEvent')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(job.payload)).toEqual({
        kind: 'message',
        ticketId: id,
        messageId,
        actorUserId: null,
        authorType: 'customer',
        private: false,
        sendByEmail: false,
      });
    });

    it('the customer closes the ticket: closed and solved, recorded as the customer; then no more answers', async () => {
      const { admin, v, trackId, id } = await setup();
      const res = await v.post(`tickets/${trackId}/close`, {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<PortalTicket>()).toMatchObject({
        status: 'closed',
        progress: 100,
        canReply: false,
        canClose: false,
      });
      expect(await staffTicket(admin, trackId)).toMatchObject({ status: 'closed', resolution: 'solved' });
      const history = (await admin.request({ method: 'GET', url: `/api/v1/tickets/${id}/history` })).json<{
        items: { kind: string; actor: { type: string } }[];
      }>().items;
      expect(history.at(-1)).toMatchObject({ kind: 'closed', actor: { type: 'customer' } });

      const answer = await v.post(`tickets/${trackId}/messages`, { body: 'One more thing' });
      expect([answer.statusCode, errorCode(answer)]).toEqual([409, 'ticket_not_open']);
      const again = await v.post(`tickets/${trackId}/close`, {});
      expect([again.statusCode, errorCode(again)]).toEqual([409, 'ticket_not_open']);
      const upload = await portalUpload(v, trackId, [{ name: 'late.png', content: tinyPng() }]);
      expect([upload.statusCode, errorCode(upload)]).toEqual([409, 'ticket_not_open']);
    });

    it('a deleted ticket no longer exists for the portal', async () => {
      const { admin, v, trackId, id } = await setup();
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/tickets/${id}` })).statusCode).toBe(200);
      expect((await v.get(`tickets/${trackId}`)).statusCode).toBe(404);
    });
  });
}
