import { afterEach, describe, expect, it } from 'vitest';
import type { PortalLinkInfo } from '../../common/schemas/portal.schema.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp.js';
import { userWith } from '../documents/document.test-helpers.js';
import { createSmtpTransport, type MailTransport } from '../mail/mail.transport.js';
import { newThirdparty } from '../tickets/ticket.fixtures.js';
import { errorCode, openPortalApp, visitor } from './portal.fixtures.js';

const tokenOf = (info: PortalLinkInfo) => decodeURIComponent(info.url?.split('/portal/c/')[1] ?? '');

for (const engine of ENGINES) {
  describe(`portal: the personalized link on the third-party page (${engine})`, () => {
    let t: TestApp | undefined;
    let sink: SmtpSink | undefined;
    let transport: MailTransport | undefined;
    afterEach(async () => {
      await t?.close();
      transport?.close?.();
      await sink?.close();
      t = undefined;
      sink = undefined;
      transport = undefined;
    });

    it('generate, show again, rotate (the old link stops working), revoke; each change audited', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const id = await newThirdparty(o.admin, 'Acme');
      const url = `/api/v1/thirdparties/${id}/portal-link`;

      const none = (await o.admin.request({ method: 'GET', url })).json<PortalLinkInfo>();
      expect(none).toEqual({ url: null, createdAt: null, text: { fr: '', en: '' } });

      const first = await o.admin.request({ method: 'POST', url });
      expect(first.statusCode, first.body).toBe(200);
      const info = first.json<PortalLinkInfo>();
      expect(info.url).toMatch(/^http:\/\/guichet\.test\/portal\/c\/[A-Za-z0-9_-]{43}$/);
      expect(info.text.fr).toContain(info.url);
      expect(info.text.fr).toContain('Acme');
      expect(info.text.en).toContain(info.url);
      // The page shows the same link later, to copy it again.
      expect((await o.admin.request({ method: 'GET', url })).json<PortalLinkInfo>().url).toBe(info.url);
      // It is not stored as is.
      const stored = await t.services.db.kysely
        .selectFrom('portal_links')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(tokenOf(info));

      const v = visitor(t);
      expect((await v.post('session/customer', { token: tokenOf(info) })).statusCode).toBe(200);
      expect((await v.get('customer')).statusCode).toBe(200);

      const rotated = (await o.admin.request({ method: 'POST', url })).json<PortalLinkInfo>();
      expect(rotated.url).not.toBe(info.url);
      const old = await visitor(t).post('session/customer', { token: tokenOf(info) });
      expect([old.statusCode, errorCode(old)]).toEqual([404, 'portal_link_not_found']);
      // The session the old link opened no longer sees the customer either.
      expect((await v.get('customer')).statusCode).toBe(404);
      expect((await visitor(t).post('session/customer', { token: tokenOf(rotated) })).statusCode).toBe(200);

      expect((await o.admin.request({ method: 'DELETE', url })).statusCode).toBe(204);
      expect((await visitor(t).post('session/customer', { token: tokenOf(rotated) })).statusCode).toBe(404);
      expect((await o.admin.request({ method: 'GET', url })).json<PortalLinkInfo>().url).toBeNull();
      expect((await o.admin.request({ method: 'DELETE', url })).statusCode).toBe(404);

      const audit = await t.services.audit.list({
        targetType: 'thirdparty',
        targetId: String(id),
        limit: 10,
      });
      expect(audit.map((a) => a.action).filter((a) => a.startsWith('portal_link.'))).toEqual([
        'portal_link.revoke',
        'portal_link.rotate',
        'portal_link.generate',
      ]);
    });

    it('thirdparty.read shows the link, thirdparty.write is needed to change it; unknown third party is a 404', async () => {
      const o = await openPortalApp(engine);
      t = o.t;
      const id = await newThirdparty(o.admin, 'Acme');
      const url = `/api/v1/thirdparties/${id}/portal-link`;
      await o.admin.request({ method: 'POST', url });
      const reader = await userWith(t, o.admin, 'Reader', ['thirdparty.read']);
      expect((await reader.request({ method: 'GET', url })).statusCode).toBe(200);
      expect((await reader.request({ method: 'POST', url })).statusCode).toBe(403);
      expect((await reader.request({ method: 'DELETE', url })).statusCode).toBe(403);
      expect((await reader.request({ method: 'POST', url: `${url}/send`, payload: {} })).statusCode).toBe(
        403,
      );
      const nobody = await userWith(t, o.admin, 'Nobody', []);
      expect((await nobody.request({ method: 'GET', url })).statusCode).toBe(403);
      const missing = await o.admin.request({
        method: 'GET',
        url: '/api/v1/thirdparties/999999/portal-link',
      });
      expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'thirdparty_not_found']);
    });

    it('"send by email" delivers the ready-to-send text to the customer through the mail queue', async () => {
      sink = await startSmtpSink();
      transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`);
      const o = await openPortalApp(engine, { mailTransport: transport });
      t = o.t;
      const id = await newThirdparty(o.admin, 'Acme');
      const url = `/api/v1/thirdparties/${id}/portal-link`;

      const noLink = await o.admin.request({
        method: 'POST',
        url: `${url}/send`,
        payload: { to: 'x@acme.example' },
      });
      expect([noLink.statusCode, errorCode(noLink)]).toEqual([404, 'portal_link_not_found']);
      const info = (await o.admin.request({ method: 'POST', url })).json<PortalLinkInfo>();
      const noAddress = await o.admin.request({ method: 'POST', url: `${url}/send`, payload: {} });
      expect(noAddress.statusCode).toBe(400);

      await o.admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${id}`,
        payload: { email: 'desk@acme.example' },
      });
      const both = await o.admin.request({ method: 'POST', url: `${url}/send`, payload: {} });
      expect(both.statusCode, both.body).toBe(202);
      expect(both.json()).toEqual({ to: 'desk@acme.example' });
      const en = await o.admin.request({
        method: 'POST',
        url: `${url}/send`,
        payload: { to: 'boss@acme.example', language: 'en' },
      });
      expect(en.statusCode).toBe(202);

      await t.services.runner.runDue();
      const [bilingual, english] = await sink.waitFor(2);
      const byRecipient = (m: typeof bilingual) =>
        m!.to && !Array.isArray(m!.to) ? m!.to.value[0]?.address : undefined;
      const mails = [bilingual, english].sort((a, b) =>
        String(byRecipient(a)).localeCompare(String(byRecipient(b))),
      );
      const [toBoss, toDesk] = mails;
      expect(byRecipient(toDesk)).toBe('desk@acme.example');
      expect(toDesk!.subject).toBe(
        'Votre lien vers notre portail d’assistance / Your link to our support portal',
      );
      expect(toDesk!.text).toContain('Bonjour');
      expect(toDesk!.text).toContain('Hello');
      expect(toDesk!.text).toContain(info.url);
      expect(byRecipient(toBoss)).toBe('boss@acme.example');
      expect(toBoss!.subject).toBe('Your link to our support portal');
      expect(toBoss!.text).not.toContain('Bonjour');
      expect(toBoss!.headers.get('auto-submitted')).toBe('auto-generated');
    });
  });
}
