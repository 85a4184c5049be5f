import crypto from 'node:crypto';
import { randomSecret, sha256 } from '../auth/secrets.js';
import { addMs, iso, type Clock } from '../clock.js';
import type { PortalRepository } from './portal.repository.js';

/** A session expires after 12 h without use, and after 7 days in any case. */
export const PORTAL_SESSION_IDLE_MS = 12 * 3600 * 1000;
export const PORTAL_SESSION_MAX_MS = 7 * 24 * 3600 * 1000;
/** Sliding the expiry is a write: done at most this often per session. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface PortalSession {
  id: string;
  thirdpartyId: number | null;
  maxExpiresAt: string;
}

/**
 * Who is visiting the portal: the client address (rate limits, quota) and the portal session, if any.
 * A service that grants something opens a session; `newCookie` then tells the route to send its cookie.
 * Staff sessions play no part here: a portal visitor is never a staff user.
 */
export interface Visitor {
  ip: string;
  session: PortalSession | null;
  newCookie?: { value: string; expires: Date };
}

/** Portal sessions: server-side rows keyed by the SHA-256 of the cookie, sliding expiry with a cap. */
export function createPortalSessions(deps: { repo: PortalRepository; clock: Clock }) {
  const { repo, clock } = deps;

  return {
    /** The live session behind a cookie value, its expiry slid forward; null when unknown or expired. */
    async resolve(cookieValue: string | undefined): Promise<PortalSession | null> {
      if (!cookieValue || cookieValue.length > 200) return null;
      const id = sha256(cookieValue);
      const now = clock.now();
      const row = await repo.findSession(id, iso(now));
      if (!row) return null;
      if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
        const idle = addMs(now, PORTAL_SESSION_IDLE_MS);
        const expires = idle.toISOString() < row.max_expires_at ? iso(idle) : row.max_expires_at;
        await repo.touchSession(id, iso(now), expires);
      }
      return { id, thirdpartyId: row.thirdparty_id, maxExpiresAt: row.max_expires_at };
    },

    ensure,

    async grantTicket(visitor: Visitor, ticketId: number): Promise<void> {
      const session = await ensure(visitor);
      await repo.grantTicket(session.id, ticketId);
    },

    async grantThirdparty(visitor: Visitor, thirdpartyId: number): Promise<void> {
      const session = await ensure(visitor);
      await repo.setSessionThirdparty(session.id, thirdpartyId);
      session.thirdpartyId = thirdpartyId;
    },

    /** For the hourly housekeeping. */
    purgeExpired: () => repo.purgeExpired(iso(clock.now())),
  };

  /** The visitor's session, opened now when they have none (the route then sends the cookie). */
  async function ensure(visitor: Visitor): Promise<PortalSession> {
    if (visitor.session) return visitor.session;
    const value = randomSecret(32);
    const now = clock.now();
    const max = addMs(now, PORTAL_SESSION_MAX_MS);
    const row = {
      id: sha256(value),
      thirdparty_id: null,
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(addMs(now, PORTAL_SESSION_IDLE_MS)),
      max_expires_at: iso(max),
    };
    // Opening sessions is rare next to reading them: a good moment to drop the expired ones.
    if (crypto.randomInt(20) === 0) await repo.purgeExpired(iso(now));
    await repo.insertSession(row);
    visitor.session = { id: row.id, thirdpartyId: null, maxExpiresAt: row.max_expires_at };
    visitor.newCookie = { value, expires: max };
    return visitor.session;
  }
}

export type PortalSessions = ReturnType<typeof createPortalSessions>;
