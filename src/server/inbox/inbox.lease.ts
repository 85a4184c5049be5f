import { iso, type Clock } from '../clock.js';
import type { InboxRepository } from './inbox.repository.js';

/**
 * The collector's lease in the database: one collector per mailbox across every worker process, on both
 * engines. A holder renews it while connected; a crashed holder's lease runs out and another takes over.
 */
export function createCollectorLease(repo: InboxRepository, clock: Clock) {
  return {
    acquire(mailbox: string, owner: string, ttlMs: number): Promise<boolean> {
      const now = clock.now();
      return repo.acquireLease(mailbox, owner, iso(now), iso(new Date(now.getTime() + ttlMs)));
    },
    release: (mailbox: string, owner: string): Promise<void> => repo.releaseLease(mailbox, owner),
  };
}

/** What the collector tells the Email settings page. */
export function createCollectorReport(repo: InboxRepository) {
  return {
    checked: (mailbox: string, mode: 'idle' | 'poll', at: Date) => repo.reportChecked(mailbox, mode, iso(at)),
    failed: (mailbox: string, error: string, at: Date) =>
      repo.reportFailed(mailbox, error.slice(0, 1000), iso(at)),
  };
}

/** Our own sending addresses, lower-cased: mail from them coming back is a loop, never a customer. */
export function ownAddresses(...configured: (string | undefined | null)[]): string[] {
  const out = new Set<string>();
  for (const value of configured) {
    if (!value) continue;
    // `Support <support@example.com>` or a bare address.
    const m = /<([^<>\s]+@[^<>\s]+)>/.exec(value) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(value);
    if (m?.[1]) out.add(m[1].toLowerCase());
  }
  return [...out];
}
