import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.js';
import { startDovecot, type DovecotServer } from '../../../test/helpers/dovecot.js';
import { systemClock } from '../clock.js';
import { drain, openMailWorld, patchSettings, type MailWorld } from '../mail/mail.fixtures.js';
import { messagesOf } from '../tickets/ticket.fixtures.js';
import { createMailCollector, type MailCollector } from './inbox.collector.js';
import { eml, inboundRows, ticketCount } from './inbox.fixtures.js';
import { createCollectorLease, createCollectorReport } from './inbox.lease.js';
import { createInboxRepository } from './inbox.repository.js';

/** Waits until `check` answers true, polling; fails with `what` after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The support mailbox end to end (issue 5, "Done when"): a real Dovecot on loopback, configured through the
 * Email settings, read by the collector the worker runs, into a real database; mail goes out to a real
 * SMTP sink. Only the collector's back-off is shortened.
 */
for (const engine of ENGINES) {
  describe(engine, () => {
    let w: MailWorld | undefined;
    let dovecot: DovecotServer | undefined;
    let collector: MailCollector | undefined;
    afterEach(async () => {
      await collector?.stop();
      await w?.close();
      await dovecot?.close();
      collector = undefined;
      w = undefined;
      dovecot = undefined;
    });

    async function open(): Promise<{ w: MailWorld; dovecot: DovecotServer; collector: MailCollector }> {
      dovecot = await startDovecot();
      w = await openMailWorld(engine);
      await patchSettings(w, {
        'mail.imap.host': dovecot.host,
        'mail.imap.port': dovecot.port,
        'mail.imap.security': 'none',
        'mail.imap.user': dovecot.user,
        'mail.imap.password': dovecot.password,
      });
      const s = w.t.services;
      const repo = createInboxRepository(s.db);
      collector = createMailCollector({
        account: () => s.inbox.account(),
        ingest: async (raw, mailbox) => {
          await s.mailIngest.ingest(raw, mailbox);
        },
        lease: createCollectorLease(repo, systemClock),
        report: createCollectorReport(repo),
        timing: { backoffMinMs: 100, backoffMaxMs: 500, leaseTtlMs: 5000 },
      });
      collector.start();
      return { w, dovecot, collector };
    }

    const rowsWith = async (world: MailWorld, n: number) => (await inboundRows(world)).length >= n;

    it('reply, duplicate, out-of-office and broken message through the real mailbox', async () => {
      const { w, dovecot } = await open();
      await dovecot.append(eml({ subject: 'Scanner hors service', text: 'Le scanner ne démarre plus.' }));
      await until('the first ticket', async () => (await ticketCount(w)) === 1);
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);

      const reply = eml({
        subject: `Re: ${confirmation!.subject}`,
        inReplyTo: confirmation!.messageId,
        references: confirmation!.messageId,
        text: 'Il redémarre après une mise à jour.',
      });
      await dovecot.append(reply);
      await dovecot.append(reply);
      await dovecot.append(
        eml({
          subject: 'Réponse automatique',
          headers: { 'Auto-Submitted': 'auto-replied' },
          text: 'Absent.',
        }),
      );
      await dovecot.append('garbage without any header\r\n\u0000\u0001');
      await dovecot.append(eml({ subject: 'Écran noir', text: 'Plus d’image.' }));
      await until('five records', () => rowsWith(w, 5));
      await until('every message seen', async () => (await dovecot.list('INBOX')).every((m) => m.seen));

      // The duplicate was recognised before any write: one record per distinct message.
      const rows = await inboundRows(w);
      expect(rows.map((r) => [r.status, r.reason])).toEqual([
        ['imported', 'created'],
        ['imported', 'replied'],
        ['ignored', 'auto_reply'],
        ['quarantined', 'unparseable'],
        ['imported', 'created'],
      ]);
      expect(await ticketCount(w)).toBe(2);
      const firstTicket = rows[0]!.ticket_id!;
      const messages = await messagesOf(w.admin, firstTicket);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.body).toContain('Il redémarre après une mise à jour.');

      // Nothing went back to the out-of-office answer: one confirmation per new ticket, nothing else.
      await drain(w.t);
      await w.sink.waitFor(2);
      expect(w.sink.messages).toHaveLength(2);
      expect(await dovecot.list('INBOX')).toHaveLength(6);

      const status = await w.admin.request({ method: 'GET', url: '/api/v1/settings/mail/inbox' });
      expect(status.json()).toMatchObject({
        source: 'settings',
        mailbox: `${dovecot.user}@${dovecot.host}/INBOX`,
        running: true,
        mode: 'idle',
        importedCount: 3,
        ignoredCount: 1,
        quarantinedCount: 1,
        lastError: null,
      });
    });

    it('Dovecot stopped and started again: the collector recovers, nothing lost, nothing twice', async () => {
      const { w, dovecot } = await open();
      await dovecot.append(eml({ subject: 'one' }));
      await dovecot.append(eml({ subject: 'two' }));
      await until('two tickets', async () => (await ticketCount(w)) === 2);

      await dovecot.stop();
      await until('the failure reported', async () => {
        const r = await w.admin.request({ method: 'GET', url: '/api/v1/settings/mail/inbox' });
        return r.json<{ lastError: string | null }>().lastError !== null;
      });
      await dovecot.start();
      await dovecot.append(eml({ subject: 'three' }));
      await dovecot.append(eml({ subject: 'four' }));
      await until('four tickets', async () => (await ticketCount(w)) === 4, 30_000);

      const subjects = await w.t.services.db.kysely
        .selectFrom('tickets')
        .select('subject')
        .orderBy('id')
        .execute();
      expect(subjects.map((s) => s.subject)).toEqual(['one', 'two', 'three', 'four']);
      expect(await inboundRows(w)).toHaveLength(4);
    });
  });
}
