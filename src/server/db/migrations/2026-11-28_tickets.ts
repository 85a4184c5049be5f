import type { Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/** Dictionaries, customers, tickets with their journal, messages and documents. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);

  await db.schema
    .createTable('dictionary_entries')
    .addColumn('id', 'integer', d.id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('parent_code', 'text')
    .addColumn('color', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('dictionary_entries_kind_code_uq', ['kind', 'code'])
    .execute();

  const now = new Date().toISOString();
  const seed: [string, string, string, string, number, boolean, boolean, string | null][] = [
    ['ticket-types', 'COM', 'Question commerciale', 'Commercial question', 10, false, false, null],
    ['ticket-types', 'HELP', 'Demande d’aide', 'Help request', 20, true, false, null],
    ['ticket-types', 'ISSUE', 'Problème ou bogue', 'Issue or bug', 30, false, false, null],
    ['ticket-types', 'REQUEST', 'Demande de changement', 'Change request', 40, false, false, null],
    ['ticket-types', 'OTHER', 'Autre', 'Other', 50, false, false, null],
    ['ticket-categories', 'OTHER', 'Autre', 'Other', 10, true, true, null],
    ['ticket-severities', 'LOW', 'Basse', 'Low', 10, false, false, '#868e96'],
    ['ticket-severities', 'NORMAL', 'Normale', 'Normal', 20, true, false, '#228be6'],
    ['ticket-severities', 'HIGH', 'Haute', 'High', 30, false, false, '#fd7e14'],
    [
      'ticket-severities',
      'BLOCKING',
      'Critique / bloquant',
      'Critical / blocking',
      40,
      false,
      false,
      '#e03131',
    ],
    ['event-types', 'AC_TEL', 'Appel téléphonique', 'Phone call', 10, false, false, null],
    ['event-types', 'AC_RDV', 'Rendez-vous', 'Meeting', 20, false, false, null],
    ['event-types', 'AC_INT', 'Intervention sur site', 'On-site intervention', 30, false, false, null],
    ['event-types', 'AC_OTH', 'Autre', 'Other', 40, true, false, null],
  ];
  await db
    .insertInto('dictionary_entries')
    .values(
      seed.map(([kind, code, fr, en, position, isDefault, isPublic, color]) => ({
        kind,
        code,
        label_fr: fr,
        label_en: en,
        position,
        active: true,
        is_default: isDefault,
        is_public: isPublic,
        parent_code: null,
        color,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('thirdparties')
    .addColumn('id', 'integer', d.id)
    .addColumn('name', 'text', (c) => c.notNull())
    /** Lower-cased, accents removed: what company search matches against. */
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('email', 'text')
    .addColumn('email_lower', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('thirdparties_name_idx')
    .on('thirdparties')
    .columns(['name_folded', 'id'])
    .execute();
  await db.schema.createIndex('thirdparties_email_idx').on('thirdparties').column('email_lower').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', d.id)
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.notNull().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_lower', 'text')
    .addColumn('phone', 'text')
    .addColumn('role', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_thirdparty_idx')
    .on('contacts')
    .columns(['thirdparty_id', 'name'])
    .execute();
  await db.schema.createIndex('contacts_email_idx').on('contacts').column('email_lower').execute();

  /** Named counters for human references (TS, FI, PR…); they never reset. */
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', d.id)
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('track_id', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    /** Plain text of the description (htmlToText), for search and exports. */
    .addColumn('message_text', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('severity_code', 'text', (c) => c.notNull())
    /** Position of the severity in its dictionary, so "sort by severity" follows the dictionary order. */
    .addColumn('severity_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    /** Status before deletion, for restore. */
    .addColumn('previous_status', 'text')
    .addColumn('resolution', 'text')
    /** status is neither closed nor deleted: leads the list indexes. */
    .addColumn('is_open', 'boolean', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_email', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    /** Copies of names for sorting and company search at scale; kept in step by the services. */
    .addColumn('assignee_name', 'text')
    .addColumn('thirdparty_id', 'integer', (c) => c.references('thirdparties.id').onDelete('set null'))
    .addColumn('thirdparty_name', 'text')
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('equipment_id', 'integer')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custom_fields', d.json, (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_response_at', d.timestamp)
    .addColumn('last_customer_message_at', d.timestamp)
    .addColumn('last_staff_message_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addColumn('read_at', d.timestamp)
    .addColumn('closed_at', d.timestamp)
    .addColumn('deleted_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('tickets_thirdparty_idx')
    .on('tickets')
    .columns(['thirdparty_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_assignee_idx')
    .on('tickets')
    .columns(['assignee_id', 'is_open', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('tickets_contact_idx').on('tickets').column('contact_id').execute();

  await db.schema
    .createTable('ticket_history')
    .addColumn('id', 'integer', d.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_email', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('old_value', d.json)
    .addColumn('new_value', d.json)
    .addColumn('details', d.json, (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('ticket_history_ticket_idx')
    .on('ticket_history')
    .columns(['ticket_id', 'id'])
    .execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'integer', d.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_email', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    /** Plain text of the body, for search and email. */
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('private', 'boolean', (c) => c.notNull())
    .addColumn('send_by_email', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mail_id', 'integer', (c) => c.references('mails.id').onDelete('set null'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_messages_ticket_idx')
    .on('ticket_messages')
    .columns(['ticket_id', 'id'])
    .execute();

  /** File contents, stored once per SHA-256 under the data directory. */
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', d.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('message_id', 'integer', (c) => c.references('ticket_messages.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_by_email', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_ticket_idx').on('documents').columns(['ticket_id', 'id']).execute();
  await db.schema.createIndex('documents_message_idx').on('documents').column('message_id').execute();
  await db.schema.createIndex('documents_sha_idx').on('documents').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'documents',
    'blobs',
    'ticket_messages',
    'ticket_history',
    'tickets',
    'counters',
    'contacts',
    'thirdparties',
    'dictionary_entries',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
