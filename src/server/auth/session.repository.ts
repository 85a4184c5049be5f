import { sql, type Kysely } from 'kysely';
import type { Permission } from '../../common/permissions.js';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { ApiTokenRow, Database, OneTimePurpose, SessionRow, UserRow } from '../db/schema.js';

type Executor = Kysely<Database>;

/** The user's permissions, comma-joined, computed in the same query (null: no group grants any). */
type WithPermissions = { u_permissions: string | null };

type SessionWithUserRow = UserRow &
  WithPermissions & {
    s_id: string;
    s_user_id: number;
    s_csrf_token: string;
    s_ip: string | null;
    s_user_agent: string | null;
    s_created_at: string;
    s_last_seen_at: string;
    s_expires_at: string;
  };

type TokenWithUserRow = UserRow &
  WithPermissions & {
    t_id: number;
    t_user_id: number;
    t_name: string;
    t_prefix: string;
    t_token_hash: string;
    t_created_at: string;
    t_last_used_at: string | null;
    t_revoked_at: string | null;
  };

/** Sessions, personal API tokens, one-time links and login throttling counters. */
export function createSessionRepository(db: Db) {
  const k = db.kysely;
  // Permissions are read on every request, never kept: a group's change applies to its members' next request.
  const agg =
    db.dialect === 'postgres'
      ? sql`string_agg(distinct gp.permission, ',')`
      : sql`group_concat(distinct gp.permission)`;
  const permissionsOfU = sql<string | null>`(select ${agg} from group_permissions as gp
    inner join group_members as gm on gm.group_id = gp.group_id where gm.user_id = u.id)`.as('u_permissions');
  const splitPermissions = (joined: string | null): Permission[] =>
    joined ? (joined.split(',') as Permission[]) : [];
  // Every authenticated request runs one of these: built and compiled once.
  const sessionWithUser = preparedQuery<[string], SessionWithUserRow>(k, 1, (q, id) =>
    q
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id as s_id',
        's.user_id as s_user_id',
        's.csrf_token as s_csrf_token',
        's.ip as s_ip',
        's.user_agent as s_user_agent',
        's.created_at as s_created_at',
        's.last_seen_at as s_last_seen_at',
        's.expires_at as s_expires_at',
        permissionsOfU,
      ])
      .selectAll('u')
      .where('s.id', '=', id),
  );
  const tokenWithUser = preparedQuery<[string], TokenWithUserRow>(k, 1, (q, hash) =>
    q
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id as t_id',
        't.user_id as t_user_id',
        't.name as t_name',
        't.prefix as t_prefix',
        't.token_hash as t_token_hash',
        't.created_at as t_created_at',
        't.last_used_at as t_last_used_at',
        't.revoked_at as t_revoked_at',
        permissionsOfU,
      ])
      .selectAll('u')
      .where('t.token_hash', '=', hash),
  );
  return {
    insertSession: (row: SessionRow, ex: Executor = k) => ex.insertInto('sessions').values(row).execute(),

    /** The session and its user, in one query: this runs on every cookie request. */
    findSessionWithUser: async (
      id: string,
    ): Promise<{ session: SessionRow; user: UserRow; permissions: Permission[] } | undefined> => {
      const [row] = await sessionWithUser(id);
      if (!row) return undefined;
      const {
        s_id,
        s_user_id,
        s_csrf_token,
        s_ip,
        s_user_agent,
        s_created_at,
        s_last_seen_at,
        s_expires_at,
        u_permissions,
        ...user
      } = row;
      return {
        session: {
          id: s_id,
          user_id: s_user_id,
          csrf_token: s_csrf_token,
          ip: s_ip,
          user_agent: s_user_agent,
          created_at: s_created_at,
          last_seen_at: s_last_seen_at,
          expires_at: s_expires_at,
        },
        user,
        permissions: splitPermissions(u_permissions),
      };
    },

    touchSession: (id: string, lastSeenAt: string, expiresAt: string) =>
      k
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute(),

    deleteSession: (id: string, ex: Executor = k) => ex.deleteFrom('sessions').where('id', '=', id).execute(),

    deleteSessionsOfUser: (userId: number, ex: Executor = k) =>
      ex.deleteFrom('sessions').where('user_id', '=', userId).execute(),

    /** Removes what can no longer be used: expired sessions and links, throttling counters past their window. */
    async purgeExpired(now: string, windowStart: string): Promise<number> {
      const results = await Promise.all([
        k.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst(),
        k.deleteFrom('one_time_tokens').where('expires_at', '<', now).executeTakeFirst(),
        k
          .deleteFrom('login_throttle')
          .where('window_start', '<', windowStart)
          .where((e) => e.or([e('locked_until', 'is', null), e('locked_until', '<', now)]))
          .executeTakeFirst(),
      ]);
      return results.reduce((n, r) => n + Number(r.numDeletedRows), 0);
    },

    insertApiToken: (row: Omit<ApiTokenRow, 'id'>, ex: Executor = k) =>
      ex.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow(),

    findApiTokenWithUser: async (
      tokenHash: string,
    ): Promise<{ token: ApiTokenRow; user: UserRow; permissions: Permission[] } | undefined> => {
      const [row] = await tokenWithUser(tokenHash);
      if (!row) return undefined;
      const {
        t_id,
        t_user_id,
        t_name,
        t_prefix,
        t_token_hash,
        t_created_at,
        t_last_used_at,
        t_revoked_at,
        u_permissions,
        ...user
      } = row;
      return {
        token: {
          id: t_id,
          user_id: t_user_id,
          name: t_name,
          prefix: t_prefix,
          token_hash: t_token_hash,
          created_at: t_created_at,
          last_used_at: t_last_used_at,
          revoked_at: t_revoked_at,
        },
        user,
        permissions: splitPermissions(u_permissions),
      };
    },

    touchApiToken: (id: number, at: string) =>
      k.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),

    listApiTokens: (userId: number) =>
      k
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('id', 'desc')
        .execute(),

    revokeApiToken: async (userId: number, id: number, at: string): Promise<boolean> => {
      const r = await k
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    insertOneTimeToken: (
      row: {
        purpose: OneTimePurpose;
        user_id: number | null;
        token_hash: string;
        created_at: string;
        expires_at: string;
      },
      ex: Executor = k,
    ) =>
      ex
        .insertInto('one_time_tokens')
        .values({ ...row, used_at: null })
        .execute(),

    /** Marks a valid one-time token used and returns it; undefined when unknown, used or expired. */
    consumeOneTimeToken: (purpose: OneTimePurpose, tokenHash: string, now: string, ex: Executor = k) =>
      ex
        .updateTable('one_time_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst(),

    /** A newer link replaces older unused ones of the same purpose and user. */
    expireOneTimeTokens: (purpose: OneTimePurpose, userId: number | null, now: string, ex: Executor = k) =>
      ex
        .updateTable('one_time_tokens')
        .set({ used_at: now })
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where((e) => (userId === null ? e('user_id', 'is', null) : e('user_id', '=', userId)))
        .execute(),

    findThrottle: (key: string) =>
      k.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst(),

    /**
     * Counts a failure atomically (concurrent attempts on several processes all count): a new window
     * starts when the previous one has passed.
     */
    recordFailure: async (key: string, now: string, windowStart: string): Promise<number> => {
      const row = await k
        .insertInto('login_throttle')
        .values({ key, failures: 1, window_start: now, locked_until: null })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql`case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end`,
            window_start: sql`case when login_throttle.window_start < ${windowStart} then ${now} else login_throttle.window_start end`,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(row.failures);
    },

    lock: (key: string, until: string) =>
      k.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute(),

    clearThrottle: (key: string) => k.deleteFrom('login_throttle').where('key', '=', key).execute(),
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
