import type { Kysely } from 'kysely';

/**
 * Customer mail from ticket events (SPEC 5).
 *
 * - `mails.ticket_id` and `mails.message_id_ref` (the ticket message a mail carries) let the incoming-mail
 *   work thread a reply by its In-Reply-To, and the ticket page show a message's delivery. `message_id`
 *   (the Message-ID header) is already unique, hence indexed.
 * - `mails.dedupe_key`: one key per ticket event that causes a mail (`t12:created`, `t12:message:40`…),
 *   unique, so a ticket-event job that runs twice queues its mail once.
 * - `tickets.language`: the customer's language (portal, email) for mail sent about the ticket; null means
 *   the default language.
 *
 * Frozen once released.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mails')
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('mails')
    .addColumn('message_id_ref', 'integer', (c) => c.references('ticket_messages.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('mails').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('mails_dedupe_key_idx').on('mails').column('dedupe_key').unique().execute();
  await db.schema.createIndex('mails_ticket_idx').on('mails').columns(['ticket_id', 'id']).execute();
  await db.schema.alterTable('tickets').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('language').execute();
  await db.schema.dropIndex('mails_ticket_idx').execute();
  await db.schema.dropIndex('mails_dedupe_key_idx').execute();
  for (const column of ['dedupe_key', 'message_id_ref', 'ticket_id']) {
    await db.schema.alterTable('mails').dropColumn(column).execute();
  }
}
