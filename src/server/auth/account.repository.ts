import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Permission } from '../../common/permissions.js';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database, GroupRow, NewUserRow, UserRow, UserUpdate } from '../db/schema.js';

type Executor = Kysely<Database>;

export interface UserFilter {
  search?: string;
  active?: boolean;
}

/** Search in name and email (case-insensitive, wildcards escaped) and the active flag. */
function filterUsers<O>(b: SelectQueryBuilder<Database, 'users', O>, q: UserFilter) {
  const like = `%${(q.search ?? '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return b
    .$if(q.search !== undefined, (qb) =>
      qb.where((e) =>
        e.or([
          e(sql`lower(name)`, 'like', sql`${like} escape '\\'`),
          e(sql`email_lower`, 'like', sql`${like} escape '\\'`),
        ]),
      ),
    )
    .$if(q.active !== undefined, (qb) => qb.where('active', '=', q.active ?? true));
}

/** Users, groups, membership and permissions: the accounts that authentication and administration share. */
const permissionsQuery = (ex: Executor, userId: number | string) =>
  ex
    .selectFrom('group_permissions as gp')
    .innerJoin('group_members as gm', 'gm.group_id', 'gp.group_id')
    .select('gp.permission')
    .distinct()
    .where('gm.user_id', '=', userId as number);

export function createAccountRepository(db: Db) {
  const k = db.kysely;
  const permissionsOfUser = preparedQuery<[number], { permission: string }>(k, 1, permissionsQuery);
  return {
    countUsers: async (ex: Executor = k) =>
      Number(
        (
          await ex
            .selectFrom('users')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    findUserById: (id: number, ex: Executor = k): Promise<UserRow | undefined> =>
      ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    findUserByEmail: (email: string, ex: Executor = k): Promise<UserRow | undefined> =>
      ex
        .selectFrom('users')
        .selectAll()
        .where('email_lower', '=', email.trim().toLowerCase())
        .executeTakeFirst(),

    insertUser: async (row: NewUserRow, ex: Executor = k): Promise<UserRow> =>
      ex.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow(),

    updateUser: (id: number, patch: UserUpdate, ex: Executor = k) =>
      ex.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),

    listUsers: (q: UserFilter & { afterId?: number; limit: number }, ex: Executor = k): Promise<UserRow[]> =>
      filterUsers(ex.selectFrom('users').selectAll(), q)
        .$if(q.afterId !== undefined, (b) => b.where('id', '>', q.afterId ?? 0))
        .orderBy('id')
        .limit(q.limit)
        .execute(),

    countUsersMatching: async (q: UserFilter, ex: Executor = k): Promise<number> => {
      const r = await filterUsers(
        ex.selectFrom('users').select((e) => e.fn.countAll().as('n')),
        q,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Permissions granted to a user through all of their groups. */
    /** Outside a transaction (every request's authentication) the query is built once. */
    permissionsOf: async (userId: number, ex: Executor = k): Promise<Permission[]> => {
      const rows = ex === k ? await permissionsOfUser(userId) : await permissionsQuery(ex, userId).execute();
      return rows.map((r) => r.permission as Permission);
    },

    /** Groups (id, name) of several users at once, for lists. */
    groupsOfUsers: async (userIds: number[], ex: Executor = k) => {
      if (userIds.length === 0) return [];
      return ex
        .selectFrom('group_members as gm')
        .innerJoin('groups as g', 'g.id', 'gm.group_id')
        .select(['gm.user_id', 'g.id', 'g.name'])
        .where('gm.user_id', 'in', userIds)
        .orderBy('g.name')
        .execute();
    },

    permissionsOfUsers: async (userIds: number[], ex: Executor = k) => {
      if (userIds.length === 0) return [];
      return ex
        .selectFrom('group_permissions as gp')
        .innerJoin('group_members as gm', 'gm.group_id', 'gp.group_id')
        .select(['gm.user_id', 'gp.permission'])
        .distinct()
        .where('gm.user_id', 'in', userIds)
        .execute();
    },

    setUserGroups: async (userId: number, groupIds: number[], ex: Executor = k) => {
      await ex.deleteFrom('group_members').where('user_id', '=', userId).execute();
      if (groupIds.length > 0) {
        await ex
          .insertInto('group_members')
          .values([...new Set(groupIds)].map((group_id) => ({ group_id, user_id: userId })))
          .execute();
      }
    },

    /** Active users holding one of `permissions` (through any group), by name: who can be assigned work. */
    usersWithPermission: (permissions: string[], ex: Executor = k) =>
      ex
        .selectFrom('users as u')
        .innerJoin('group_members as gm', 'gm.user_id', 'u.id')
        .innerJoin('group_permissions as gp', 'gp.group_id', 'gm.group_id')
        .select(['u.id', 'u.name', 'u.email'])
        .distinct()
        .where('u.active', '=', true)
        .where('gp.permission', 'in', permissions)
        .orderBy('u.name')
        .orderBy('u.id')
        .execute(),

    /** Active users holding `admin` through a group: the ones who can still administer Guichet. */
    countActiveAdmins: async (ex: Executor = k): Promise<number> => {
      const r = await ex
        .selectFrom('users as u')
        .innerJoin('group_members as gm', 'gm.user_id', 'u.id')
        .innerJoin('group_permissions as gp', 'gp.group_id', 'gm.group_id')
        .select((e) => e.fn.count('u.id').distinct().as('n'))
        .where('u.active', '=', true)
        .where('gp.permission', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    findGroupById: (id: number, ex: Executor = k): Promise<GroupRow | undefined> =>
      ex.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst(),

    findGroupByName: (name: string, ex: Executor = k): Promise<GroupRow | undefined> =>
      ex
        .selectFrom('groups')
        .selectAll()
        .where('name_lower', '=', name.trim().toLowerCase())
        .executeTakeFirst(),

    existingIds: async (table: 'users' | 'groups', ids: number[], ex: Executor = k): Promise<Set<number>> => {
      if (ids.length === 0) return new Set();
      const rows = await ex.selectFrom(table).select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    listGroups: (ex: Executor = k): Promise<GroupRow[]> =>
      ex.selectFrom('groups').selectAll().orderBy('name').execute(),

    insertGroup: (
      row: { name: string; description: string; created_at: string; updated_at: string },
      ex: Executor = k,
    ) =>
      ex
        .insertInto('groups')
        .values({ ...row, name_lower: row.name.toLowerCase() })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateGroup: (
      id: number,
      patch: { name?: string; description?: string; updated_at: string },
      ex: Executor = k,
    ) =>
      ex
        .updateTable('groups')
        .set({ ...patch, ...(patch.name !== undefined ? { name_lower: patch.name.toLowerCase() } : {}) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),

    deleteGroup: (id: number, ex: Executor = k) => ex.deleteFrom('groups').where('id', '=', id).execute(),

    groupPermissions: async (groupIds: number[], ex: Executor = k) =>
      groupIds.length === 0
        ? []
        : ex.selectFrom('group_permissions').selectAll().where('group_id', 'in', groupIds).execute(),

    groupMembers: async (groupIds: number[], ex: Executor = k) =>
      groupIds.length === 0
        ? []
        : ex
            .selectFrom('group_members')
            .selectAll()
            .where('group_id', 'in', groupIds)
            .orderBy('user_id')
            .execute(),

    setGroupPermissions: async (groupId: number, permissions: string[], ex: Executor = k) => {
      await ex.deleteFrom('group_permissions').where('group_id', '=', groupId).execute();
      if (permissions.length > 0) {
        await ex
          .insertInto('group_permissions')
          .values([...new Set(permissions)].map((permission) => ({ group_id: groupId, permission })))
          .execute();
      }
    },

    setGroupMembers: async (groupId: number, userIds: number[], ex: Executor = k) => {
      await ex.deleteFrom('group_members').where('group_id', '=', groupId).execute();
      if (userIds.length > 0) {
        await ex
          .insertInto('group_members')
          .values([...new Set(userIds)].map((user_id) => ({ group_id: groupId, user_id })))
          .execute();
      }
    },

    addMember: (groupId: number, userId: number, ex: Executor = k) =>
      ex
        .insertInto('group_members')
        .values({ group_id: groupId, user_id: userId })
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
        .execute(),

    removeMember: (groupId: number, userId: number, ex: Executor = k) =>
      ex.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute(),
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
