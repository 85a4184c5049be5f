/** Tables of the public portal (migration 2026-11-28e). */

/** The public portal (migration 2026-11-28e): sessions and their grants, personalized links, abuse counters. */
export interface PortalSessionsTable {
  /** SHA-256 of the cookie value. */
  id: string;
  thirdparty_id: number | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  max_expires_at: string;
}
export interface PortalSessionTicketsTable {
  session_id: string;
  ticket_id: number;
}
export interface PortalLinksTable {
  thirdparty_id: number;
  token_hash: string;
  /** The token sealed with the master key (secret-box), so staff can copy the link again. */
  token_sealed: string;
  created_at: string;
  created_by: number | null;
}
export interface PortalIpQuotaTable {
  ip: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  count: number;
}
export interface PortalCaptchaUsedTable {
  challenge: string;
  expires_at: string;
}
