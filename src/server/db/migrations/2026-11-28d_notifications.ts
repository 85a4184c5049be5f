import { sql, type Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/**
 * Staff notifications (SPEC 5): one row per user and ticket event, and each user's choice to get them by
 * email too (on by default). Frozen once released.
 *
 * - `event_key` names the event (`created:<ticket>`, `message:<message>`, `assigned:<ticket>:<job>`): unique
 *   per user, so a job that runs twice inserts nothing the second time.
 * - The ticket's ref and subject and the actor's name are copied: the list shows what the notification
 *   said when it was made, without a join per row.
 * - The bell reads "my unread, newest first" and its count on every poll: a partial index holds exactly
 *   those rows; the full list pages on (user_id, id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);

  await db.schema
    .alterTable('users')
    .addColumn('notify_by_email', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', d.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('ticket_ref', 'text', (c) => c.notNull())
    .addColumn('ticket_subject', 'text', (c) => c.notNull())
    /** Start of the customer's message, for `message` notifications. */
    .addColumn('excerpt', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('read_at', d.timestamp)
    .addUniqueConstraint('notifications_user_event_uq', ['user_id', 'event_key'])
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  await db.schema.createIndex('notifications_ticket_idx').on('notifications').column('ticket_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('users').dropColumn('notify_by_email').execute();
}
