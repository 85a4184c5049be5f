import { afterEach, describe, expect, it } from 'vitest';
import type { InboxStatus, QuarantinePage } from '../../common/schemas/inbox.schema.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { startDovecot, type DovecotServer } from '../../../test/helpers/dovecot.js';
import { openMailWorld, patchSettings, type MailWorld } from '../mail/mail.fixtures.js';
import { userWith } from '../tickets/ticket.fixtures.js';
import { eml, ingest, ticketCount } from './inbox.fixtures.js';

const BROKEN = Buffer.from('no header here, only text\r\n', 'latin1');

for (const engine of ENGINES) {
  describe(engine, () => {
    let w: MailWorld | undefined;
    let dovecot: DovecotServer | undefined;
    afterEach(async () => {
      await w?.close();
      await dovecot?.close();
      w = undefined;
      dovecot = undefined;
    });

    const get = <T>(world: MailWorld, url: string) =>
      world.admin
        .request({ method: 'GET', url })
        .then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));

    it('the quarantine lists kept messages newest first, by pages, with their reason', async () => {
      w = await openMailWorld(engine);
      for (let i = 0; i < 3; i++) await ingest(w, Buffer.from(`garbage ${i}\r\n`, 'latin1'));
      await ingest(w, eml({ from: null, subject: 'Qui suis-je ?' }));
      const first = await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine?limit=3');
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(4);
      expect(first.body.items.map((i) => i.reason)).toEqual(['no_sender', 'unparseable', 'unparseable']);
      expect(first.body.items[0]).toMatchObject({ subject: 'Qui suis-je ?', from: null, attempts: 1 });
      const second = await get<QuarantinePage>(
        w,
        `/api/v1/settings/mail/quarantine?limit=3&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const bad = await get(w, '/api/v1/settings/mail/quarantine?cursor=abc');
      expect(bad.status).toBe(400);
    });

    it('a quarantined message downloads as it arrived, retries, and deletes', async () => {
      w = await openMailWorld(engine);
      await ingest(w, BROKEN);
      const [item] = (await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body.items;
      const raw = await w.admin.request({
        method: 'GET',
        url: `/api/v1/settings/mail/quarantine/${item!.id}/raw`,
      });
      expect(raw.statusCode).toBe(200);
      expect(raw.headers['content-type']).toBe('message/rfc822');
      expect(raw.headers['content-disposition']).toBe(`attachment; filename="quarantine-${item!.id}.eml"`);
      expect(raw.rawPayload.equals(BROKEN)).toBe(true);

      const retry = await w.admin.request({
        method: 'POST',
        url: `/api/v1/settings/mail/quarantine/${item!.id}/retry`,
      });
      expect(retry.json()).toEqual({
        outcome: 'quarantined',
        ticketId: null,
        ticketRef: null,
        reason: 'unparseable',
      });
      const again = (await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body;
      expect(again.items).toEqual([expect.objectContaining({ id: item!.id, attempts: 2 })]);

      const del = await w.admin.request({
        method: 'DELETE',
        url: `/api/v1/settings/mail/quarantine/${item!.id}`,
      });
      expect(del.statusCode).toBe(204);
      expect((await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body.total).toBe(0);
      const gone = await w.admin.request({
        method: 'DELETE',
        url: `/api/v1/settings/mail/quarantine/${item!.id}`,
      });
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ error: { code: 'quarantined_mail_not_found' } });
    });

    it('a message quarantined for a failure that is gone imports on retry and leaves the quarantine', async () => {
      w = await openMailWorld(engine);
      // Kept aside by an earlier import that failed (say the disk was full); the cause is gone now.
      const raw = eml({ subject: 'Retried' });
      const at = new Date().toISOString();
      await w.t.services.db.kysely
        .insertInto('inbound_mails')
        .values({
          mailbox: 'pipe',
          message_id: '<retried@mail.example.net>',
          status: 'quarantined',
          reason: 'import_failed',
          error: 'disk full',
          from_address: 'camille@example.net',
          subject: 'Retried',
          size: raw.length,
          raw,
          received_at: at,
          updated_at: at,
        })
        .execute();
      const [item] = (await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body.items;
      expect(item).toMatchObject({ reason: 'import_failed', error: 'disk full' });
      const retry = await w.admin.request({
        method: 'POST',
        url: `/api/v1/settings/mail/quarantine/${item!.id}/retry`,
      });
      expect(retry.json()).toMatchObject({ outcome: 'created', reason: null });
      expect(await ticketCount(w)).toBe(1);
      expect((await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body.total).toBe(0);
    });

    it('only administrators see the incoming mail pages', async () => {
      w = await openMailWorld(engine);
      await ingest(w, BROKEN);
      const agent = await userWith(w.t, w.admin, ['ticket.read', 'ticket.write', 'ticket.manage']);
      for (const [method, url] of [
        ['GET', '/api/v1/settings/mail/inbox'],
        ['POST', '/api/v1/settings/mail/inbox/test'],
        ['GET', '/api/v1/settings/mail/quarantine'],
        ['GET', '/api/v1/settings/mail/quarantine/1/raw'],
        ['POST', '/api/v1/settings/mail/quarantine/1/retry'],
        ['DELETE', '/api/v1/settings/mail/quarantine/1'],
      ] as const) {
        const res = await agent.request({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
      expect((await get<QuarantinePage>(w, '/api/v1/settings/mail/quarantine')).body.total).toBe(1);
    });

    it('the status says where mail comes from, and the connection test logs in or explains why not', async () => {
      w = await openMailWorld(engine);
      const none = await get<InboxStatus>(w, '/api/v1/settings/mail/inbox');
      expect(none.body).toMatchObject({ source: 'none', mailbox: null, running: false, importedCount: 0 });
      const untested = await w.admin.request({ method: 'POST', url: '/api/v1/settings/mail/inbox/test' });
      expect(untested.statusCode).toBe(400);

      dovecot = await startDovecot();
      await dovecot.append(eml());
      await patchSettings(w, {
        'mail.imap.host': dovecot.host,
        'mail.imap.port': dovecot.port,
        'mail.imap.security': 'none',
        'mail.imap.user': dovecot.user,
        'mail.imap.password': dovecot.password,
      });
      const status = await get<InboxStatus>(w, '/api/v1/settings/mail/inbox');
      expect(status.body).toMatchObject({
        source: 'settings',
        mailbox: `${dovecot.user}@${dovecot.host}/INBOX`,
      });
      const ok = await w.admin.request({
        method: 'POST',
        url: '/api/v1/settings/mail/inbox/test',
        payload: {},
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({
        ok: true,
        mailbox: `${dovecot.user}@${dovecot.host}/INBOX`,
        messages: 1,
        unseen: 1,
        idle: true,
      });

      await patchSettings(w, { 'mail.imap.password': 'wrong password' });
      const refused = await w.admin.request({ method: 'POST', url: '/api/v1/settings/mail/inbox/test' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'imap_failed' } });
      // The settings API never gives the password back.
      const settings = await get<Record<string, unknown>>(w, '/api/v1/settings');
      expect(JSON.stringify(settings.body)).not.toContain('wrong password');
    });
  });
}
