import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.js';
import { act, historyOf, newTicket, ticketApi, userWith } from '../tickets/ticket.fixtures.js';
import {
  addressesOf,
  customerTicket,
  drain,
  messageById,
  newCustomer,
  openMailWorld,
  patchSettings,
  postMessage,
  type MailWorld,
} from './mail.fixtures.js';

for (const engine of ENGINES) {
  describe(engine, () => {
    let w: MailWorld;
    afterEach(async () => w?.close());

    it('a ticket opened on the portal gets a French confirmation with [ref], its signed link, both parts, Auto-Submitted and a ticket Message-ID', async () => {
      w = await openMailWorld(engine);
      const ticket = await customerTicket(w);
      await drain(w.t);

      const [m] = await w.sink.waitFor(1);
      expect(addressesOf(m!)).toEqual(['camille@example.test']);
      expect(m!.subject).toBe(`[${ticket.ref}] Demande reçue\u00a0: Printer on fire`);
      expect(m!.headers.get('auto-submitted')).toBe('auto-generated');
      expect(m!.messageId).toMatch(new RegExp(`^<ticket-${ticket.id}\\.[^@]+@guichet\\.test>$`));
      const link = /http:\/\/guichet\.test\/portal\/t\/([A-Za-z0-9]+)\?sig=([A-Za-z0-9_-]+)/.exec(
        m!.text ?? '',
      );
      expect(link?.[1]).toBe(ticket.trackId);
      expect(w.t.services.portalLinks.verifyTicketSignature(ticket.trackId, link![2]!)).toBe(true);
      expect(m!.text).toContain(`Votre clé de suivi\u00a0: ${ticket.trackId}`);
      expect(m!.html).toContain(`<a href="http://guichet.test/portal/t/${ticket.trackId}?sig=`);
      expect(m!.html).toContain('Bonjour camille@example.test,');

      const sent = (await historyOf(w.admin, ticket.id)).filter((h) => h.kind === 'email_sent');
      expect(sent).toMatchObject([
        { actor: { type: 'system' }, details: { to: 'camille@example.test', template: 'confirmation' } },
      ]);
    });

    it('the confirmation is in English when the customer wrote in English', async () => {
      w = await openMailWorld(engine);
      const ticket = await customerTicket(w, { origin: 'email', language: 'en' });
      await drain(w.t);
      const [m] = await w.sink.waitFor(1);
      expect(m!.subject).toBe(`[${ticket.ref}] Request received: Printer on fire`);
      expect(m!.text).toContain(`Your tracking key: ${ticket.trackId}`);
    });

    it('a ticket recorded by staff gets no confirmation, even with a reporter address', async () => {
      w = await openMailWorld(engine);
      const ticket = await newTicket(w.admin, { authorEmail: 'camille@example.test' });
      await drain(w.t);
      expect(w.sink.messages).toHaveLength(0);
      expect((await historyOf(w.admin, ticket.id)).some((h) => h.kind === 'email_sent')).toBe(false);
    });

    it('a staff message sent by email goes to the contact, wrapped in intro and signature, threaded on the confirmation', async () => {
      w = await openMailWorld(engine);
      const customer = await newCustomer(w, {
        thirdpartyEmail: 'office@dupont.test',
        contactEmail: 'camille.m@dupont.test',
      });
      const ticket = await customerTicket(w, { customer });
      await drain(w.t);
      const [confirmation] = await w.sink.waitFor(1);
      expect(addressesOf(confirmation!)).toEqual(['camille@example.test']);

      const msg = await postMessage(w, ticket.id, {
        body: '<p>The <b>part</b> is ordered.</p>',
        sendByEmail: true,
      });
      expect(msg.delivery).toEqual({ status: 'queued', error: null, attempts: 0, sentAt: null });
      await drain(w.t);
      const [, m] = await w.sink.waitFor(2);
      expect(addressesOf(m!)).toEqual(['camille.m@dupont.test']);
      expect(m!.subject).toBe(`[${ticket.ref}] Printer on fire`);
      expect(m!.inReplyTo).toBe(confirmation!.messageId);
      expect(m!.messageId).toMatch(new RegExp(`^<ticket-${ticket.id}\\.`));
      expect(m!.text).toMatch(
        /Bonjour Camille Martin,[\s\S]*Voici une réponse[\s\S]*The part is ordered\.[\s\S]*Cordialement/,
      );
      expect(m!.html).toContain('<p>The <b>part</b> is ordered.</p>');
      expect(m!.headers.get('auto-submitted')).toBe('auto-generated');

      const after = await messageById(w, ticket.id, msg.id);
      expect(after!.delivery).toMatchObject({ status: 'sent', error: null, attempts: 1 });
      expect(after!.delivery!.sentAt).not.toBeNull();
      const sent = (await historyOf(w.admin, ticket.id)).filter((h) => h.kind === 'email_sent');
      expect(sent.at(-1)).toMatchObject({ details: { template: 'message', messageId: msg.id } });
    });

    it('without a contact the message goes to the reporter, and without either to the third party', async () => {
      w = await openMailWorld(engine);
      const reported = await newTicket(w.admin, { authorEmail: 'reporter@example.test' });
      await postMessage(w, reported.id, { body: '<p>One</p>', sendByEmail: true });
      const { thirdpartyId } = await newCustomer(w, { thirdpartyEmail: 'office@dupont.test' });
      const company = await newTicket(w.admin, { thirdpartyId });
      await postMessage(w, company.id, { body: '<p>Two</p>', sendByEmail: true });
      await drain(w.t);
      const got = await w.sink.waitFor(2);
      const bySubject = Object.fromEntries(got.map((m) => [m.text?.includes('One') ? 'one' : 'two', m]));
      expect(addressesOf(bySubject.one!)).toEqual(['reporter@example.test']);
      expect(addressesOf(bySubject.two!)).toEqual(['office@dupont.test']);
    });

    it('a message by email on a ticket with no customer address is failed with no_recipient', async () => {
      w = await openMailWorld(engine);
      const ticket = await newTicket(w.admin);
      const msg = await postMessage(w, ticket.id, { body: '<p>Hello?</p>', sendByEmail: true });
      await drain(w.t);
      expect(w.sink.messages).toHaveLength(0);
      expect((await messageById(w, ticket.id, msg.id))!.delivery).toMatchObject({
        status: 'failed',
        error: 'no_recipient',
      });
      const retry = await w.admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages/${msg.id}/retry-mail`,
      });
      expect(retry.statusCode).toBe(422);
      expect(retry.json<{ error: { code: string } }>().error.code).toBe('no_recipient');
    });

    it('a private note and a message without "send by email" send nothing', async () => {
      w = await openMailWorld(engine);
      const ticket = await newTicket(w.admin, { authorEmail: 'camille@example.test' });
      const note = await postMessage(w, ticket.id, {
        body: '<p>Internal</p>',
        private: true,
        sendByEmail: true,
      });
      const quiet = await postMessage(w, ticket.id, { body: '<p>Public</p>' });
      await drain(w.t);
      expect(w.sink.messages).toHaveLength(0);
      expect(note.delivery).toBeNull();
      expect((await messageById(w, ticket.id, quiet.id))!.delivery).toBeNull();
      expect(await w.t.services.db.kysely.selectFrom('mails').select('id').execute()).toEqual([]);
    });

    it('assignment sends a notice naming the assignee only when the setting is on', async () => {
      w = await openMailWorld(engine);
      const agent = await userWith(w.t, w.admin, ['ticket.read', 'ticket.write'], 'Léa Moreau');
      const ticket = await newTicket(w.admin, { authorEmail: 'camille@example.test' });
      // The assignee's own notification (notifications domain) may reach the sink too: count the customer's.
      const toCustomer = () => w.sink.messages.filter((m) => addressesOf(m).includes('camille@example.test'));
      await act(ticketApi(w.admin), ticket.id, 'assign', { userId: agent.userId });
      await drain(w.t);
      expect(toCustomer()).toHaveLength(0);

      await patchSettings(w, { 'mail.noticeOnAssign': true });
      await act(ticketApi(w.admin), ticket.id, 'assign', { userId: null });
      await act(ticketApi(w.admin), ticket.id, 'assign', { userId: agent.userId });
      await drain(w.t);
      await expect.poll(() => toCustomer().length).toBe(1);
      const [m] = toCustomer();
      expect(m!.subject).toBe(`[${ticket.ref}] Votre demande est prise en charge`);
      expect(m!.text).toContain('est maintenant suivie par Léa Moreau.');
    });

    it('closing with "notify the customer" sends the close notice, in English, with the resolution', async () => {
      w = await openMailWorld(engine);
      const quiet = await customerTicket(w, { language: 'en', origin: 'email' });
      const noisy = await customerTicket(w, { language: 'en', origin: 'email' });
      await drain(w.t);
      await w.sink.waitFor(2);
      await act(ticketApi(w.admin), quiet.id, 'close', { resolution: 'solved', notifyCustomer: false });
      await act(ticketApi(w.admin), noisy.id, 'close', { resolution: 'solved', notifyCustomer: true });
      await drain(w.t);
      expect(w.sink.messages).toHaveLength(3);
      const m = w.sink.messages[2]!;
      expect(m.subject).toBe(`[${noisy.ref}] Request closed: Printer on fire`);
      expect(m.text).toContain('is closed: solved.');
      expect(m.inReplyTo).toMatch(new RegExp(`^<ticket-${noisy.id}\\.`));
    });

    it('an edited template fills its placeholders, escapes them in HTML, keeps unknown ones and the [ref]', async () => {
      w = await openMailWorld(engine);
      const put = await w.admin.request({
        method: 'PUT',
        url: '/api/v1/settings/mail/templates',
        payload: {
          confirmation: {
            fr: { subject: 'Reçu {subject} pour {customerName}', body: 'Clé {trackId} — {subject} — {oops}' },
          },
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      const ticket = await customerTicket(w, { subject: 'Écran <noir> & "froid"' });
      await drain(w.t);
      const [m] = await w.sink.waitFor(1);
      expect(m!.subject).toBe(`[${ticket.ref}] Reçu Écran <noir> & "froid" pour camille@example.test`);
      expect(m!.text?.trim()).toBe(`Clé ${ticket.trackId} — Écran <noir> & "froid" — {oops}`);
      expect(m!.html).toContain('Écran &lt;noir&gt; &amp; &quot;froid&quot; — {oops}');
    });

    it('a ticket-event job that runs twice sends its mail once', async () => {
      w = await openMailWorld(engine);
      const ticket = await customerTicket(w);
      await postMessage(w, ticket.id, { body: '<p>Once</p>', sendByEmail: true });
      await drain(w.t);
      await w.sink.waitFor(2);
      // The same jobs run again, as after a crash between the mail's commit and the job's completion.
      await w.t.services.db.kysely
        .updateTable('jobs')
        .set({ status: 'pending', locked_at: null, locked_by: null })
        .where('name', '=', 'mail.ticketEvent')
        .execute();
      await drain(w.t);
      await new Promise((r) => setTimeout(r, 100));
      expect(w.sink.messages).toHaveLength(2);
      expect((await historyOf(w.admin, ticket.id)).filter((h) => h.kind === 'email_sent')).toHaveLength(2);
    });
  });
}
