import type { JobRunner } from '../jobs/job.runner.js';
import type { MailService } from './mail.service.js';
import type { MailTransport } from './mail.transport.js';
import type { MailRoute, MailTransports } from './mail.transports.js';

/** What the send job needs of the transport resolution (mail.transports.ts). */
export type MailRouting = Pick<MailTransports, 'resolve' | 'isReady'>;

/** A fixed transport (tests, or none at all) with the mail service's default sender. */
export function fixedRouting(transport: MailTransport | null, from: string): MailRouting {
  const route: MailRoute | null = transport ? { transport, from, replyTo: null } : null;
  return { resolve: () => Promise.resolve(route), isReady: () => route !== null };
}

/**
 * Delivers queued mails. Without a transport (no SMTP configured) the jobs stay pending, untouched, and
 * go out once an SMTP server is configured (Email settings, or the environment and a restart).
 *
 * Delivery is at-least-once: if the process dies between the server's acceptance and markSent, the mail
 * is sent again on retry. The stable Message-ID lets receiving clients drop the duplicate.
 */
export function registerMailJobs(
  runner: JobRunner,
  deps: { mail: MailService; transport?: MailTransport | null; routing?: MailRouting },
): void {
  const { mail } = deps;
  const routing = deps.routing ?? fixedRouting(deps.transport ?? null, mail.from);
  runner.register(
    'mail.send',
    async ({ mailId }) => {
      const stored = await mail.get(mailId);
      // Gone (deleted with its ticket) or already delivered by an earlier run: nothing left to do.
      if (!stored || stored.status === 'sent') return;
      try {
        const route = await routing.resolve();
        if (!route) throw new Error('No mail transport configured');
        await route.transport.send(mail.toOutgoing(stored, route));
      } catch (err) {
        await mail.markRetrying(mailId, err instanceof Error ? err.message : String(err));
        throw err;
      }
      await mail.markSent(mailId);
    },
    {
      isReady: () => routing.isReady(),
      onDead: ({ mailId }, error) => mail.markFailed(mailId, error),
    },
  );
}
