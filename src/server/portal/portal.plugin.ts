import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PORTAL_COOKIE, PORTAL_CSRF_HEADER } from '../../common/schemas/portal.schema.js';
import { AppError } from '../http/errors.js';
import type { PortalAccess } from './portal.access.js';
import type { PortalSessions, Visitor } from './portal.session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on portal routes only: the visitor's address and portal session. */
    portalVisitor: Visitor | null;
  }
  interface FastifyContextConfig {
    /** A portal route that answers even when the portal is disabled (GET /config). */
    portalAlwaysOpen?: boolean;
  }
}

export const PORTAL_PREFIX = '/api/v1/portal';

/** Requests per client address and minute (in-memory, per process); stricter where guessing pays. */
export const PORTAL_RATE_LIMITS = {
  default: { max: 300, timeWindow: 60_000 },
  /** Tracking key + address, signed links, personalized links: guessing must stay hopeless. */
  session: { max: 10, timeWindow: 60_000 },
  createTicket: { max: 20, timeWindow: 10 * 60_000 },
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function visitorOf(req: FastifyRequest): Visitor {
  if (!req.portalVisitor) throw new Error('portal route without its visitor hook');
  return req.portalVisitor;
}

/**
 * The plumbing every portal route shares, registered in the portal's own scope: public routes where staff
 * cookies play no part (no staff CSRF check, the actor is never read), the per-address rate limit, the
 * "portal disabled" answer, the CSRF header on changes, the portal session from its cookie, and that
 * cookie sent back when a service opened a session.
 */
export async function registerPortalPlumbing(
  scope: FastifyInstance,
  deps: { sessions: PortalSessions; access: PortalAccess; secureCookies: boolean },
): Promise<void> {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true, csrf: false };
  });
  await scope.register(rateLimit, {
    ...PORTAL_RATE_LIMITS.default,
    keyGenerator: (req) => req.ip,
  });
  await scope.register(multipart, {
    limits: { fieldNameSize: 100, fieldSize: 100, fields: 10, headerPairs: 100 },
    throwFileSizeLimit: false,
  });
  scope.decorateRequest('portalVisitor', null);

  scope.addHook('onRequest', async (req) => {
    if (!req.routeOptions.config.portalAlwaysOpen) await deps.access.requireEnabled();
    if (!SAFE_METHODS.has(req.method) && req.headers[PORTAL_CSRF_HEADER] !== '1') {
      throw new AppError('csrf_failed', 403, `Portal changes need the header X-Guichet-Portal: 1`);
    }
    req.portalVisitor = { ip: req.ip, session: await deps.sessions.resolve(req.cookies[PORTAL_COOKIE]) };
  });

  scope.addHook('onSend', async (req, reply) => {
    const cookie = req.portalVisitor?.newCookie;
    if (!cookie) return;
    void reply.setCookie(PORTAL_COOKIE, cookie.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: PORTAL_PREFIX,
      expires: cookie.expires,
    });
  });
}
