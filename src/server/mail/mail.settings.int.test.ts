import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, userWith } from '../tickets/ticket.fixtures.js';
import {
  addressesOf,
  closedPort,
  customerTicket,
  drain,
  messageById,
  openMailWorld,
  patchSettings,
  postMessage,
  type MailWorld,
} from './mail.fixtures.js';

type ErrorAnswer = { error: { code: string; message: string; details?: { reason?: string } } };

for (const engine of ENGINES) {
  describe(engine, () => {
    let w: MailWorld;
    afterEach(async () => w?.close());

    const smtpSettings = (port: number) => ({
      'mail.smtp.host': '127.0.0.1',
      'mail.smtp.port': port,
      'mail.smtp.security': 'none',
      'mail.from': 'support@company.example',
      'mail.fromName': 'Support Dupont',
    });
    const testMail = (to: string) =>
      w.admin.request({ method: 'POST', url: '/api/v1/settings/mail/test', payload: { to } });

    it('the test email goes out through the SMTP settings, from the support address', async () => {
      w = await openMailWorld(engine, 'settings');
      const before = await testMail('ops@example.test');
      expect(before.statusCode).toBe(422);
      expect(before.json<ErrorAnswer>().error).toMatchObject({
        code: 'smtp_failed',
        details: { reason: 'not_configured' },
      });

      await patchSettings(w, smtpSettings(w.sink.port));
      const res = await testMail('ops@example.test');
      expect(res.statusCode, res.body).toBe(200);
      const [m] = await w.sink.waitFor(1);
      expect(addressesOf(m!)).toEqual(['ops@example.test']);
      expect(m!.subject).toBe('Guichet : email de test');
      expect(m!.from?.value[0]).toMatchObject({ name: 'Support Dupont', address: 'support@company.example' });
      expect(m!.replyTo?.value[0]?.address).toBe('support@company.example');
    });

    it('a test email to a server that refuses the connection answers 422 smtp_failed with the reason', async () => {
      w = await openMailWorld(engine, 'settings');
      await patchSettings(w, smtpSettings(await closedPort()));
      const res = await testMail('ops@example.test');
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorAnswer>().error.code).toBe('smtp_failed');
      expect(res.json<ErrorAnswer>().error.details?.reason).toMatch(/ECONNREFUSED/);
      const bad = await testMail('not an address');
      expect(bad.statusCode).toBe(400);
    });

    it('the SMTP password is stored sealed and the API only says whether it is set', async () => {
      w = await openMailWorld(engine, 'settings');
      await patchSettings(w, { 'mail.smtp.password': 'hunter2-secret' });
      const read = await w.admin.request({ method: 'GET', url: '/api/v1/settings' });
      expect(read.json<Record<string, unknown>>()['mail.smtp.password']).toBe(true);
      expect(read.body).not.toContain('hunter2');
      const row = await w.t.services.db.kysely
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'mail.smtp.password')
        .executeTakeFirstOrThrow();
      expect(row.value).not.toContain('hunter2');
      expect(w.t.services.secrets.open(JSON.parse(row.value) as string)).toBe('hunter2-secret');
      const audit = await w.t.services.db.kysely.selectFrom('audit_log').select('details').execute();
      expect(JSON.stringify(audit)).not.toContain('hunter2');
    });

    it('when SMTP refuses connections a message email retries, then fails with the reason, and the retry button sends it', async () => {
      w = await openMailWorld(engine, 'settings');
      await patchSettings(w, smtpSettings(await closedPort()));
      await w.t.services.mailTransports.refresh();
      const ticket = await newTicket(w.admin, { authorEmail: 'camille@example.test' });
      const msg = await postMessage(w, ticket.id, { body: '<p>Answer</p>', sendByEmail: true });
      await drain(w.t);
      const first = (await messageById(w, ticket.id, msg.id))!.delivery;
      expect(first).toMatchObject({ status: 'retrying', attempts: 1, sentAt: null });
      expect(first!.error).toMatch(/ECONNREFUSED/);

      const notFailed = await w.admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages/${msg.id}/retry-mail`,
      });
      expect(notFailed.statusCode).toBe(409);
      expect(notFailed.json<ErrorAnswer>().error.code).toBe('mail_not_failed');

      // Step the clock through every back-off until the job gives up.
      const k = w.t.services.db.kysely;
      for (let i = 0; i < 10; i++) {
        const job = await k
          .selectFrom('jobs')
          .select(['run_at', 'status'])
          .where('name', '=', 'mail.send')
          .executeTakeFirstOrThrow();
        if (job.status === 'dead') break;
        w.t.clock.set(new Date(job.run_at));
        await drain(w.t);
      }
      const failed = (await messageById(w, ticket.id, msg.id))!.delivery;
      expect(failed).toMatchObject({ status: 'failed', attempts: 8 });
      expect(failed!.error).toMatch(/ECONNREFUSED/);

      await patchSettings(w, smtpSettings(w.sink.port));
      await w.t.services.mailTransports.refresh();
      const retry = await w.admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages/${msg.id}/retry-mail`,
      });
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json<{ delivery: unknown }>().delivery).toMatchObject({ status: 'queued', attempts: 0 });
      await drain(w.t);
      const [m] = await w.sink.waitFor(1);
      expect(addressesOf(m!)).toEqual(['camille@example.test']);
      expect((await messageById(w, ticket.id, msg.id))!.delivery).toMatchObject({
        status: 'sent',
        error: null,
      });
    });

    it('retrying needs ticket.write, a message of that ticket, and answers 404 for an unknown one', async () => {
      w = await openMailWorld(engine);
      const ticket = await newTicket(w.admin);
      const reader = await userWith(w.t, w.admin, ['ticket.read']);
      const url = `/api/v1/tickets/${ticket.id}/messages/999999/retry-mail`;
      expect((await reader.request({ method: 'POST', url })).statusCode).toBe(403);
      const missing = await w.admin.request({ method: 'POST', url });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorAnswer>().error.code).toBe('message_not_found');
    });

    it('templates: defaults listed, bad ones refused with 400 and nothing saved, non-admins refused', async () => {
      w = await openMailWorld(engine);
      const get = await w.admin.request({ method: 'GET', url: '/api/v1/settings/mail/templates' });
      expect(get.statusCode).toBe(200);
      const body = get.json<{ placeholders: string[]; templates: { name: string; hasSubject: boolean }[] }>();
      expect(body.placeholders).toContain('customerName');
      expect(body.templates.map((t) => [t.name, t.hasSubject])).toEqual([
        ['confirmation', true],
        ['messageIntro', false],
        ['signature', false],
        ['assignNotice', true],
        ['closeNotice', true],
      ]);
      const audits = () =>
        w.t.services.db.kysely.selectFrom('audit_log').select('action').orderBy('id').execute();
      const auditsBefore = await audits();
      const put = (payload: unknown) =>
        w.admin.request({
          method: 'PUT',
          url: '/api/v1/settings/mail/templates',
          payload: payload as object,
        });
      for (const bad of [
        { confirmation: { fr: { subject: '', body: 'x' } } },
        { confirmation: { fr: { subject: 'two\nlines', body: 'x' } } },
        { confirmation: { fr: { subject: 'ok', body: '' } } },
        { confirmation: { de: { subject: 'ok', body: 'x' } } },
        { welcome: { fr: { subject: 'ok', body: 'x' } } },
        { signature: { fr: { subject: 'no subject here', body: 'x' } } },
      ]) {
        const res = await put(bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect(await audits()).toEqual(auditsBefore);

      const ok = await put({ signature: { en: { body: 'Cheers, {supportAddress}' } } });
      expect(ok.statusCode).toBe(200);
      expect(await audits()).toEqual([...auditsBefore, { action: 'settings.update' }]);

      const agent = await userWith(w.t, w.admin, ['ticket.read', 'ticket.write']);
      expect(
        (await agent.request({ method: 'GET', url: '/api/v1/settings/mail/templates' })).statusCode,
      ).toBe(403);
      const preview = await agent.request({
        method: 'POST',
        url: '/api/v1/settings/mail/preview',
        payload: { template: 'confirmation', language: 'fr' },
      });
      expect(preview.statusCode).toBe(403);
    });

    it('the preview renders a draft with sample data, and the intro inside a whole message mail', async () => {
      w = await openMailWorld(engine);
      const preview = (payload: object) =>
        w.admin.request({ method: 'POST', url: '/api/v1/settings/mail/preview', payload });
      const draft = await preview({
        template: 'closeNotice',
        language: 'en',
        subject: 'Done: {subject}',
        body: 'Dear {customerName}, {assigneeName} closed it ({status}). <3',
      });
      expect(draft.statusCode).toBe(200);
      expect(draft.json()).toMatchObject({
        subject: '[TS2611-0042] Done: Printer jammed on the 2nd floor',
        text: 'Dear Sam Taylor, Alex Morgan closed it (solved). <3\n',
      });
      expect(draft.json<{ html: string }>().html).toContain('closed it (solved). &lt;3');
      const intro = await preview({
        template: 'messageIntro',
        language: 'fr',
        body: 'Salut {customerName} !',
      });
      expect(intro.json<{ text: string }>().text).toMatch(
        /^Salut Camille Martin !\n\nNous avons commandé[\s\S]*Cordialement/,
      );
      expect((await preview({ template: 'nope', language: 'fr' })).statusCode).toBe(400);
    });

    it('mail waits while no SMTP is configured and goes out once the Email settings name a server', async () => {
      w = await openMailWorld(engine, 'settings');
      await customerTicket(w);
      await drain(w.t);
      const [mail] = await w.t.services.db.kysely
        .selectFrom('mails')
        .select(['status', 'attempts'])
        .execute();
      expect(mail).toEqual({ status: 'queued', attempts: 0 });
      await patchSettings(w, smtpSettings(w.sink.port));
      await w.t.services.mailTransports.refresh();
      await drain(w.t);
      const [m] = await w.sink.waitFor(1);
      expect(m!.from?.value[0]?.address).toBe('support@company.example');
    });
  });
}
