/**
 * Kysely table types. Column names are snake_case as in the database; presenters shape the wire format.
 * Instants are ISO-8601 UTC strings on both engines (see database.ts).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  PortalCaptchaUsedTable,
  PortalIpQuotaTable,
  PortalLinksTable,
  PortalSessionTicketsTable,
  PortalSessionsTable,
} from './schema.portal.js';
import type {
  ContractsTable,
  EquipmentTable,
  EventsTable,
  InterventionLinesTable,
  InterventionsTable,
  ProposalLinesTable,
  ProposalsTable,
  TicketLinksTable,
} from './schema.fieldservice.js';
import type { InboundMailsTable, MailCollectorsTable } from './schema.inbox.js';
import type { CustomFieldsTable } from './schema.customfields.js';
import type {
  BlobsTable,
  CountersTable,
  DocumentsTable,
  TicketHistoryTable,
  TicketMessagesTable,
  TicketsTable,
} from './schema.tickets.js';

export type * from './schema.tickets.js';
export type * from './schema.portal.js';
export type * from './schema.fieldservice.js';
export type * from './schema.inbox.js';
export type * from './schema.customfields.js';

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

export interface DictionaryEntriesTable {
  id: Generated<number>;
  kind: string;
  code: string;
  label_fr: string;
  label_en: string;
  position: number;
  active: boolean;
  is_default: boolean;
  is_public: boolean;
  parent_code: string | null;
  color: string | null;
  created_at: string;
  updated_at: string;
}

export interface ThirdpartiesTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  code: string | null;
  email: string | null;
  email_lower: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: Generated<number>;
  thirdparty_id: number;
  name: string;
  email: string | null;
  email_lower: string | null;
  phone: string | null;
  role: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Columns added by the mail migration (2026-11-28c), declared by interface merging so the mail work stays
 * at its anchor. `dedupe_key`: one per ticket event that caused the mail (a job run twice queues once).
 */
export interface MailsTable {
  ticket_id: number | null;
  message_id_ref: number | null;
  dedupe_key: string | null;
}
/**
 * `tickets.language` (same migration): the customer's language for mail about the ticket (portal, email),
 * null for the default. Not merged into TicketsTable, whose exact row type the ticket list relies on:
 * code that reads or writes it widens the database type with `DatabaseWithTicketLanguage`.
 */
export interface TicketLanguageColumn {
  language: string | null;
}
export type DatabaseWithTicketLanguage = Omit<Database, 'tickets'> & {
  tickets: TicketsTable & TicketLanguageColumn;
};
// <tables:mail>
/** Added by the notifications migration (2026-11-28d): staff notifications by email too (SPEC 5). */
export interface UsersTable {
  notify_by_email: Generated<boolean>;
}
export type NotificationKind = 'created' | 'message' | 'assigned';

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  ticket_id: number;
  kind: NotificationKind;
  /** Names the event; unique per user, so a job that runs twice notifies once. */
  event_key: string;
  actor_name: string | null;
  actor_email: string | null;
  ticket_ref: string;
  ticket_subject: string;
  excerpt: string | null;
  created_at: string;
  read_at: string | null;
}

// <tables:notifications>

/** Each third party's tickets per status, kept by triggers (migration 2026-11-29). */
export interface ThirdpartyTicketCountsTable {
  thirdparty_id: number;
  status: string;
  n: number;
}

// <tables:portal> (schema.portal.ts)
// <tables:fieldservice> (schema.fieldservice.ts)
// <tables:inbox> (schema.inbox.ts)
// <tables:customfields> (schema.customfields.ts)

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
  dictionary_entries: DictionaryEntriesTable;
  thirdparties: ThirdpartiesTable;
  contacts: ContactsTable;
  counters: CountersTable;
  tickets: TicketsTable;
  thirdparty_ticket_counts: ThirdpartyTicketCountsTable;
  ticket_history: TicketHistoryTable;
  ticket_messages: TicketMessagesTable;
  blobs: BlobsTable;
  documents: DocumentsTable;
  // <database:mail>
  notifications: NotificationsTable;
  // <database:notifications>
  portal_sessions: PortalSessionsTable;
  portal_session_tickets: PortalSessionTicketsTable;
  portal_links: PortalLinksTable;
  portal_ip_quota: PortalIpQuotaTable;
  portal_captcha_used: PortalCaptchaUsedTable;
  // <database:portal>
  contracts: ContractsTable;
  equipment: EquipmentTable;
  interventions: InterventionsTable;
  intervention_lines: InterventionLinesTable;
  proposals: ProposalsTable;
  proposal_lines: ProposalLinesTable;
  events: EventsTable;
  ticket_links: TicketLinksTable;
  // <database:fieldservice>
  inbound_mails: InboundMailsTable;
  mail_collectors: MailCollectorsTable;
  custom_fields: CustomFieldsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type JobRow = Selectable<JobsTable>;
export type MailRow = Selectable<MailsTable>;
export type DictionaryEntryRow = Selectable<DictionaryEntriesTable>;
export type ThirdpartyRow = Selectable<ThirdpartiesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type TicketHistoryRow = Selectable<TicketHistoryTable>;
export type TicketMessageRow = Selectable<TicketMessagesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
