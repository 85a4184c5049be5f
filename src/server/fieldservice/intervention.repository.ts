import type { Insertable, Kysely, SelectQueryBuilder, Updateable } from 'kysely';
import type { InterventionStatus } from '../../common/schemas/intervention.schema.js';
import type { Db } from '../db/database.js';
import type { Database, InterventionLinesTable, InterventionsTable } from '../db/schema.js';

type Executor = Kysely<Database>;

export interface InterventionDetailRow {
  id: number;
  ref: string;
  thirdparty_id: number;
  thirdparty_name: string;
  description: string;
  status: string;
  equipment_id: number | null;
  equipment_label: string | null;
  contract_id: number | null;
  contract_ref: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterventionLineRow {
  id: number;
  intervention_id: number;
  date: string;
  duration_minutes: number;
  description: string;
}

export interface InterventionFilter {
  thirdpartyId?: number;
  equipmentId?: number;
  contractId?: number;
  ticketId?: number;
  status?: InterventionStatus;
}

type From = 'interventions' | 'thirdparties' | 'equipment' | 'contracts';
function filtered<O>(b: SelectQueryBuilder<Database, From, O>, f: InterventionFilter) {
  return b
    .$if(f.thirdpartyId !== undefined, (qb) =>
      qb.where('interventions.thirdparty_id', '=', f.thirdpartyId ?? 0),
    )
    .$if(f.equipmentId !== undefined, (qb) => qb.where('interventions.equipment_id', '=', f.equipmentId ?? 0))
    .$if(f.contractId !== undefined, (qb) => qb.where('interventions.contract_id', '=', f.contractId ?? 0))
    .$if(f.status !== undefined, (qb) => qb.where('interventions.status', '=', f.status ?? ''))
    .$if(f.ticketId !== undefined, (qb) =>
      qb.where((e) =>
        e.exists(
          e
            .selectFrom('ticket_links as tl')
            .select('tl.id')
            .whereRef('tl.object_id', '=', 'interventions.id')
            .where('tl.object_type', '=', 'intervention')
            .where('tl.ticket_id', '=', f.ticketId ?? 0),
        ),
      ),
    );
}

/** Interventions and their lines. */
export function createInterventionRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  const base = (ex: Executor) =>
    ex
      .selectFrom('interventions')
      .innerJoin('thirdparties', 'thirdparties.id', 'interventions.thirdparty_id')
      .leftJoin('equipment', 'equipment.id', 'interventions.equipment_id')
      .leftJoin('contracts', 'contracts.id', 'interventions.contract_id')
      .select([
        'interventions.id',
        'interventions.ref',
        'interventions.thirdparty_id',
        'thirdparties.name as thirdparty_name',
        'interventions.description',
        'interventions.status',
        'interventions.equipment_id',
        'equipment.label as equipment_label',
        'interventions.contract_id',
        'contracts.ref as contract_ref',
        'interventions.created_at',
        'interventions.updated_at',
      ]);

  return {
    findDetail: (id: number, ex: Executor = k): Promise<InterventionDetailRow | undefined> =>
      base(ex).where('interventions.id', '=', id).executeTakeFirst(),

    /** Locks the row on PostgreSQL: line changes and status changes of one intervention run in turn. */
    findForUpdate: (id: number, ex: Executor) =>
      ex
        .selectFrom('interventions')
        .select(['id', 'ref', 'status', 'thirdparty_id', 'description', 'equipment_id', 'contract_id'])
        .where('id', '=', id)
        .$if(pg, (qb) => qb.forUpdate())
        .executeTakeFirst(),

    list: (f: InterventionFilter & { afterId?: number; limit: number }): Promise<InterventionDetailRow[]> =>
      filtered(base(k), f)
        .$if(f.afterId !== undefined, (qb) => qb.where('interventions.id', '<', f.afterId ?? 0))
        .orderBy('interventions.id', 'desc')
        .limit(f.limit)
        .execute(),

    count: async (f: InterventionFilter): Promise<number> => {
      const r = await filtered(
        k
          .selectFrom('interventions')
          .innerJoin('thirdparties', 'thirdparties.id', 'interventions.thirdparty_id')
          .leftJoin('equipment', 'equipment.id', 'interventions.equipment_id')
          .leftJoin('contracts', 'contracts.id', 'interventions.contract_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<InterventionsTable>, ex: Executor): Promise<number> =>
      (await ex.insertInto('interventions').values(row).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: number, patch: Updateable<InterventionsTable>, ex: Executor) =>
      ex.updateTable('interventions').set(patch).where('id', '=', id).execute(),

    /** Marks the draft or validated ones among `ids` done; the done ones are left alone (idempotent). */
    markDone: async (ids: readonly number[], now: string, ex: Executor = k): Promise<number> => {
      if (ids.length === 0) return 0;
      const r = await ex
        .updateTable('interventions')
        .set({ status: 'done', updated_at: now })
        .where('id', 'in', [...ids])
        .where('status', 'in', ['draft', 'validated'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** Lines of each intervention, by date then id. */
    async lines(ids: readonly number[], ex: Executor = k): Promise<Map<number, InterventionLineRow[]>> {
      const out = new Map<number, InterventionLineRow[]>();
      if (ids.length === 0) return out;
      const rows = await ex
        .selectFrom('intervention_lines')
        .select(['id', 'intervention_id', 'date', 'duration_minutes', 'description'])
        .where('intervention_id', 'in', [...ids])
        .orderBy('date')
        .orderBy('id')
        .execute();
      for (const r of rows) out.set(r.intervention_id, [...(out.get(r.intervention_id) ?? []), r]);
      return out;
    },

    findLine: (interventionId: number, lineId: number, ex: Executor) =>
      ex
        .selectFrom('intervention_lines')
        .select(['id', 'intervention_id', 'date', 'duration_minutes', 'description'])
        .where('id', '=', lineId)
        .where('intervention_id', '=', interventionId)
        .executeTakeFirst(),

    insertLine: (row: Insertable<InterventionLinesTable>, ex: Executor) =>
      ex.insertInto('intervention_lines').values(row).execute(),

    updateLine: (lineId: number, patch: Updateable<InterventionLinesTable>, ex: Executor) =>
      ex.updateTable('intervention_lines').set(patch).where('id', '=', lineId).execute(),

    deleteLine: (lineId: number, ex: Executor) =>
      ex.deleteFrom('intervention_lines').where('id', '=', lineId).execute(),
  };
}

export type InterventionRepository = ReturnType<typeof createInterventionRepository>;
