import type { Kysely } from 'kysely';
import type { CreateGroupInput, Group, UpdateGroupInput } from '../../common/schemas/group.schema.js';
import type { Permission } from '../../common/permissions.js';
import type { AccountRepository } from '../auth/account.repository.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, GroupRow } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import type { AuditRepository } from './audit.repository.js';

const nameTaken = () => conflict('group_name_taken', 'A group with this name already exists');
const groupNotFound = () => notFound('group_not_found', 'No such group');

/** Groups carry permissions; users get the permissions of every group they belong to. */
export function createGroupService(deps: {
  db: Db;
  accounts: AccountRepository;
  audit: AuditRepository;
  clock: Clock;
}) {
  const { db, accounts, audit, clock } = deps;

  async function present(rows: GroupRow[], ex: Kysely<Database> = db.kysely): Promise<Group[]> {
    const ids = rows.map((r) => r.id);
    const [perms, members] = await Promise.all([
      accounts.groupPermissions(ids, ex),
      accounts.groupMembers(ids, ex),
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      permissions: perms.filter((p) => p.group_id === r.id).map((p) => p.permission as Permission),
      memberIds: members.filter((m) => m.group_id === r.id).map((m) => m.user_id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function presentOne(row: GroupRow, ex?: Kysely<Database>): Promise<Group> {
    const [g] = await present([row], ex);
    if (!g) throw new Error('unreachable');
    return g;
  }

  async function load(id: number, ex: Kysely<Database>): Promise<GroupRow> {
    const g = await accounts.findGroupById(id, ex);
    if (!g) throw groupNotFound();
    return g;
  }

  async function checkUsers(userIds: number[] | undefined, ex: Kysely<Database>) {
    if (!userIds?.length) return;
    const found = await accounts.existingIds('users', userIds, ex);
    const missing = userIds.filter((id) => !found.has(id));
    if (missing.length) throw badRequest(`Unknown user ids: ${missing.join(', ')}`, { userIds: missing });
  }

  async function checkNameFree(name: string, exceptId: number | null, ex: Kysely<Database>) {
    const other = await accounts.findGroupByName(name, ex);
    if (other && other.id !== exceptId) throw nameTaken();
  }

  async function keepAnAdmin(ex: Kysely<Database>) {
    if ((await accounts.countActiveAdmins(ex)) === 0) {
      throw conflict('last_admin', 'This change would leave no active administrator');
    }
  }

  /** Runs a group change in one transaction with its audit record; unique races become 409. */
  async function command<T>(fn: (trx: Kysely<Database>, now: string) => Promise<T>): Promise<T> {
    try {
      return await db.kysely.transaction().execute((trx) => fn(trx, iso(clock.now())));
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
  }

  async function update(actorIn: Actor | null, id: number, input: UpdateGroupInput): Promise<Group> {
    const actor = requirePermission(actorIn, 'admin');
    return command(async (trx, now) => {
      const before = await presentOne(await load(id, trx), trx);
      if (input.name !== undefined) await checkNameFree(input.name, id, trx);
      await checkUsers(input.memberIds, trx);
      const row = await accounts.updateGroup(
        id,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          updated_at: now,
        },
        trx,
      );
      if (!row) throw groupNotFound();
      if (input.permissions) await accounts.setGroupPermissions(id, input.permissions, trx);
      if (input.memberIds) await accounts.setGroupMembers(id, input.memberIds, trx);
      if (input.permissions || input.memberIds) await keepAnAdmin(trx);
      const after = await presentOne(row, trx);
      const details: Record<string, unknown> = {};
      for (const key of ['name', 'description', 'permissions', 'memberIds'] as const) {
        if (input[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
          details[key] = { from: before[key], to: after[key] };
        }
      }
      await audit.record(
        {
          actorUserId: actor.userId,
          action: 'group.update',
          targetType: 'group',
          targetId: id,
          details,
          at: now,
        },
        trx,
      );
      return after;
    });
  }

  return {
    async list(actorIn: Actor | null): Promise<Group[]> {
      requirePermission(actorIn, 'admin');
      return present(await accounts.listGroups());
    },

    async get(actorIn: Actor | null, id: number): Promise<Group> {
      requirePermission(actorIn, 'admin');
      return presentOne(await load(id, db.kysely));
    },

    async create(actorIn: Actor | null, input: CreateGroupInput): Promise<Group> {
      const actor = requirePermission(actorIn, 'admin');
      return command(async (trx, now) => {
        await checkNameFree(input.name, null, trx);
        await checkUsers(input.memberIds, trx);
        const row = await accounts.insertGroup(
          { name: input.name, description: input.description, created_at: now, updated_at: now },
          trx,
        );
        await accounts.setGroupPermissions(row.id, input.permissions, trx);
        await accounts.setGroupMembers(row.id, input.memberIds, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'group.create',
            targetType: 'group',
            targetId: row.id,
            details: { ...input },
            at: now,
          },
          trx,
        );
        return presentOne(row, trx);
      });
    },

    update,

    async remove(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requirePermission(actorIn, 'admin');
      await command(async (trx, now) => {
        const before = await presentOne(await load(id, trx), trx);
        await accounts.deleteGroup(id, trx);
        await keepAnAdmin(trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'group.delete',
            targetType: 'group',
            targetId: id,
            details: { name: before.name },
            at: now,
          },
          trx,
        );
      });
    },

    async addMember(actorIn: Actor | null, id: number, userId: number): Promise<Group> {
      const actor = requirePermission(actorIn, 'admin');
      return command(async (trx, now) => {
        const row = await load(id, trx);
        await checkUsers([userId], trx);
        await accounts.addMember(id, userId, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'group.member_add',
            targetType: 'group',
            targetId: id,
            details: { userId },
            at: now,
          },
          trx,
        );
        return presentOne(row, trx);
      });
    },

    async removeMember(actorIn: Actor | null, id: number, userId: number): Promise<Group> {
      const actor = requirePermission(actorIn, 'admin');
      return command(async (trx, now) => {
        const row = await load(id, trx);
        await accounts.removeMember(id, userId, trx);
        await keepAnAdmin(trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'group.member_remove',
            targetType: 'group',
            targetId: id,
            details: { userId },
            at: now,
          },
          trx,
        );
        return presentOne(row, trx);
      });
    },

    setPermissions: (actorIn: Actor | null, id: number, permissions: Permission[]) =>
      update(actorIn, id, { permissions }),
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
