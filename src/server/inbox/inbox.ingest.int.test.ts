import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.js';
import { historyOf, messagesOf, userWith } from '../tickets/ticket.fixtures.js';
import {
  addressesOf,
  drain,
  newCustomer,
  openMailWorld,
  patchSettings,
  type MailWorld,
} from '../mail/mail.fixtures.js';
import {
  PNG,
  customerMessageId,
  eml,
  inboundRows,
  ingest,
  ticketById,
  ticketCount,
} from './inbox.fixtures.js';

const DAY_MS = 24 * 3600 * 1000;

for (const engine of ENGINES) {
  describe(engine, () => {
    let w: MailWorld;
    afterEach(async () => w?.close());

    it('a new email opens a ticket of origin email for the matched customer, and the confirmation goes back threaded', async () => {
      w = await openMailWorld(engine);
      const customer = await newCustomer(w, { contactEmail: 'camille@example.net' });
      const messageId = customerMessageId();
      const r = await ingest(w, eml({ messageId, subject: 'Imprimante en feu' }));
      expect(r).toMatchObject({ outcome: 'created', reason: null });

      const ticket = await ticketById(w, r.ticketId!);
      expect(ticket).toMatchObject({
        ref: r.ticketRef,
        subject: 'Imprimante en feu',
        origin: 'email',
        status: 'unread',
        authorEmail: 'camille@example.net',
        thirdpartyId: customer.thirdpartyId,
        contactId: customer.contactId,
      });
      expect(ticket.message).toContain('The printer on the 2nd floor smokes.');
      const created = (await historyOf(w.admin, ticket.id)).find((h) => h.kind === 'created');
      expect(created).toMatchObject({ actor: { type: 'customer', email: 'camille@example.net' } });
      expect(created?.details).toMatchObject({ origin: 'email', reporterName: 'Camille Martin' });

      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      expect(addressesOf(confirmation!)).toEqual(['camille@example.net']);
      expect(confirmation!.subject).toContain(`[${ticket.ref}]`);
      expect(
        (await inboundRows(w)).map((row) => [row.message_id, row.status, row.reason, row.ticket_id]),
      ).toEqual([[messageId, 'imported', 'created', ticket.id]]);
    });

    it('a reply to the confirmation lands on the same ticket, wakes a waiting ticket and notifies the group', async () => {
      w = await openMailWorld(engine);
      const agent = await userWith(w.t, w.admin, ['ticket.read', 'ticket.write']);
      const group = await w.admin.request({
        method: 'POST',
        url: '/api/v1/groups',
        payload: {
          name: 'Support desk',
          permissions: ['ticket.read'],
          memberIds: [agent.userId],
        },
      });
      await patchSettings(w, { 'notifications.groupId': group.json<{ id: number }>().id });
      const unread = async () =>
        (await agent.request({ method: 'GET', url: '/api/v1/notifications/unread-count' })).json<{
          unreadCount: number;
        }>().unreadCount;
      const first = await ingest(w, eml());
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      const ticketId = first.ticketId!;
      expect(await unread()).toBe(1);
      // Staff read it and asked a question: the ticket waits for the customer.
      expect(
        (await w.admin.request({ method: 'POST', url: `/api/v1/tickets/${ticketId}/read` })).statusCode,
      ).toBe(200);
      const waiting = await w.admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticketId}/status`,
        payload: { status: 'waiting' },
      });
      expect(waiting.statusCode).toBe(200);

      const reply = await ingest(
        w,
        eml({
          subject: `Re: ${confirmation!.subject}`,
          inReplyTo: confirmation!.messageId,
          references: confirmation!.messageId,
          text: 'It smokes less now.\r\n\r\nOn Fri, Support wrote:\r\n> We have received your request',
        }),
      );
      expect(reply).toMatchObject({ outcome: 'replied', ticketId, ticketRef: first.ticketRef });
      expect(await ticketCount(w)).toBe(1);
      const messages = await messagesOf(w.admin, ticketId);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        author: { type: 'customer', email: 'camille@example.net' },
        private: false,
      });
      expect(messages[0]!.body).toContain('It smokes less now.');
      expect((await ticketById(w, ticketId)).status).toBe('in_progress');
      await drain(w.t);
      expect(await unread()).toBe(2);
    });

    it('the same message read twice is stored once', async () => {
      w = await openMailWorld(engine);
      const raw = eml();
      const a = await ingest(w, raw);
      const b = await ingest(w, raw);
      expect(a.outcome).toBe('created');
      expect(b).toEqual({ outcome: 'ignored', ticketId: null, ticketRef: null, reason: 'duplicate' });
      expect(await ticketCount(w)).toBe(1);
      expect(await inboundRows(w)).toHaveLength(1);
      // Another mailbox is another source: the same Message-ID there is read once there too.
      expect((await ingest(w, raw, 'pipe')).outcome).toBe('created');
    });

    it('the same message imported by two processes at once still makes one ticket', async () => {
      w = await openMailWorld(engine);
      const raw = eml();
      const results = await Promise.all([ingest(w, raw), ingest(w, raw), ingest(w, raw)]);
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'ignored' && r.reason === 'duplicate')).toHaveLength(2);
      expect(await ticketCount(w)).toBe(1);
    });

    it('a message without Message-ID gets a stable one: read twice, stored once', async () => {
      w = await openMailWorld(engine);
      const raw = eml({ messageId: null });
      expect((await ingest(w, raw)).outcome).toBe('created');
      expect((await ingest(w, raw)).reason).toBe('duplicate');
      const [row] = await inboundRows(w);
      expect(row!.message_id).toMatch(/^<sha256-[0-9a-f]{64}@guichet\.invalid>$/);
    });

    it('[ref] in the subject threads a mail from an address of the ticket, never one from a stranger', async () => {
      w = await openMailWorld(engine);
      const customer = await newCustomer(w, {
        thirdpartyEmail: 'office@dupont.example',
        contactEmail: 'camille@example.net',
      });
      const first = await ingest(w, eml());
      expect((await ticketById(w, first.ticketId!)).thirdpartyId).toBe(customer.thirdpartyId);

      const colleague = await ingest(
        w,
        eml({ from: 'Dupont <OFFICE@dupont.example>', subject: `Fwd: [${first.ticketRef}] Printer on fire` }),
      );
      expect(colleague).toMatchObject({ outcome: 'replied', ticketId: first.ticketId });

      const stranger = await ingest(
        w,
        eml({ from: 'someone@elsewhere.example', subject: `[${first.ticketRef}] I saw this ref somewhere` }),
      );
      expect(stranger.outcome).toBe('created');
      expect(stranger.ticketId).not.toBe(first.ticketId);
    });

    it('an out-of-office answer creates nothing and sends nothing', async () => {
      w = await openMailWorld(engine);
      const r = await ingest(
        w,
        eml({
          subject: 'Absence du bureau',
          headers: { 'Auto-Submitted': 'auto-replied' },
          text: 'Je suis absente jusqu’au 3 décembre.',
        }),
      );
      expect(r).toMatchObject({ outcome: 'ignored', reason: 'auto_reply' });
      await drain(w.t);
      expect(await ticketCount(w)).toBe(0);
      expect(w.sink.messages).toHaveLength(0);
      expect((await inboundRows(w)).map((row) => [row.status, row.reason])).toEqual([
        ['ignored', 'auto_reply'],
      ]);
    });

    it('an out-of-office answer to our mail adds nothing to the ticket', async () => {
      w = await openMailWorld(engine);
      const first = await ingest(w, eml());
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      const r = await ingest(
        w,
        eml({ inReplyTo: confirmation!.messageId, headers: { 'X-Autoreply': 'yes' }, text: 'Out of office' }),
      );
      expect(r).toMatchObject({ outcome: 'ignored', reason: 'auto_reply' });
      expect(await messagesOf(w.admin, first.ticketId!)).toHaveLength(0);
      await drain(w.t);
      expect(w.sink.messages).toHaveLength(1);
    });

    it('our own mail coming back is recognized, by its Message-ID or by our address', async () => {
      w = await openMailWorld(engine);
      await patchSettings(w, { 'mail.from': 'support@guichet.test' });
      const first = await ingest(w, eml());
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      // A copy of the confirmation lands in the support mailbox (Bcc, alias, forwarding loop).
      const copy = await ingest(w, eml({ from: 'someone@example.net', messageId: confirmation!.messageId }));
      expect(copy).toMatchObject({ outcome: 'ignored', reason: 'own_mail' });
      const fromUs = await ingest(w, eml({ from: 'Support <Support@Guichet.test>' }));
      expect(fromUs).toMatchObject({ outcome: 'ignored', reason: 'own_mail' });
      expect(await ticketCount(w)).toBe(1);
      expect(await messagesOf(w.admin, first.ticketId!)).toHaveLength(0);
    });

    it('a broken message goes to the quarantine with its raw bytes, and the next one is imported', async () => {
      w = await openMailWorld(engine);
      const broken = Buffer.from('this is not an email at all\r\n\u0000\u0001\u0002', 'latin1');
      const r = await ingest(w, broken);
      expect(r).toMatchObject({ outcome: 'quarantined', reason: 'unparseable' });
      const noSender = await ingest(w, eml({ from: null }));
      expect(noSender).toMatchObject({ outcome: 'quarantined', reason: 'no_sender' });
      expect((await ingest(w, eml())).outcome).toBe('created');

      const rows = await inboundRows(w);
      expect(rows.map((row) => [row.status, row.reason])).toEqual([
        ['quarantined', 'unparseable'],
        ['quarantined', 'no_sender'],
        ['imported', 'created'],
      ]);
      expect(Buffer.from(rows[0]!.raw!).equals(broken)).toBe(true);
      expect(rows[2]!.raw).toBeNull();
    });

    it('a reply to a ticket closed within the reopen window reopens it; a later one opens a new ticket naming it', async () => {
      w = await openMailWorld(engine);
      await patchSettings(w, { 'tickets.reopenOnReplyDays': 10 });
      const first = await ingest(w, eml());
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      const id = first.ticketId!;
      const close = await w.admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${id}/close`,
        payload: { resolution: 'solved' },
      });
      expect(close.statusCode).toBe(200);

      w.t.clock.advance(9 * DAY_MS);
      const soon = await ingest(w, eml({ inReplyTo: confirmation!.messageId, text: 'It is back.' }));
      expect(soon).toMatchObject({ outcome: 'replied', ticketId: id });
      const reopened = await ticketById(w, id);
      expect(reopened).toMatchObject({ status: 'read', closedAt: null, resolution: null });
      const kinds = (await historyOf(w.admin, id)).map((h) => h.kind);
      expect(kinds).toEqual(expect.arrayContaining(['reopened', 'message_added']));

      expect(
        (
          await w.admin.request({
            method: 'POST',
            url: `/api/v1/tickets/${id}/close`,
            payload: { resolution: 'solved' },
          })
        ).statusCode,
      ).toBe(200);
      w.t.clock.advance(11 * DAY_MS);
      const late = await ingest(w, eml({ inReplyTo: confirmation!.messageId, text: 'Again, months later.' }));
      expect(late.outcome).toBe('created');
      expect(late.ticketId).not.toBe(id);
      expect((await ticketById(w, id)).status).toBe('closed');
      const created = (await historyOf(w.admin, late.ticketId!)).find((h) => h.kind === 'created');
      expect(created?.details).toMatchObject({ followsTicketId: id, followsTicketRef: first.ticketRef });
    });

    it('attachments become documents of the message; one over the size limit is dropped with a note, the message kept', async () => {
      w = await openMailWorld(engine);
      await patchSettings(w, { 'uploads.maxFileMb': 1 });
      const first = await ingest(w, eml());
      const big = Buffer.alloc(1024 * 1024 + 10, 7);
      const reply = await ingest(
        w,
        eml({
          subject: `Re: [${first.ticketRef}] Printer on fire`,
          text: 'Photo attached.',
          attachments: [
            { filename: 'photo.png', contentType: 'image/png', content: PNG },
            { filename: 'dump.bin', contentType: 'application/octet-stream', content: big },
          ],
        }),
      );
      expect(reply.outcome).toBe('replied');
      const [message] = await messagesOf(w.admin, first.ticketId!);
      expect(message!.body).toContain('Photo attached.');
      expect(message!.body).toMatch(/dump\.bin \(1\.0 MB, plus de 1 Mo\)/);
      const docs = await w.admin.request({
        method: 'GET',
        url: `/api/v1/tickets/${first.ticketId}/documents`,
      });
      const list = docs.json<{ items: { filename: string; mimeType: string; messageId: number | null }[] }>();
      expect(list.items).toEqual([
        expect.objectContaining({ filename: 'photo.png', mimeType: 'image/png', messageId: message!.id }),
      ]);
    });

    it('a new email with a file keeps it on the ticket', async () => {
      w = await openMailWorld(engine);
      const r = await ingest(
        w,
        eml({ attachments: [{ filename: 'facture.png', contentType: 'image/png', content: PNG }] }),
      );
      const docs = await w.admin.request({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}/documents` });
      expect(docs.json<{ items: { filename: string; messageId: number | null }[] }>().items).toEqual([
        expect.objectContaining({ filename: 'facture.png', messageId: null }),
      ]);
    });
  });
}
