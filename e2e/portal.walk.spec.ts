import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSink } from '../test/helpers/smtp.js';
import { launchBrowser, localPath, watchPageErrors, type RunningServer } from './helpers.js';
import {
  addressesOf,
  enablePortal,
  readCreated,
  startServerWithMail,
  waitForMail,
} from './portal.helpers.js';
import { apiLogin, writePng } from './tickets.helpers.js';

/**
 * Issue 4's "Done when", walked in Chromium once per language: a visitor opens a ticket on the portal with
 * an attachment, follows the link of the confirmation email, replies; an agent of the notification group
 * sees the bell count rise, answers by email and writes a private note the portal never shows; the
 * customer's personalized link lists the ticket. Mail is read from a real SMTP server.
 */

const AGENT = { email: 'nora@example.test', name: 'Nora Agent', password: 'nora horse battery' };

/** What each side reads, types and clicks, and what the mail must say, in each language. */
const WORDS = {
  fr: {
    locale: 'fr-FR',
    visitor: { name: 'Valérie Visiteur', email: 'valerie@acme.example' },
    subject: 'Le lecteur de badges de l’accueil est muet',
    description: 'Depuis ce matin, le lecteur de badges de l’accueil ne bipe plus.',
    file: 'lecteur.png',
    reply: 'Il clignote en rouge quand on présente un badge.',
    answer: 'Un technicien passe le remplacer demain à 9 h.',
    note: 'NOTE INTERNE : commander un lecteur de rechange.',
    portal: {
      open: /Ouvrir un ticket/,
      email: 'Adresse e-mail',
      name: 'Votre nom',
      subject: 'Objet',
      description: 'Description',
      attachments: 'Pièces jointes',
      submit: 'Envoyer le ticket',
      created: 'Votre ticket est créé',
      emailSent: (email: string) => `Un e-mail de confirmation a été envoyé à ${email}`,
      received: 'Reçu',
      download: (name: string) => `Télécharger ${name}`,
      replyLabel: 'Votre message',
      send: 'Envoyer',
      replySent: 'Votre message a été envoyé.',
      welcome: 'Espace client\u00a0: Acme Industries',
    },
    mail: {
      confirmation: (ref: string, subject: string) => `[${ref}] Demande reçue\u00a0: ${subject}`,
      greeting: 'Bonjour Valérie Visiteur',
      answerIntro: 'Voici une réponse à votre demande',
    },
    staff: {
      login: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
      bell: (n: number) =>
        n === 0 ? 'Notifications' : `Notifications\u00a0: ${n} non ${n === 1 ? 'lue' : 'lues'}`,
      wrote: (ref: string) => `Valérie Visiteur a écrit sur le ticket ${ref}`,
      composer: 'Répondre',
      message: 'Message',
      sendByEmail: 'Envoyer aussi par e-mail au client',
      send: 'Envoyer',
      kind: 'Type de message',
      privateNote: 'Note privée',
      note: 'Note interne',
      addNote: 'Ajouter la note',
      customers: 'Clients',
      portalLink: 'Lien du portail',
      generate: 'Générer le lien',
      linkField: 'Lien personnel',
    },
  },
  en: {
    locale: 'en-US',
    visitor: { name: 'Victor Visitor', email: 'victor@acme.example' },
    subject: 'The front desk badge reader is silent',
    description: 'Since this morning the front desk badge reader no longer beeps.',
    file: 'reader.png',
    reply: 'It blinks red when a badge is shown.',
    answer: 'A technician will replace it tomorrow at 9 am.',
    note: 'INTERNAL NOTE: order a spare reader.',
    portal: {
      open: /Open a ticket/,
      email: 'Email address',
      name: 'Your name',
      subject: 'Subject',
      description: 'Description',
      attachments: 'Attachments',
      submit: 'Send the ticket',
      created: 'Your ticket has been created',
      emailSent: (email: string) => `A confirmation email was sent to ${email}`,
      received: 'Received',
      download: (name: string) => `Download ${name}`,
      replyLabel: 'Your message',
      send: 'Send',
      replySent: 'Your message has been sent.',
      welcome: 'Customer space: Acme Industries',
    },
    mail: {
      confirmation: (ref: string, subject: string) => `[${ref}] Request received: ${subject}`,
      greeting: 'Hello Victor Visitor',
      answerIntro: 'Here is an answer to your request',
    },
    staff: {
      login: { email: 'Email address', password: 'Password', submit: 'Sign in' },
      bell: (n: number) => (n === 0 ? 'Notifications' : `Notifications: ${n} unread`),
      wrote: (ref: string) => `Victor Visitor wrote on ticket ${ref}`,
      composer: 'Reply',
      message: 'Message',
      sendByEmail: 'Also send it to the customer by email',
      send: 'Send',
      kind: 'Kind of message',
      privateNote: 'Private note',
      note: 'Internal note',
      addNote: 'Add the note',
      customers: 'Customers',
      portalLink: 'Portal link',
      generate: 'Generate link',
      linkField: 'Personal link',
    },
  },
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What one test opened, closed after it whatever happened. */
let opened: { server?: RunningServer; sink?: SmtpSink; contexts: BrowserContext[] } = { contexts: [] };
afterEach(async () => {
  for (const c of opened.contexts) await c.close();
  await opened.server?.close();
  await opened.sink?.close();
  opened = { contexts: [] };
});

async function newPage(locale: string): Promise<{ page: Page; errors: string[] }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  opened.contexts.push(context);
  const page = await context.newPage();
  return { page, errors: watchPageErrors(page) };
}

for (const language of ['fr', 'en'] as const) {
  const w = WORDS[language];

  describe(`issue 4, done when: the portal and mail walk in ${language === 'fr' ? 'French' : 'English'}`, () => {
    it('a visitor opens a ticket with a file, follows the emailed link and replies; an agent of the notification group sees the bell rise, answers by email, writes a private note the portal never shows; the personalized link lists the ticket', async () => {
      const { server, sink } = await startServerWithMail();
      opened.server = server;
      opened.sink = sink;
      const { baseUrl, testApp } = server;
      const runJobs = () => testApp.services.runner.runDue();
      const mailsTo = (address: string) =>
        sink.messages.filter((m) => addressesOf(m.to).includes(address.toLowerCase()));

      // Seeded through the API as an administrator would: the portal on, a customer whose contact has the
      // visitor's address, an agent in the group the notifications go to.
      const admin = await apiLogin(baseUrl);
      await enablePortal(admin);
      const acme = await admin.call<{ id: number }>('POST', '/thirdparties', {
        name: 'Acme Industries',
        email: 'it@acme.example',
      });
      await admin.call('POST', '/contacts', { thirdpartyId: acme.id, ...w.visitor });
      const group = await admin.call<{ id: number }>('POST', '/groups', {
        name: 'Support',
        permissions: ['ticket.read', 'ticket.write', 'thirdparty.read', 'thirdparty.write'],
      });
      await admin.call('POST', '/users', { ...AGENT, language, groupIds: [group.id] });
      await admin.call('PATCH', '/settings', { 'notifications.groupId': group.id });

      // 1. The visitor opens a ticket on the portal, with a file; the browser's language is the portal's.
      const visitor = await newPage(w.locale);
      const v = visitor.page;
      await v.goto(`${baseUrl}/portal`);
      await v.getByRole('link', { name: w.portal.open }).click();
      expect(await v.locator('html').getAttribute('lang')).toBe(language);
      await v.getByLabel(w.portal.email).fill(w.visitor.email);
      await v.getByLabel(w.portal.name).fill(w.visitor.name);
      await v.getByLabel(w.portal.subject).fill(w.subject);
      await v.getByLabel(w.portal.description).fill(w.description);
      await v.getByLabel(w.portal.attachments).setInputFiles(writePng(w.file));
      await v.getByRole('button', { name: w.portal.submit }).click();
      await v.getByRole('heading', { name: w.portal.created }).waitFor();
      const { ref, trackId } = await readCreated(v);
      expect(ref).toMatch(/^TS\d{4}-\d{4,}$/);
      expect(trackId.length).toBeGreaterThan(6);
      expect(await v.getByText(w.portal.emailSent(w.visitor.email)).isVisible()).toBe(true);

      // 2. The confirmation reaches the visitor, in the visitor's language, with the ref in the subject.
      await runJobs();
      const confirmation = await waitForMail(sink, (m) => addressesOf(m.to).includes(w.visitor.email));
      expect(confirmation.subject).toBe(w.mail.confirmation(ref, w.subject));
      expect(confirmation.text).toContain(w.mail.greeting);
      expect(confirmation.text).toContain(trackId);
      expect(confirmation.headers.get('auto-submitted')).toBe('auto-generated');
      expect(confirmation.messageId).toMatch(/^<.+@.+>$/);
      const link = /https?:\/\/\S+\/portal\/t\/\S+/.exec(confirmation.text ?? '')?.[0];
      if (!link) throw new Error(`no ticket link in the confirmation:\n${confirmation.text}`);
      expect(confirmation.html || '').toContain(link.replace(/&/g, '&amp;'));

      // The agent signs in (second browser); the bell already counts the new ticket.
      const agent = await newPage(w.locale);
      const a = agent.page;
      // The bell polls every 30 s: a controllable clock lets the test skip the wait, not the polling.
      await a.clock.install();
      await a.goto(`${baseUrl}/login`);
      await a.getByLabel(w.staff.login.email).fill(AGENT.email);
      await a.getByLabel(w.staff.login.password, { exact: true }).fill(AGENT.password);
      await a.getByRole('button', { name: w.staff.login.submit }).click();
      const bell = a.getByRole('button', { name: /^Notifications/ });
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe(w.staff.bell(1));
      const unreadBefore = 1;

      // 3. The emailed link alone (no portal cookie left) opens the ticket with its file; the visitor replies.
      await v.context().clearCookies();
      await v.goto(`${baseUrl}${localPath(link)}`);
      await v.getByRole('heading', { name: w.subject }).waitFor();
      expect(new URL(v.url()).pathname).toBe(`/portal/t/${trackId}`);
      expect(new URL(v.url()).search).toBe('');
      expect(await v.getByText(w.portal.received, { exact: true }).isVisible()).toBe(true);
      await v
        .getByRole('link', { name: new RegExp(escape(w.portal.download(w.file))) })
        .first()
        .waitFor();
      await v.getByLabel(w.portal.replyLabel).fill(w.reply);
      await v.getByRole('button', { name: w.portal.send, exact: true }).click();
      await v.getByText(w.portal.replySent).waitFor();
      await v.locator('.message-customer', { hasText: w.reply }).waitFor();

      // 4. The customer's message reaches the agent's bell: the count rises.
      await runJobs();
      await a.clock.fastForward(31_000);
      await expect
        .poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 })
        .toBe(w.staff.bell(unreadBefore + 1));

      // 5. From the bell to the ticket; the agent answers with "send by email" ticked.
      await bell.click();
      await a.getByRole('button', { name: new RegExp(escape(w.staff.wrote(ref))) }).click();
      await a.getByRole('heading', { name: w.subject, level: 1 }).waitFor();
      await a.getByRole('article').filter({ hasText: w.reply }).waitFor();
      const composer = a.getByRole('form', { name: w.staff.composer });
      await composer.getByRole('textbox', { name: w.staff.message }).click();
      await a.keyboard.type(w.answer);
      await composer.getByRole('checkbox', { name: w.staff.sendByEmail }).check();
      await composer.getByRole('button', { name: w.staff.send, exact: true }).click();
      await a.getByRole('article').filter({ hasText: w.answer }).waitFor();

      await runJobs();
      const answer = await waitForMail(
        sink,
        (m) => addressesOf(m.to).includes(w.visitor.email) && (m.text ?? '').includes(w.answer),
      );
      expect(answer.subject).toBe(`[${ref}] ${w.subject}`);
      expect(answer.text).toContain(w.mail.answerIntro);
      expect(answer.inReplyTo).toBe(confirmation.messageId);
      expect([answer.references].flat()).toContain(confirmation.messageId);
      expect(answer.messageId).not.toBe(confirmation.messageId);

      // 6. A private note: the staff see it, the portal never does.
      await composer.getByRole('radiogroup', { name: w.staff.kind }).getByText(w.staff.privateNote).click();
      await composer.getByRole('textbox', { name: w.staff.note }).click();
      await a.keyboard.type(w.note);
      await composer.getByRole('button', { name: w.staff.addNote }).click();
      await a.getByRole('article').filter({ hasText: w.note }).waitFor();
      await runJobs();

      await v.reload();
      await v.getByRole('heading', { name: w.subject }).waitFor();
      await v.getByText(w.answer).waitFor();
      await v.getByText(w.reply).waitFor();
      expect(await v.getByText(w.note).count()).toBe(0);
      expect(await v.content()).not.toContain(w.note);
      // The customer got the confirmation and the answer, nothing else (no note by mail).
      expect(mailsTo(w.visitor.email).map((m) => m.messageId)).toEqual([
        confirmation.messageId,
        answer.messageId,
      ]);

      // 7. The agent makes the customer's personalized link on its page; it lists the visitor's ticket.
      await a.getByRole('navigation').getByRole('link', { name: w.staff.customers }).click();
      await a.getByRole('link', { name: 'Acme Industries' }).click();
      const panel = a.getByRole('region', { name: w.staff.portalLink });
      await panel.getByRole('button', { name: w.staff.generate }).click();
      const personal = await panel.getByRole('textbox', { name: w.staff.linkField }).inputValue();
      expect(personal).toMatch(/\/portal\/c\/\S+$/);

      await v.context().clearCookies();
      await v.goto(`${baseUrl}${localPath(personal)}`);
      await v.getByRole('heading', { name: w.portal.welcome }).waitFor();
      await v.getByRole('link', { name: new RegExp(escape(w.subject)) }).waitFor();

      expect(visitor.errors).toEqual([]);
      expect(agent.errors).toEqual([]);
    });
  });
}
