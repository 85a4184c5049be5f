import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { PortalRepository } from './portal.repository.js';

/** `YYYY-MM` of an instant, UTC: the quota's period. */
export const quotaMonth = (d: Date) => d.toISOString().slice(0, 7);

/** Seconds until the first instant of the next UTC month, for Retry-After. */
function secondsToNextMonth(d: Date): number {
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Math.max(1, Math.ceil((next - d.getTime()) / 1000));
}

/**
 * Tickets per client address per month (setting portal.ticketsPerIpPerMonth; 0 means no limit). Counted in
 * the creation transaction: a refused or failed creation rolls its count back, and concurrent creations
 * from one address all count (the upsert serializes them on the row).
 */
export function createPortalQuota(deps: {
  repo: PortalRepository;
  settings: Pick<SettingsService, 'get'>;
  clock: Clock;
}) {
  const { repo, settings, clock } = deps;
  return {
    async count(trx: Kysely<Database>, ip: string): Promise<void> {
      const limit = await settings.get('portal.ticketsPerIpPerMonth');
      if (limit === 0) return;
      const now = clock.now();
      const used = await repo.countTicket(trx, ip, quotaMonth(now));
      if (used > limit) {
        const retryAfter = secondsToNextMonth(now);
        throw new AppError(
          'portal_quota_exceeded',
          429,
          `No more than ${limit} tickets a month can be opened from one address; try again next month`,
          {
            details: { limit, retryAfterSeconds: retryAfter },
            headers: { 'retry-after': String(retryAfter) },
          },
        );
      }
    },
  };
}

export type PortalQuota = ReturnType<typeof createPortalQuota>;
