import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp.js';
import { createSmtpTransport, type MailTransport } from '../mail/mail.transport.js';
import { newTicket, userWith } from '../tickets/ticket.fixtures.js';
import {
  customerMessage,
  mailsTo,
  notificationsOf,
  patchMe,
  runJobs,
  useNotificationGroup,
} from './notification.fixtures.js';

const AGENT = ['ticket.read', 'ticket.write'] as const;

const to = (m: ParsedMail) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address;

for (const engine of ENGINES) {
  describe(`notification emails through a real SMTP server (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let sink: SmtpSink;
    let transport: MailTransport;
    let francoise: Session & { email: string };
    let edward: Session & { email: string };
    beforeAll(async () => {
      sink = await startSmtpSink();
      transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`);
      t = await createTestApp(engine, { mailTransport: transport });
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const withEmail = async (s: Session & { name: string }) => ({
        ...s,
        email: (await t.services.accounts.findUserById(s.userId))!.email,
      });
      francoise = await withEmail(await userWith(t, admin, [...AGENT], 'Françoise'));
      edward = await withEmail(await userWith(t, admin, [...AGENT], 'Edward'));
      await patchMe(francoise, { language: 'fr' });
      await patchMe(edward, { language: 'en' });
      await useNotificationGroup(admin, [francoise.userId, edward.userId]);
    });
    afterAll(async () => {
      await t.close();
      transport.close?.();
      await sink.close();
    });

    it('each member gets the email in their language, with the ref, a link to the ticket, HTML and text', async () => {
      const ticket = await newTicket(admin, { subject: 'Printer on fire' });
      await runJobs(t);
      const received = await sink.waitFor(2);
      const fr = received.find((m) => to(m) === francoise.email)!;
      const en = received.find((m) => to(m) === edward.email)!;
      const link = `http://guichet.test/tickets/${ticket.id}`;

      expect(fr.subject).toBe(`[${ticket.ref}] Nouveau ticket\u00a0: Printer on fire`);
      expect(fr.text).toContain(`${ADMIN.name} a ouvert le ticket ${ticket.ref}.`);
      expect(fr.text).toContain(`Ouvrir le ticket\u00a0: ${link}`);
      expect(fr.html).toContain(`href="${link}"`);
      expect(fr.html).toContain('lang="fr"');

      expect(en.subject).toBe(`[${ticket.ref}] New ticket: Printer on fire`);
      expect(en.text).toContain(`${ADMIN.name} opened ticket ${ticket.ref}.`);
      expect(en.text).toContain(`Open the ticket: ${link}`);
      expect(en.html).toContain(`href="${link}"`);
      expect(en.headers.get('auto-submitted')).toBe('auto-generated');
    });

    it('a customer message email quotes the start of the message, escaped in the HTML part', async () => {
      const ticket = await newTicket(admin, { subject: 'Invoice' });
      await runJobs(t);
      const before = sink.messages.length;
      await customerMessage(t, ticket.id, 'client@example.test', 'Is <b>this</b> & that paid?');
      await runJobs(t);
      const received = (await sink.waitFor(before + 2)).slice(before);
      const en = received.find((m) => to(m) === edward.email)!;

      expect(en.subject).toBe(`[${ticket.ref}] New message from the customer: Invoice`);
      expect(en.text).toContain('client@example.test wrote on ticket');
      expect(en.text).toContain('“Is <b>this</b> & that paid?”');
      expect(en.html).toContain('Is &#60;b&#62;this&#60;/b&#62; &#38; that paid?');
      expect(en.html).not.toContain('<b>this</b>');
    });

    it('a user who turned email off still sees the notification in the app but gets no email', async () => {
      expect((await patchMe(edward, { notifyByEmail: false })).notifyByEmail).toBe(false);
      const me = await edward.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json<{ user: { notifyByEmail: boolean } }>().user.notifyByEmail).toBe(false);
      const mailsBefore = (await mailsTo(t, edward.email)).length;
      const before = sink.messages.length;

      const ticket = await newTicket(admin, { subject: 'Quiet please' });
      await runJobs(t);
      await sink.waitFor(before + 1);

      expect((await notificationsOf(edward))[0]).toMatchObject({ ticketId: ticket.id, kind: 'created' });
      expect(await mailsTo(t, edward.email)).toHaveLength(mailsBefore);
      expect(sink.messages.slice(before).map(to)).toEqual([francoise.email]);

      await patchMe(edward, { notifyByEmail: true });
      await newTicket(admin, { subject: 'Loud again' });
      await runJobs(t);
      const again = (await sink.waitFor(before + 3)).slice(before + 1);
      expect(again.map(to).sort()).toEqual([edward.email, francoise.email].sort());
    });
  });
}
