import { addMs, iso, type Clock } from '../clock.js';
import { tooManyRequests } from '../http/errors.js';
import type { SessionRepository } from './session.repository.js';

/** Login throttling: per account and per client address, shared by every process through the database. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerIp: 30,
} as const;

export function throttleKeys(email: string, ip: string) {
  return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

export function createLoginThrottle(deps: { sessions: SessionRepository; clock: Clock }) {
  const { sessions, clock } = deps;
  return {
    /** Throws 429 with Retry-After when the account or the address is locked. */
    async check(keys: { account: string; ip: string }): Promise<void> {
      const now = clock.now();
      for (const key of [keys.account, keys.ip]) {
        const row = await sessions.findThrottle(key);
        if (row?.locked_until && row.locked_until > iso(now)) {
          const seconds = Math.max(
            1,
            Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000),
          );
          throw tooManyRequests(seconds, `Too many failed sign-in attempts; try again in ${seconds} s`);
        }
      }
    },

    async fail(keys: { account: string; ip: string }): Promise<void> {
      const now = clock.now();
      const windowStart = iso(addMs(now, -THROTTLE.windowMs));
      const lockUntil = iso(addMs(now, THROTTLE.lockMs));
      const accountFailures = await sessions.recordFailure(keys.account, iso(now), windowStart);
      if (accountFailures >= THROTTLE.maxPerAccount) await sessions.lock(keys.account, lockUntil);
      const ipFailures = await sessions.recordFailure(keys.ip, iso(now), windowStart);
      if (ipFailures >= THROTTLE.maxPerIp) await sessions.lock(keys.ip, lockUntil);
    },

    async succeed(keys: { account: string }): Promise<void> {
      await sessions.clearThrottle(keys.account);
    },
  };
}
