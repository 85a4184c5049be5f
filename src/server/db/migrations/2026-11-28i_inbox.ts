import type { Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/**
 * Incoming mail (SPEC 5).
 *
 * - `inbound_mails`: every message read from a mailbox (IMAP folder or the `mail:ingest` pipe), once per
 *   mailbox and Message-ID (unique), whatever became of it: imported (a ticket created or a message added),
 *   ignored (auto-reply, bounce, our own mail) or quarantined (the raw message kept, with the reason, until an
 *   administrator retries or deletes it). Threading looks up In-Reply-To/References here and in `mails`.
 * - `mail_collectors`: one row per IMAP mailbox: the lease that lets one worker process collect it at a
 *   time, and what the Email settings page shows (last check, last error; counts come from inbound_mails).
 *
 * Frozen once released.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);
  await db.schema
    .createTable('inbound_mails')
    .addColumn('id', 'integer', d.id)
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('error', 'text')
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('ticket_message_id', 'integer', (c) => c.references('ticket_messages.id').onDelete('set null'))
    .addColumn('from_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('raw', d.pg ? 'bytea' : 'blob')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('received_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inbound_mails_message_idx')
    .on('inbound_mails')
    .columns(['mailbox', 'message_id'])
    .unique()
    .execute();
  // Threading: a reply names a message we received, from whichever mailbox.
  await db.schema
    .createIndex('inbound_mails_thread_idx')
    .on('inbound_mails')
    .columns(['message_id', 'ticket_id'])
    .execute();
  // The quarantine page, newest first.
  await db.schema
    .createIndex('inbound_mails_status_idx')
    .on('inbound_mails')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('mail_collectors')
    .addColumn('mailbox', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text')
    .addColumn('lease_until', d.timestamp)
    .addColumn('mode', 'text')
    .addColumn('last_check_at', d.timestamp)
    .addColumn('last_success_at', d.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', d.timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_collectors').execute();
  await db.schema.dropTable('inbound_mails').execute();
}
