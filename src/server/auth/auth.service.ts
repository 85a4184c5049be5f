import type { Language } from '../../common/languages.js';
import type { Permission } from '../../common/permissions.js';
import type { ApiToken } from '../../common/schemas/auth.schema.js';
import { addMs, iso, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import type { AccountRepository } from './account.repository.js';
import { requireActor, type Actor } from './actor.js';
import { hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';
import type { SessionRepository } from './session.repository.js';
import { createLoginThrottle, THROTTLE, throttleKeys } from './throttle.js';

export const SESSION_COOKIE = 'guichet_session';
export const TOKEN_PREFIX = 'gch_';
const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
const SESSION_TOUCH_MS = 5 * 60 * 1000;
const TOKEN_TOUCH_MS = 60 * 1000;
export const SETUP_LINK_TTL_MS = 24 * 3600 * 1000;
export const PASSWORD_LINK_TTL_MS = 72 * 3600 * 1000;

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'Invalid email or password');

/**
 * Authentication: sign-in and sessions, personal API tokens, one-time links. It answers "who is this
 * request?"; what they may do is in the permissions it loads.
 */
export function createAuthService(deps: {
  db: Db;
  accounts: AccountRepository;
  sessions: SessionRepository;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
}) {
  const { accounts, sessions, clock, config } = deps;
  const throttle = createLoginThrottle({ sessions, clock });

  /** `granted`: the permissions when the caller read them with the user (the per-request lookups do). */
  async function actorFor(
    user: UserRow,
    via: Actor['via'],
    extra: Partial<Actor> = {},
    granted?: readonly Permission[],
  ): Promise<Actor> {
    return {
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language as Language,
      permissions: new Set(granted ?? (await accounts.permissionsOf(user.id))),
      via,
      ...extra,
    };
  }

  async function openSession(user: UserRow, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const now = clock.now();
    const cookieValue = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = iso(addMs(now, SESSION_IDLE_MS));
    await sessions.insertSession({
      id: sha256(cookieValue),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: expiresAt,
    });
    return { cookieValue, csrfToken, expiresAt, user };
  }

  async function issueOneTimeLink(
    purpose: 'setup' | 'set_password',
    userId: number | null,
    path: string,
    ttlMs: number,
    ex = deps.db.kysely,
  ) {
    const now = clock.now();
    const secret = randomSecret();
    await sessions.expireOneTimeTokens(purpose, userId, iso(now), ex);
    const expiresAt = iso(addMs(now, ttlMs));
    await sessions.insertOneTimeToken(
      { purpose, user_id: userId, token_hash: sha256(secret), created_at: iso(now), expires_at: expiresAt },
      ex,
    );
    return { link: `${config.publicUrl}${path}?token=${secret}`, expiresAt };
  }

  return {
    /** Same answer for an unknown email and a wrong password; throttled per account and per address. */
    async login(input: {
      email: string;
      password: string;
      ip: string;
      userAgent?: string;
    }): Promise<NewSession> {
      const keys = throttleKeys(input.email, input.ip);
      await throttle.check(keys);
      const user = await accounts.findUserByEmail(input.email);
      const ok = await verifyPassword(user?.password_hash, input.password);
      if (!user || !ok) {
        await throttle.fail(keys);
        throw invalidCredentials();
      }
      if (!user.active) throw new AppError('account_inactive', 403, 'This account is deactivated');
      await throttle.succeed(keys);
      return openSession(user, input);
    },

    openSession,

    async logout(actor: Actor): Promise<void> {
      if (actor.sessionId) await sessions.deleteSession(actor.sessionId);
    },

    /** The actor behind a session cookie, or null when unknown, expired or the user is deactivated. */
    async resolveSession(cookieValue: string): Promise<Actor | null> {
      if (cookieValue.length < 20 || cookieValue.length > 200) return null;
      const id = sha256(cookieValue);
      const found = await sessions.findSessionWithUser(id);
      if (!found) return null;
      const now = clock.now();
      if (found.session.expires_at <= iso(now) || !found.user.active) {
        await sessions.deleteSession(id);
        return null;
      }
      if (now.getTime() - new Date(found.session.last_seen_at).getTime() > SESSION_TOUCH_MS) {
        await sessions.touchSession(id, iso(now), iso(addMs(now, SESSION_IDLE_MS)));
      }
      return actorFor(
        found.user,
        'session',
        { sessionId: id, csrfToken: found.session.csrf_token },
        found.permissions,
      );
    },

    /** The actor behind a personal API token; an unknown, revoked or inactive one is refused (401). */
    async resolveToken(token: string): Promise<Actor> {
      const refused = () => new AppError('unauthenticated', 401, 'Invalid or revoked API token');
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw refused();
      const found = await sessions.findApiTokenWithUser(sha256(token));
      if (!found || found.token.revoked_at !== null || !found.user.active) throw refused();
      const now = clock.now();
      const last = found.token.last_used_at ? new Date(found.token.last_used_at).getTime() : 0;
      if (now.getTime() - last > TOKEN_TOUCH_MS) await sessions.touchApiToken(found.token.id, iso(now));
      return actorFor(found.user, 'token', {}, found.permissions);
    },

    async createApiToken(actorIn: Actor | null, name: string): Promise<ApiToken & { token: string }> {
      const actor = requireActor(actorIn);
      const token = `${TOKEN_PREFIX}${randomSecret()}`;
      const row = await sessions.insertApiToken({
        user_id: actor.userId,
        name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        token_hash: sha256(token),
        created_at: iso(clock.now()),
        last_used_at: null,
        revoked_at: null,
      });
      return { ...presentToken(row), token };
    },

    async listApiTokens(actorIn: Actor | null): Promise<ApiToken[]> {
      const actor = requireActor(actorIn);
      return (await sessions.listApiTokens(actor.userId)).map(presentToken);
    },

    async revokeApiToken(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requireActor(actorIn);
      if (!(await sessions.revokeApiToken(actor.userId, id, iso(clock.now())))) {
        throw notFound('token_not_found', 'No such API token');
      }
    },

    async changePassword(actorIn: Actor | null, current: string, next: string): Promise<void> {
      const actor = requireActor(actorIn);
      const user = await accounts.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, current))) {
        throw new AppError('invalid_credentials', 400, 'The current password is not correct');
      }
      const passwordHash = await hashPassword(next);
      await deps.db.kysely.transaction().execute(async (trx) => {
        await accounts.updateUser(
          user.id,
          { password_hash: passwordHash, updated_at: iso(clock.now()) },
          trx,
        );
        // Other sessions end: whoever knew the old password is signed out.
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', user.id)
          .$if(actor.sessionId !== undefined, (b) => b.where('id', '!=', actor.sessionId ?? ''))
          .execute();
      });
    },

    /** Setup link printed at the first start when no administrator is configured. */
    createSetupLink: () => issueOneTimeLink('setup', null, '/setup', SETUP_LINK_TTL_MS),

    createPasswordLink: (userId: number, ex = deps.db.kysely) =>
      issueOneTimeLink('set_password', userId, '/set-password', PASSWORD_LINK_TTL_MS, ex),

    /** Sets a password from a one-time link; the link works once and every session of the user ends. */
    async setPasswordWithToken(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      await deps.db.kysely.transaction().execute(async (trx) => {
        const now = iso(clock.now());
        const row = await sessions.consumeOneTimeToken('set_password', sha256(token), now, trx);
        if (!row || row.user_id === null) {
          throw new AppError('password_token_invalid', 400, 'This link is invalid, expired or already used');
        }
        await accounts.updateUser(row.user_id, { password_hash: passwordHash, updated_at: now }, trx);
        await sessions.deleteSessionsOfUser(row.user_id, trx);
      });
    },

    /** Housekeeping run by workers: forgets expired sessions, links and throttling counters. */
    purgeExpired: () => {
      const now = clock.now();
      return sessions.purgeExpired(iso(now), iso(addMs(now, -THROTTLE.windowMs)));
    },

    /** Checks and uses up a setup link inside the caller's transaction. */
    async consumeSetupToken(token: string, ex = deps.db.kysely): Promise<void> {
      const row = await sessions.consumeOneTimeToken('setup', sha256(token), iso(clock.now()), ex);
      if (!row)
        throw new AppError('setup_token_invalid', 400, 'This setup link is invalid, expired or already used');
    },
  };
}

function presentToken(row: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
