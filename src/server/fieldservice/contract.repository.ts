import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { ContractStatus } from '../../common/schemas/contract.schema.js';
import type { Db } from '../db/database.js';
import type { ContractsTable, Database } from '../db/schema.js';
import type { LinkedTicketRow } from './ticket-link.repository.js';

type Executor = Kysely<Database>;

export interface ContractRowWithName {
  id: number;
  ref: string;
  thirdparty_id: number;
  thirdparty_name: string;
  label: string;
  start_date: string;
  end_date: string | null;
  state: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractFilter {
  thirdpartyId?: number;
  status?: ContractStatus;
  q?: string;
  /** Today (UTC), which splits validated contracts into active and expired. */
  today: string;
}

const like = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered<O>(b: SelectQueryBuilder<Database, 'contracts' | 'thirdparties', O>, f: ContractFilter) {
  return b
    .$if(f.thirdpartyId !== undefined, (qb) => qb.where('contracts.thirdparty_id', '=', f.thirdpartyId ?? 0))
    .$if(f.status === 'draft' || f.status === 'closed', (qb) =>
      qb.where('contracts.state', '=', f.status ?? ''),
    )
    .$if(f.status === 'active', (qb) =>
      qb
        .where('contracts.state', '=', 'validated')
        .where((e) => e.or([e('contracts.end_date', 'is', null), e('contracts.end_date', '>=', f.today)])),
    )
    .$if(f.status === 'expired', (qb) =>
      qb.where('contracts.state', '=', 'validated').where('contracts.end_date', '<', f.today),
    )
    .$if(!!f.q, (qb) =>
      qb.where((e) =>
        e.or([
          e(sql`lower(contracts.ref)`, 'like', sql<string>`${like(f.q ?? '')} escape '\\'`),
          e(sql`lower(contracts.label)`, 'like', sql<string>`${like(f.q ?? '')} escape '\\'`),
        ]),
      ),
    );
}

/** Service contracts. */
export function createContractRepository(db: Db) {
  const k = db.kysely;
  const base = (ex: Executor) =>
    ex
      .selectFrom('contracts')
      .innerJoin('thirdparties', 'thirdparties.id', 'contracts.thirdparty_id')
      .selectAll('contracts')
      .select('thirdparties.name as thirdparty_name');

  return {
    findDetail: (id: number, ex: Executor = k): Promise<ContractRowWithName | undefined> =>
      base(ex).where('contracts.id', '=', id).executeTakeFirst(),

    /** The third party a contract belongs to, or undefined. */
    ownerOf: async (id: number, ex: Executor): Promise<number | undefined> =>
      (await ex.selectFrom('contracts').select('thirdparty_id').where('id', '=', id).executeTakeFirst())
        ?.thirdparty_id,

    list: (f: ContractFilter & { afterId?: number; limit: number }): Promise<ContractRowWithName[]> =>
      filtered(base(k), f)
        .$if(f.afterId !== undefined, (qb) => qb.where('contracts.id', '<', f.afterId ?? 0))
        .orderBy('contracts.id', 'desc')
        .limit(f.limit)
        .execute(),

    count: async (f: ContractFilter): Promise<number> => {
      const r = await filtered(
        k
          .selectFrom('contracts')
          .innerJoin('thirdparties', 'thirdparties.id', 'contracts.thirdparty_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<ContractsTable>, ex: Executor): Promise<number> =>
      (await ex.insertInto('contracts').values(row).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: number, patch: Updateable<ContractsTable>, ex: Executor) =>
      ex.updateTable('contracts').set(patch).where('id', '=', id).execute(),

    async equipmentCounts(ids: readonly number[], ex: Executor = k): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await ex
        .selectFrom('equipment')
        .select(['contract_id', (e) => e.fn.countAll().as('n')])
        .where('contract_id', 'in', [...ids])
        .groupBy('contract_id')
        .execute();
      return new Map(rows.map((r) => [r.contract_id ?? 0, Number(r.n)]));
    },

    /** Tickets designating an equipment item under the contract, newest first. */
    ticketsOf: (contractId: number, limit: number, ex: Executor = k): Promise<LinkedTicketRow[]> =>
      ex
        .selectFrom('tickets as t')
        .innerJoin('equipment as e', 'e.id', 't.equipment_id')
        .select(['t.id', 't.ref', 't.subject', 't.status', 't.assignee_id'])
        .where('e.contract_id', '=', contractId)
        .orderBy('t.id', 'desc')
        .limit(limit)
        .execute(),
  };
}

export type ContractRepository = ReturnType<typeof createContractRepository>;
