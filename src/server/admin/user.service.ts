import type { Kysely } from 'kysely';
import type { Language } from '../../common/languages.js';
import type { CreateUserInput, UpdateUserInput, User, UserRef } from '../../common/schemas/user.schema.js';
import type { AccountRepository } from '../auth/account.repository.js';
import { requireActor, requirePermission, type Actor } from '../auth/actor.js';
import type { AuthService, NewSession } from '../auth/auth.service.js';
import { hashPassword } from '../auth/secrets.js';
import { presentUser, presentUsers } from '../auth/user.presenter.js';
import { iso, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, UserRow } from '../db/schema.js';
import { AppError, badRequest, conflict, notFound } from '../http/errors.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { AuditRepository } from './audit.repository.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keysetPage } from '../http/keyset-page.js';

export const ADMIN_GROUP_NAME = 'Administrators';

const emailTaken = () => conflict('email_taken', 'A user with this email already exists');
const userNotFound = () => notFound('user_not_found', 'No such user');

/** User administration, the first administrator, and each user's own profile. */
export function createUserService(deps: {
  db: Db;
  accounts: AccountRepository;
  audit: AuditRepository;
  auth: AuthService;
  clock: Clock;
  config: Pick<Config, 'adminEmail' | 'adminPassword'>;
  jobs: JobQueue;
}) {
  const { db, accounts, audit, auth, clock, config, jobs } = deps;

  async function checkGroups(groupIds: number[] | undefined, ex: Kysely<Database>) {
    if (!groupIds?.length) return;
    const found = await accounts.existingIds('groups', groupIds, ex);
    const missing = groupIds.filter((id) => !found.has(id));
    if (missing.length) throw badRequest(`Unknown group ids: ${missing.join(', ')}`, { groupIds: missing });
  }

  /** Refuses a change that would leave nobody able to administer Guichet. Runs inside the transaction. */
  async function keepAnAdmin(ex: Kysely<Database>) {
    if ((await accounts.countActiveAdmins(ex)) === 0) {
      throw conflict('last_admin', 'This change would leave no active administrator');
    }
  }

  async function insertUser(
    ex: Kysely<Database>,
    input: { email: string; name: string; language: Language; passwordHash: string | null },
  ): Promise<UserRow> {
    if (await accounts.findUserByEmail(input.email, ex)) throw emailTaken();
    const now = iso(clock.now());
    try {
      return await accounts.insertUser(
        {
          email: input.email.trim(),
          email_lower: input.email.trim().toLowerCase(),
          name: input.name,
          language: input.language,
          password_hash: input.passwordHash,
          created_at: now,
          updated_at: now,
        },
        ex,
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
  }

  /** The administrators group (created on first need) holding the `admin` permission. */
  async function adminGroupId(ex: Kysely<Database>): Promise<number> {
    const existing = await accounts.findGroupByName(ADMIN_GROUP_NAME, ex);
    if (existing) return existing.id;
    const now = iso(clock.now());
    const group = await accounts.insertGroup(
      { name: ADMIN_GROUP_NAME, description: 'Full access', created_at: now, updated_at: now },
      ex,
    );
    await accounts.setGroupPermissions(group.id, ['admin'], ex);
    return group.id;
  }

  async function createAdmin(
    ex: Kysely<Database>,
    input: { email: string; name: string; password?: string; language?: Language },
  ): Promise<UserRow> {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const user = await insertUser(ex, { ...input, language: input.language ?? 'fr', passwordHash });
    await accounts.addMember(await adminGroupId(ex), user.id, ex);
    await audit.record(
      {
        actorUserId: null,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { admin: true },
        at: user.created_at,
      },
      ex,
    );
    return user;
  }

  async function loadUser(id: number, ex: Kysely<Database> = db.kysely): Promise<UserRow> {
    const user = await accounts.findUserById(id, ex);
    if (!user) throw userNotFound();
    return user;
  }

  async function update(actorIn: Actor | null, id: number, input: UpdateUserInput): Promise<User> {
    const actor = requirePermission(actorIn, 'admin');
    if (input.active === false && id === actor.userId) {
      throw conflict('cannot_deactivate_self', 'You cannot deactivate your own account');
    }
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const updated = await db.kysely.transaction().execute(async (trx) => {
      const before = await loadUser(id, trx);
      await checkGroups(input.groupIds, trx);
      if (input.email && input.email.toLowerCase() !== before.email_lower) {
        const other = await accounts.findUserByEmail(input.email, trx);
        if (other) throw emailTaken();
      }
      const now = iso(clock.now());
      let row: UserRow | undefined;
      try {
        row = await accounts.updateUser(
          id,
          {
            ...(input.email ? { email: input.email, email_lower: input.email.toLowerCase() } : {}),
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.language !== undefined ? { language: input.language } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            ...(passwordHash ? { password_hash: passwordHash } : {}),
            updated_at: now,
          },
          trx,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw emailTaken();
        throw err;
      }
      if (!row) throw userNotFound();
      if (input.groupIds) await accounts.setUserGroups(id, input.groupIds, trx);
      // Deactivation and a new password end the user's sessions at once.
      if (input.active === false || passwordHash)
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      if (input.active === false || input.groupIds) await keepAnAdmin(trx);
      const changes: Record<string, unknown> = {};
      for (const key of ['email', 'name', 'language', 'active'] as const) {
        if (input[key] !== undefined && input[key] !== before[key])
          changes[key] = { from: before[key], to: input[key] };
      }
      if (input.groupIds) changes.groupIds = input.groupIds;
      if (passwordHash) changes.password = 'changed';
      // Tickets keep a copy of their assignee's name (list sorting): refresh it with the rename.
      if (changes.name) await jobs.enqueue(trx, 'tickets.syncAssigneeName', { userId: id });
      await audit.record(
        {
          actorUserId: actor.userId,
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          details: changes,
          at: now,
        },
        trx,
      );
      return row;
    });
    return presentUser(accounts, updated);
  }

  return {
    /** System action (first start, CLI, tests): an administrator with a password. */
    async createInitialAdmin(input: { email: string; name: string; password: string; language?: Language }) {
      return db.kysely.transaction().execute((trx) => createAdmin(trx, input));
    },

    /**
     * At start: with no user at all, create the administrator from the environment, or else issue a
     * one-time setup link for the operator to open.
     */
    async ensureFirstAdmin(): Promise<
      { kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'setup'; link: string }
    > {
      if ((await accounts.countUsers()) > 0) return { kind: 'exists' };
      const { adminEmail: email, adminPassword: password } = config;
      if (email && password) {
        await db.kysely
          .transaction()
          .execute((trx) => createAdmin(trx, { email, name: 'Administrator', password }));
        return { kind: 'created', email };
      }
      const { link } = await auth.createSetupLink();
      return { kind: 'setup', link };
    },

    async setupRequired(): Promise<boolean> {
      return (await accounts.countUsers()) === 0;
    },

    /** The setup page: uses the link once, creates the first administrator and signs them in. */
    async completeSetup(
      input: { token: string; email: string; name: string; password: string; language: Language },
      meta: { ip?: string; userAgent?: string },
    ): Promise<NewSession> {
      const user = await db.kysely.transaction().execute(async (trx) => {
        if ((await accounts.countUsers(trx)) > 0) {
          throw conflict('setup_already_done', 'Guichet is already set up; sign in instead');
        }
        await auth.consumeSetupToken(input.token, trx);
        return createAdmin(trx, input);
      });
      return auth.openSession(user, meta);
    },

    /** CLI `user:create`. Without a password, answers a one-time link to choose one. */
    /** CLI `user:create`, a system action. Without a password, answers a one-time link to choose one. */
    async createByOperator(input: {
      email: string;
      name: string;
      password?: string;
      admin: boolean;
      language?: Language;
    }): Promise<User & { setPasswordLink?: string }> {
      const { user, link } = await db.kysely.transaction().execute(async (trx) => {
        const user = input.admin
          ? await createAdmin(trx, input)
          : await insertUser(trx, {
              ...input,
              language: input.language ?? 'fr',
              passwordHash: input.password ? await hashPassword(input.password) : null,
            });
        const link = input.password ? undefined : (await auth.createPasswordLink(user.id, trx)).link;
        return { user, link };
      });
      const presented = await presentUser(accounts, user);
      return link ? { ...presented, setPasswordLink: link } : presented;
    },

    async create(
      actorIn: Actor | null,
      input: CreateUserInput,
    ): Promise<User & { setPasswordLink?: string }> {
      const actor = requirePermission(actorIn, 'admin');
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const { user, link } = await db.kysely.transaction().execute(async (trx) => {
        await checkGroups(input.groupIds, trx);
        const user = await insertUser(trx, { ...input, passwordHash });
        if (input.groupIds) await accounts.setUserGroups(user.id, input.groupIds, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'user.create',
            targetType: 'user',
            targetId: user.id,
            details: {
              email: user.email,
              name: user.name,
              groupIds: input.groupIds ?? [],
              password: input.password ? 'set' : 'link',
            },
            at: user.created_at,
          },
          trx,
        );
        const link = input.password ? undefined : (await auth.createPasswordLink(user.id, trx)).link;
        return { user, link };
      });
      const presented = await presentUser(accounts, user);
      return link ? { ...presented, setPasswordLink: link } : presented;
    },

    async list(
      actorIn: Actor | null,
      q: { q?: string; active?: 'true' | 'false'; limit: number; cursor?: string },
    ) {
      requirePermission(actorIn, 'admin');
      const filter = {
        search: q.q || undefined,
        active: q.active === undefined ? undefined : q.active === 'true',
      };
      const afterId = q.cursor ? decodeCursor(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        accounts.listUsers({ ...filter, afterId, limit: q.limit + 1 }),
        accounts.countUsersMatching(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeCursor(last.id));
      return { items: await presentUsers(accounts, page), nextCursor, total };
    },

    async get(actorIn: Actor | null, id: number): Promise<User> {
      requirePermission(actorIn, 'admin');
      return presentUser(accounts, await loadUser(id));
    },

    update,

    /** Users are never removed (their history stays): DELETE deactivates. */
    async deactivate(actorIn: Actor | null, id: number): Promise<User> {
      return update(actorIn, id, { active: false });
    },

    async createPasswordLink(actorIn: Actor | null, id: number) {
      const actor = requirePermission(actorIn, 'admin');
      return db.kysely.transaction().execute(async (trx) => {
        await loadUser(id, trx);
        const link = await auth.createPasswordLink(id, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'user.password_link',
            targetType: 'user',
            targetId: id,
            at: iso(clock.now()),
          },
          trx,
        );
        return link;
      });
    },

    present: (row: UserRow): Promise<User> => presentUser(accounts, row),

    /** Active users who can read tickets, for assignee pickers; any user who can change tickets may ask. */
    async assignable(actorIn: Actor | null): Promise<UserRef[]> {
      requirePermission(actorIn, 'ticket.write');
      return accounts.usersWithPermission(['ticket.read', 'admin']);
    },

    async me(actorIn: Actor | null): Promise<User> {
      const actor = requireActor(actorIn);
      return presentUser(accounts, await loadUser(actor.userId));
    },

    async updateOwnProfile(
      actorIn: Actor | null,
      input: { name?: string; language?: Language; notifyByEmail?: boolean },
    ): Promise<User> {
      const actor = requireActor(actorIn);
      const row = await db.kysely.transaction().execute(async (trx) => {
        const before = await loadUser(actor.userId, trx);
        const { notifyByEmail, ...profile } = input;
        const updated = await accounts.updateUser(
          actor.userId,
          {
            ...profile,
            ...(notifyByEmail !== undefined ? { notify_by_email: notifyByEmail } : {}),
            updated_at: iso(clock.now()),
          },
          trx,
        );
        if (!updated) throw new AppError('user_not_found', 404, 'No such user');
        if (input.name !== undefined && input.name !== before.name) {
          await jobs.enqueue(trx, 'tickets.syncAssigneeName', { userId: actor.userId });
        }
        return updated;
      });
      return presentUser(accounts, row);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
