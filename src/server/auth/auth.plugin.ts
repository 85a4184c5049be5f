import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, unauthenticated } from '../http/errors.js';
import type { Actor } from './actor.js';
import { SESSION_COOKIE, type AuthService, type NewSession } from './auth.service.js';
import { safeEqual } from './secrets.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in user (login, setup, health). */
    public?: boolean;
    /** Set to false on routes that open a session, where no CSRF token can exist yet. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every request before validation: a Bearer token (no CSRF needed), else the
 * session cookie (changes need the session's CSRF token in X-CSRF-Token). API routes need an actor
 * unless marked public.
 */
export function registerAuthPlugin(
  app: FastifyInstance,
  deps: { auth: AuthService; secureCookies: boolean },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1])
        throw new AppError('unauthenticated', 401, 'The Authorization header must be "Bearer <token>"');
      req.actor = await deps.auth.resolveToken(match[1]);
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      req.actor = await deps.auth.resolveSession(cookie);
      if (!req.actor) clearSessionCookie(reply, deps.secureCookies);
      else if (!SAFE_METHODS.has(req.method) && config.csrf !== false) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !req.actor.csrfToken || !safeEqual(sent, req.actor.csrfToken)) {
          throw new AppError('csrf_invalid', 403, 'Missing or invalid X-CSRF-Token header');
        }
      }
    }
    const isApiRoute = req.routeOptions.url?.startsWith('/api/v1/') ?? false;
    if (isApiRoute && !config.public && !req.actor) throw unauthenticated();
  });
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
