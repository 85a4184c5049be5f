import type { Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/**
 * The public portal (SPEC 3, 4).
 *
 * - `portal_sessions`: one per browser, keyed by the SHA-256 of its cookie (a database leak gives no usable
 *   session); sliding expiry capped by `max_expires_at`. `thirdparty_id`: the customer granted by a
 *   personalized link (cleared when that link is rotated or revoked).
 * - `portal_session_tickets`: the tickets a session may see (created there, opened by key + email or by a
 *   signed link).
 * - `portal_links`: the personalized link of a third party: the SHA-256 of the token for look-ups, and the
 *   token sealed with the master key so that staff can copy the link again later.
 * - `portal_ip_quota`: tickets created per client address and month (setting portal.ticketsPerIpPerMonth).
 * - `portal_captcha_used`: solved proof-of-work challenges, kept until they expire so each is used once.
 *
 * The customer's language on tickets is added by the mail migration (2026-11-28c). Frozen once released.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);
  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thirdparty_id', 'integer', (c) => c.references('thirdparties.id').onDelete('set null'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .addColumn('max_expires_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_sessions_expires_idx')
    .on('portal_sessions')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('portal_sessions_thirdparty_idx')
    .on('portal_sessions')
    .column('thirdparty_id')
    .execute();

  await db.schema
    .createTable('portal_session_tickets')
    .addColumn('session_id', 'text', (c) => c.notNull().references('portal_sessions.id').onDelete('cascade'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('portal_session_tickets_pk', ['session_id', 'ticket_id'])
    .execute();
  await db.schema
    .createIndex('portal_session_tickets_ticket_idx')
    .on('portal_session_tickets')
    .column('ticket_id')
    .execute();

  await db.schema
    .createTable('portal_links')
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.primaryKey().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('portal_ip_quota')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_ip_quota_pk', ['ip', 'month'])
    .execute();

  await db.schema
    .createTable('portal_captcha_used')
    .addColumn('challenge', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_captcha_used_expires_idx')
    .on('portal_captcha_used')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'portal_captcha_used',
    'portal_ip_quota',
    'portal_links',
    'portal_session_tickets',
    'portal_sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
