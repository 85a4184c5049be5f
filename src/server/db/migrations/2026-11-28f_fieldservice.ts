import type { Kysely } from 'kysely';
import { dialect } from './_dialect.js';

/**
 * Field service (SPEC 6): contracts, equipment, interventions and their lines, proposals and their lines,
 * agenda events, and the links between tickets and those objects.
 *
 * Calendar dates (contract dates, line dates, validity) are `YYYY-MM-DD` text on both engines: they have
 * no time zone, and text compares in date order. Money is stored as integers (cents, thousandths), never
 * as floating point. Objects of a third party go with it (as its contacts do): the customers service
 * refuses to delete a third party that still has tickets, contracts, equipment, interventions or proposals.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialect(db);

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'integer', d.id)
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.notNull().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    /** draft, validated or closed; "active" and "expired" are read from the dates of a validated one. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contracts_thirdparty_idx')
    .on('contracts')
    .columns(['thirdparty_id', 'id'])
    .execute();

  await db.schema
    .createTable('equipment')
    .addColumn('id', 'integer', d.id)
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text')
    /** Lower-cased serial number: what the search matches. */
    .addColumn('serial_lower', 'text')
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.notNull().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('contract_id', 'integer', (c) => c.references('contracts.id').onDelete('set null'))
    .addColumn('location', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('equipment_thirdparty_idx')
    .on('equipment')
    .columns(['thirdparty_id', 'id'])
    .execute();
  await db.schema.createIndex('equipment_contract_idx').on('equipment').column('contract_id').execute();
  await db.schema.createIndex('equipment_serial_idx').on('equipment').column('serial_lower').execute();
  await db.schema.createIndex('tickets_equipment_idx').on('tickets').column('equipment_id').execute();

  await db.schema
    .createTable('interventions')
    .addColumn('id', 'integer', d.id)
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.notNull().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('equipment_id', 'integer', (c) => c.references('equipment.id').onDelete('set null'))
    .addColumn('contract_id', 'integer', (c) => c.references('contracts.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  for (const col of ['thirdparty_id', 'equipment_id', 'contract_id']) {
    await db.schema
      .createIndex(`interventions_${col.replace('_id', '')}_idx`)
      .on('interventions')
      .columns([col, 'id'])
      .execute();
  }

  await db.schema
    .createTable('intervention_lines')
    .addColumn('id', 'integer', d.id)
    .addColumn('intervention_id', 'integer', (c) =>
      c.notNull().references('interventions.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('intervention_lines_intervention_idx')
    .on('intervention_lines')
    .columns(['intervention_id', 'date', 'id'])
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'integer', d.id)
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('thirdparty_id', 'integer', (c) =>
      c.notNull().references('thirdparties.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposals_thirdparty_idx')
    .on('proposals')
    .columns(['thirdparty_id', 'id'])
    .execute();

  await db.schema
    .createTable('proposal_lines')
    .addColumn('id', 'integer', d.id)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    /** Thousandths: 1.5 → 1500. */
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
    /** Thousandths of a percent: 5.5 % → 5500. */
    .addColumn('vat_rate_milli', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_lines_proposal_idx')
    .on('proposal_lines')
    .columns(['proposal_id', 'id'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', d.id)
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_at', d.timestamp, (c) => c.notNull())
    .addColumn('end_at', d.timestamp, (c) => c.notNull())
    .addColumn('all_day', 'boolean', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('thirdparty_id', 'integer', (c) => c.references('thirdparties.id').onDelete('set null'))
    .addColumn('done', 'boolean', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_owner_idx')
    .on('events')
    .columns(['owner_id', 'start_at', 'id'])
    .execute();
  await db.schema.createIndex('events_start_idx').on('events').columns(['start_at', 'id']).execute();

  /** Polymorphic on purpose: one table, one history rule, one "linked objects" query for every type. */
  await db.schema
    .createTable('ticket_links')
    .addColumn('id', 'integer', d.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('ticket_links_uq', ['ticket_id', 'object_type', 'object_id'])
    .execute();
  await db.schema
    .createIndex('ticket_links_object_idx')
    .on('ticket_links')
    .columns(['object_type', 'object_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_equipment_idx').ifExists().execute();
  for (const t of [
    'ticket_links',
    'events',
    'proposal_lines',
    'proposals',
    'intervention_lines',
    'interventions',
    'equipment',
    'contracts',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
