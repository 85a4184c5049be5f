import type { Generated } from 'kysely';

/** Tickets with their journal, messages and documents, and the counters of their refs (migration 2026-11-28). */
export interface CountersTable {
  name: string;
  value: number;
}

export interface TicketsTable {
  id: Generated<number>;
  ref: string;
  track_id: string;
  subject: string;
  message: string;
  message_text: string;
  type_code: string;
  category_code: string;
  severity_code: string;
  severity_rank: number;
  status: string;
  previous_status: string | null;
  resolution: string | null;
  is_open: boolean;
  origin: string;
  author_user_id: number | null;
  author_email: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  thirdparty_id: number | null;
  thirdparty_name: string | null;
  contact_id: number | null;
  equipment_id: number | null;
  progress: number;
  duration_minutes: number;
  custom_fields: string;
  version: number;
  first_response_at: string | null;
  last_customer_message_at: string | null;
  last_staff_message_at: string | null;
  created_at: string;
  updated_at: string;
  read_at: string | null;
  closed_at: string | null;
  deleted_at: string | null;
}

export type HistoryActorType = 'user' | 'customer' | 'system';

export interface TicketHistoryTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  actor_type: HistoryActorType;
  actor_user_id: number | null;
  actor_email: string | null;
  kind: string;
  field: string | null;
  /** JSON values. */
  old_value: string | null;
  new_value: string | null;
  details: string;
}

export interface TicketMessagesTable {
  id: Generated<number>;
  ticket_id: number;
  author_type: HistoryActorType;
  author_user_id: number | null;
  author_email: string | null;
  body: string;
  body_text: string;
  private: boolean;
  send_by_email: boolean;
  mail_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  mime_type: string;
  created_at: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  ticket_id: number;
  message_id: number | null;
  sha256: string;
  filename: string;
  mime_type: string;
  size: number;
  uploaded_by_user_id: number | null;
  uploaded_by_email: string | null;
  created_at: string;
}
