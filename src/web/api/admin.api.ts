import type { Permission } from '../../common/permissions.js';
import type { AuditEntry, AuditPage } from '../../common/schemas/audit.schema.js';
import type { CreateGroupInput, Group, UpdateGroupInput } from '../../common/schemas/group.schema.js';
import type { CreateUserInput, UpdateUserInput, User } from '../../common/schemas/user.schema.js';
import { api, apiRequest } from './client.js';

export type { AuditEntry, AuditPage, Group, User };

/** One page of a list answer (SPEC 8). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** A user just created: without a password, the one-time link for them to choose one. */
export type CreatedUser = User & { setPasswordLink?: string };
export interface PasswordLink {
  link: string;
  expiresAt: string;
}

export interface UserFilter {
  q: string;
  active: 'true' | 'false' | 'all';
}

export interface AuditFilter {
  action: string | null;
  targetType: string | null;
  actorId: number | null;
}

export const USERS_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;

/**
 * Query keys of the administration screens. A change to users or groups refreshes both (a user's groups
 * and a group's members are the same rows) and the audit log, which every change writes to.
 */
export const adminKeys = {
  all: ['admin'] as const,
  users: (filter?: UserFilter) =>
    filter ? (['admin', 'users', filter] as const) : (['admin', 'users'] as const),
  /** Every user, for the member and author pickers. */
  userChoices: ['admin', 'users', 'choices'] as const,
  groups: ['admin', 'groups'] as const,
  audit: (filter?: AuditFilter) =>
    filter ? (['admin', 'audit', filter] as const) : (['admin', 'audit'] as const),
};

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Users

export function listUsers(filter: UserFilter, cursor: string | null): Promise<ListPage<User>> {
  return api.get<ListPage<User>>(
    `/users${query({
      limit: USERS_PAGE_SIZE,
      q: filter.q.trim(),
      active: filter.active === 'all' ? null : filter.active,
      cursor,
    })}`,
  );
}

/** Every user, active or not (pages of 200 read one after the other). */
export async function listAllUsers(): Promise<User[]> {
  const all: User[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<User> = await api.get<ListPage<User>>(`/users${query({ limit: 200, cursor })}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

export const createUser = (input: CreateUserInput) => api.post<CreatedUser>('/users', input);

export const updateUser = (id: number, input: UpdateUserInput) => api.patch<User>(`/users/${id}`, input);

/** Users are never removed: DELETE deactivates (and ends their sessions). */
export const deactivateUser = (id: number) => api.delete<User>(`/users/${id}`);

export const reactivateUser = (id: number) => updateUser(id, { active: true });

/** A new one-time link for the user to choose a password (the previous one stops working). */
export const createPasswordLink = (id: number) => api.post<PasswordLink>(`/users/${id}/password-link`);

// Groups

export async function listGroups(): Promise<Group[]> {
  return (await api.get<{ items: Group[] }>('/groups')).items;
}

export const createGroup = (input: Partial<CreateGroupInput> & { name: string }) =>
  api.post<Group>('/groups', input);

export const updateGroup = (id: number, input: UpdateGroupInput) => api.patch<Group>(`/groups/${id}`, input);

export const deleteGroup = (id: number) => api.delete<undefined>(`/groups/${id}`);

/** Replaces the group's permissions with exactly these. */
export const setGroupPermissions = (id: number, permissions: Permission[]) =>
  apiRequest<Group>('PUT', `/groups/${id}/permissions`, { permissions });

export const addGroupMember = (id: number, userId: number) =>
  api.post<Group>(`/groups/${id}/members`, { userId });

export const removeGroupMember = (id: number, userId: number) =>
  api.delete<Group>(`/groups/${id}/members/${userId}`);

// Audit log

export function listAuditLog(filter: AuditFilter, cursor: string | null): Promise<AuditPage> {
  return api.get<AuditPage>(
    `/audit-log${query({
      limit: AUDIT_PAGE_SIZE,
      action: filter.action,
      targetType: filter.targetType,
      actorId: filter.actorId,
      cursor,
    })}`,
  );
}
