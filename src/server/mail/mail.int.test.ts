import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createJobQueue, type JobQueue } from '../jobs/job.queue.js';
import { JobRunner } from '../jobs/job.runner.js';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp.js';
import { registerMailJobs } from './mail.jobs.js';
import { createMailService, type MailService, type QueueMailInput } from './mail.service.js';
import { createSmtpTransport, type MailTransport } from './mail.transport.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const config = loadConfig({ GUICHET_PUBLIC_URL: 'https://support.example.test/' });

const welcome: QueueMailInput = {
  to: 'Camille Client <camille@example.test>',
  subject: 'Votre demande n° 42 — reçue',
  text: 'Bonjour,\nnous avons bien reçu votre demande.',
  html: '<p>Bonjour,</p><p>nous avons bien reçu votre demande.</p>',
  headers: { 'X-Guichet-Ticket': '42' },
  inReplyTo: '<original@customer.example.test>',
  messageIdPrefix: 'ticket-42',
};

for (const engine of ENGINES) {
  describe(engine, () => {
    let t: TestDb;
    let clock: ManualClock;
    let jobs: JobQueue;
    let mail: MailService;
    let sink: SmtpSink;
    let transport: MailTransport;

    /** A runner wired as app.ts does, with a back-off short enough to step through. */
    const runnerWith = (tr: MailTransport | null) => {
      const runner = new JobRunner({ db: t.db, clock, pollMs: 10, logger: silent, backoffBaseMs: 1000 });
      registerMailJobs(runner, { mail, transport: tr });
      return runner;
    };
    const queue = (input: QueueMailInput = welcome) =>
      t.db.kysely.transaction().execute((trx) => mail.queue(trx, input));
    const jobOf = async (mailId: number) =>
      (await t.db.kysely.selectFrom('jobs').selectAll().execute()).filter(
        (j) => (JSON.parse(j.payload) as { mailId: number }).mailId === mailId,
      );

    beforeEach(async () => {
      t = await createTestDb(engine);
      clock = new ManualClock();
      jobs = createJobQueue(t.db, clock);
      mail = createMailService({ db: t.db, clock, jobs, config });
      sink = await startSmtpSink();
      transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`);
    });
    afterEach(async () => {
      transport.close?.();
      await sink.close();
      await t.cleanup();
    });

    it('queuing stores the mail as queued with a unique Message-ID on the public host, and enqueues its job', async () => {
      const a = await queue();
      const b = await queue();
      expect(a.messageId).toMatch(/^<ticket-42\.[A-Za-z0-9_-]+@support\.example\.test>$/);
      expect(b.messageId).not.toBe(a.messageId);
      const stored = await mail.get(a.id);
      expect(stored).toMatchObject({
        status: 'queued',
        attempts: 0,
        messageId: a.messageId,
        headers: { 'X-Guichet-Ticket': '42', 'Auto-Submitted': 'auto-generated' },
      });
      expect(await jobOf(a.id)).toMatchObject([{ name: 'mail.send', status: 'pending' }]);
    });

    it('a mail queued in a transaction that rolls back leaves neither mail nor job', async () => {
      await expect(
        t.db.kysely.transaction().execute(async (trx) => {
          await mail.queue(trx, welcome);
          throw new Error('the ticket change failed');
        }),
      ).rejects.toThrow('the ticket change failed');
      expect(await t.db.kysely.selectFrom('mails').select('id').execute()).toEqual([]);
      expect(await t.db.kysely.selectFrom('jobs').select('id').execute()).toEqual([]);
    });

    it('a queued mail reaches the SMTP server with subject, text and html parts, Message-ID and Auto-Submitted', async () => {
      const { id, messageId } = await queue();
      expect(await runnerWith(transport).runDue()).toBe(1);

      const [received] = await sink.waitFor(1);
      expect(received!.subject).toBe(welcome.subject);
      expect(received!.text?.trim()).toBe(welcome.text);
      expect(received!.html).toContain('<p>nous avons bien reçu votre demande.</p>');
      expect(received!.messageId).toBe(messageId);
      expect(received!.inReplyTo).toBe('<original@customer.example.test>');
      expect(received!.headers.get('auto-submitted')).toBe('auto-generated');
      expect(received!.headers.get('x-guichet-ticket')).toBe('42');
      expect(received!.from?.value[0]).toMatchObject({
        name: 'Guichet',
        address: 'no-reply@support.example.test',
      });
      expect(received!.to).toMatchObject({ value: [{ address: 'camille@example.test' }] });

      expect(await mail.get(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect((await mail.get(id))!.sentAt).toBe(clock.now().toISOString());
      expect(await jobOf(id)).toMatchObject([{ status: 'done' }]);
    });

    it('the From address comes from GUICHET_MAIL_FROM when set', async () => {
      const custom = loadConfig({
        GUICHET_PUBLIC_URL: 'https://x.test',
        GUICHET_MAIL_FROM: 'SAV <sav@shop.test>',
      });
      mail = createMailService({ db: t.db, clock, jobs, config: custom });
      await queue();
      await runnerWith(transport).runDue();
      const [received] = await sink.waitFor(1);
      expect(received!.from?.value[0]).toMatchObject({ name: 'SAV', address: 'sav@shop.test' });
    });

    it('a refusal by the SMTP server marks the mail retrying, and the next run sends it', async () => {
      sink.failNext(1);
      const { id } = await queue();
      const runner = runnerWith(transport);
      expect(await runner.runDue()).toBe(1);

      const retrying = await mail.get(id);
      expect(retrying).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(retrying!.lastError).toMatch(/451/);
      const [job] = await jobOf(id);
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
      expect(sink.messages).toHaveLength(0);

      clock.set(job!.run_at);
      expect(await runner.runDue()).toBe(1);
      await sink.waitFor(1);
      expect(await mail.get(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    });

    it('a mail whose delivery keeps failing ends failed with the last error once its job is dead', async () => {
      sink.failNext(100);
      const { id } = await queue();
      const runner = runnerWith(transport);
      for (let attempt = 1; attempt <= 8; attempt++) {
        expect(await runner.runDue()).toBe(1);
        const [job] = await jobOf(id);
        clock.set(job!.run_at);
      }
      const failed = await mail.get(id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 8 });
      expect(failed!.lastError).toMatch(/451/);
      expect(await jobOf(id)).toMatchObject([{ status: 'dead', attempts: 8 }]);
    });

    it('without a transport the mail stays queued and its job is never attempted', async () => {
      const { id } = await queue();
      expect(await runnerWith(null).runDue()).toBe(0);
      expect(await mail.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await jobOf(id)).toMatchObject([{ status: 'pending', attempts: 0 }]);

      // Once SMTP is configured (a restarted worker), the waiting mail goes out.
      expect(await runnerWith(transport).runDue()).toBe(1);
      await sink.waitFor(1);
      expect((await mail.get(id))!.status).toBe('sent');
    });

    it('a second job for a mail already sent does not send it again', async () => {
      const { id } = await queue();
      const runner = runnerWith(transport);
      await runner.runDue();
      await sink.waitFor(1);
      await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: id });
      expect(await runner.runDue()).toBe(1);
      expect(sink.messages).toHaveLength(1);
      expect(await mail.get(id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('header injection through the subject, the recipient or an extra header is refused', async () => {
      await expect(queue({ ...welcome, subject: 'Hi\r\nBcc: victim@example.test' })).rejects.toThrow(
        /single line/,
      );
      await expect(queue({ ...welcome, to: 'a@example.test\nBcc: b@example.test' })).rejects.toThrow(
        /recipient/,
      );
      await expect(
        queue({ ...welcome, headers: { 'X-Note': 'a\r\nBcc: c@example.test' } }),
      ).rejects.toThrow();
      await expect(queue({ ...welcome, headers: { Bcc: 'c@example.test' } })).rejects.toThrow(
        /cannot be set/,
      );
      expect(await t.db.kysely.selectFrom('mails').select('id').execute()).toEqual([]);
    });
  });
}
