import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp.js';
import { createSmtpTransport, type MailTransport } from './mail.transport.js';

for (const engine of ENGINES) {
  describe(engine, () => {
    let app: TestApp | undefined;
    let sink: SmtpSink | undefined;
    let transport: MailTransport | undefined;

    afterEach(async () => {
      await app?.close();
      transport?.close?.();
      await sink?.close();
    });

    it('the services built by app.ts deliver a queued mail through the configured transport', async () => {
      sink = await startSmtpSink();
      transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`);
      app = await createTestApp(engine, { withAdmin: false, mailTransport: transport });
      const { mail, runner, db } = app.services;

      const { id, messageId } = await db.kysely
        .transaction()
        .execute((trx) => mail.queue(trx, { to: 'someone@example.test', subject: 'Wired', text: 'Hello' }));
      expect(await runner.runDue()).toBe(1);

      const [received] = await sink.waitFor(1);
      expect(received).toMatchObject({ subject: 'Wired', messageId });
      expect(received!.from?.value[0]?.address).toBe('no-reply@guichet.test');
      expect((await mail.get(id))!.status).toBe('sent');
    });
  });
}
