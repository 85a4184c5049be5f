/**
 * Kysely table types. Column names are snake_case as in the database; presenters shape the wire format.
 * Instants are ISO-8601 UTC strings on both engines (see database.ts).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  email_lower: string;
  name: string;
  language: string;
  active: Generated<boolean>;
  password_hash: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  name_lower: string;
  description: Generated<string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
}

export interface GroupPermissionsTable {
  group_id: number;
  permission: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak gives no usable session. */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type OneTimePurpose = 'setup' | 'set_password';

export interface OneTimeTokensTable {
  id: Generated<number>;
  purpose: OneTimePurpose;
  user_id: number | null;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_at: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type MailStatus = 'queued' | 'retrying' | 'sent' | 'failed';

export interface MailsTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Generated<string>;
  message_id: string;
  in_reply_to: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Generated<string>;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_permissions: GroupPermissionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  one_time_tokens: OneTimeTokensTable;
  login_throttle: LoginThrottleTable;
  jobs: JobsTable;
  mails: MailsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type JobRow = Selectable<JobsTable>;
export type MailRow = Selectable<MailsTable>;
