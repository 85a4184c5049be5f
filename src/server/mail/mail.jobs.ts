import type { JobRunner } from '../jobs/job.runner.js';
import type { MailService } from './mail.service.js';
import type { MailTransport } from './mail.transport.js';

/**
 * Delivers queued mails. Without a transport (no SMTP configured) the jobs stay pending, untouched, and
 * go out once an SMTP server is configured and the worker restarted.
 *
 * Delivery is at-least-once: if the process dies between the server's acceptance and markSent, the mail
 * is sent again on retry. The stable Message-ID lets receiving clients drop the duplicate.
 */
export function registerMailJobs(
  runner: JobRunner,
  deps: { mail: MailService; transport: MailTransport | null },
): void {
  const { mail, transport } = deps;
  runner.register(
    'mail.send',
    async ({ mailId }) => {
      if (!transport) throw new Error('No mail transport configured');
      const stored = await mail.get(mailId);
      // Gone (deleted with its ticket) or already delivered by an earlier run: nothing left to do.
      if (!stored || stored.status === 'sent') return;
      try {
        await transport.send(mail.toOutgoing(stored));
      } catch (err) {
        await mail.markRetrying(mailId, err instanceof Error ? err.message : String(err));
        throw err;
      }
      await mail.markSent(mailId);
    },
    {
      isReady: () => transport !== null,
      onDead: ({ mailId }, error) => mail.markFailed(mailId, error),
    },
  );
}
