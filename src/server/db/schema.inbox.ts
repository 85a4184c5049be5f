import type { Generated } from 'kysely';

/** Incoming mail (migration 2026-11-28i): every message read from a mailbox, and the IMAP collectors. */
export interface InboundMailsTable {
  id: Generated<number>;
  /** `user@host/folder` for IMAP, `pipe` (or the name given) for `guichet mail:ingest`. */
  mailbox: string;
  /** With angle brackets; a stable hash when the message had none. */
  message_id: string;
  /** `imported`, `ignored` or `quarantined`. */
  status: string;
  /** `created`/`replied` when imported; the ignore or quarantine reason otherwise. */
  reason: string | null;
  error: string | null;
  ticket_id: number | null;
  ticket_message_id: number | null;
  from_address: string | null;
  subject: string | null;
  size: number;
  /** Kept for quarantined messages only (retry, download). */
  raw: Buffer | null;
  attempts: Generated<number>;
  received_at: string;
  updated_at: string;
}

export interface MailCollectorsTable {
  mailbox: string;
  /** The process holding the lease, until `lease_until`. */
  owner: string | null;
  lease_until: string | null;
  /** `idle` or `poll`. */
  mode: string | null;
  last_check_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}
