import type { Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/**
 * Custom fields (SPEC 2.5): the definitions an administrator adds to the ticket forms. Values stay where
 * they were, in tickets.custom_fields (JSON text keyed by `key`).
 *
 * - `key` is unique forever: a field is deactivated, never deleted, so a key never comes back with
 *   another meaning or type.
 * - `options`: JSON text, `[{ value, label: { fr, en } }]` for select and multiselect, `[]` otherwise.
 * - `field_group`: `IN` (staff creation form), `OUT` (portal form) or `BOTH`.
 *
 * Frozen once released.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);
  await db.schema
    .createTable('custom_fields')
    .addColumn('id', 'integer', d.id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('options', d.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('field_group', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('custom_fields').execute();
}
