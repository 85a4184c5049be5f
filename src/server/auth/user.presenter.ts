import type { User } from '../../common/schemas/user.schema.js';
import { effectivePermissions } from '../../common/permissions.js';
import type { Language } from '../../common/languages.js';
import type { UserRow } from '../db/schema.js';
import type { AccountRepository } from './account.repository.js';

/** Shapes user rows for the wire, loading groups and permissions of a whole page in two queries. */
export async function presentUsers(accounts: AccountRepository, rows: UserRow[]): Promise<User[]> {
  const ids = rows.map((r) => r.id);
  const [groups, perms] = await Promise.all([accounts.groupsOfUsers(ids), accounts.permissionsOfUsers(ids)]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    language: r.language as Language,
    active: r.active,
    hasPassword: r.password_hash !== null,
    notifyByEmail: r.notify_by_email,
    groups: groups.filter((g) => g.user_id === r.id).map((g) => ({ id: g.id, name: g.name })),
    permissions: effectivePermissions(perms.filter((p) => p.user_id === r.id).map((p) => p.permission)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function presentUser(accounts: AccountRepository, row: UserRow): Promise<User> {
  const [user] = await presentUsers(accounts, [row]);
  if (!user) throw new Error('unreachable: presentUsers returned nothing');
  return user;
}
