import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, EquipmentTable } from '../db/schema.js';
import type { LinkedTicketRow } from './ticket-link.repository.js';

type Executor = Kysely<Database>;
type EquipmentRow = {
  id: number;
  ref: string;
  label: string;
  serial_number: string | null;
  thirdparty_id: number;
  contract_id: number | null;
  location: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
};

export interface EquipmentDetailRow extends EquipmentRow {
  thirdparty_name: string;
  contract_ref: string | null;
}

export interface EquipmentFilter {
  thirdpartyId?: number;
  contractId?: number;
  q?: string;
}

const like = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type From = 'equipment' | 'thirdparties' | 'contracts';
function filtered<O>(b: SelectQueryBuilder<Database, From, O>, f: EquipmentFilter) {
  return b
    .$if(f.thirdpartyId !== undefined, (qb) => qb.where('equipment.thirdparty_id', '=', f.thirdpartyId ?? 0))
    .$if(f.contractId !== undefined, (qb) => qb.where('equipment.contract_id', '=', f.contractId ?? 0))
    .$if(!!f.q, (qb) =>
      qb.where((e) =>
        e.or([
          e('equipment.serial_lower', 'like', sql<string>`${like(f.q ?? '')} escape '\\'`),
          e(sql`lower(equipment.ref)`, 'like', sql<string>`${like(f.q ?? '')} escape '\\'`),
          e(sql`lower(equipment.label)`, 'like', sql<string>`${like(f.q ?? '')} escape '\\'`),
        ]),
      ),
    );
}

/** Equipment items (the customers' park). */
export function createEquipmentRepository(db: Db) {
  const k = db.kysely;
  const base = (ex: Executor) =>
    ex
      .selectFrom('equipment')
      .innerJoin('thirdparties', 'thirdparties.id', 'equipment.thirdparty_id')
      .leftJoin('contracts', 'contracts.id', 'equipment.contract_id')
      .select([
        'equipment.id',
        'equipment.ref',
        'equipment.label',
        'equipment.serial_number',
        'equipment.thirdparty_id',
        'equipment.contract_id',
        'equipment.location',
        'equipment.notes',
        'equipment.created_at',
        'equipment.updated_at',
        'thirdparties.name as thirdparty_name',
        'contracts.ref as contract_ref',
      ]);

  return {
    findById: (id: number, ex: Executor = k) =>
      ex
        .selectFrom('equipment')
        .select(['id', 'thirdparty_id', 'contract_id', 'label'])
        .where('id', '=', id)
        .executeTakeFirst(),

    findDetail: (id: number, ex: Executor = k): Promise<EquipmentDetailRow | undefined> =>
      base(ex).where('equipment.id', '=', id).executeTakeFirst(),

    list: (f: EquipmentFilter & { afterId?: number; limit: number }): Promise<EquipmentDetailRow[]> =>
      filtered(base(k), f)
        .$if(f.afterId !== undefined, (qb) => qb.where('equipment.id', '<', f.afterId ?? 0))
        .orderBy('equipment.id', 'desc')
        .limit(f.limit)
        .execute(),

    count: async (f: EquipmentFilter): Promise<number> => {
      const r = await filtered(
        k
          .selectFrom('equipment')
          .innerJoin('thirdparties', 'thirdparties.id', 'equipment.thirdparty_id')
          .leftJoin('contracts', 'contracts.id', 'equipment.contract_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<EquipmentTable>, ex: Executor): Promise<number> =>
      (await ex.insertInto('equipment').values(row).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: number, patch: Updateable<EquipmentTable>, ex: Executor) =>
      ex.updateTable('equipment').set(patch).where('id', '=', id).execute(),

    /** Tickets designating the item, newest first. */
    ticketsOf: (equipmentId: number, limit: number, ex: Executor = k): Promise<LinkedTicketRow[]> =>
      ex
        .selectFrom('tickets')
        .select(['id', 'ref', 'subject', 'status', 'assignee_id'])
        .where('equipment_id', '=', equipmentId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
  };
}

export type EquipmentRepository = ReturnType<typeof createEquipmentRepository>;
