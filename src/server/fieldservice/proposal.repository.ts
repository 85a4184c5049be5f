import type { Insertable, Kysely, SelectQueryBuilder, Updateable } from 'kysely';
import type { ProposalStatus } from '../../common/schemas/proposal.schema.js';
import type { Db } from '../db/database.js';
import type { Database, ProposalLinesTable, ProposalsTable } from '../db/schema.js';

type Executor = Kysely<Database>;

export interface ProposalDetailRow {
  id: number;
  ref: string;
  thirdparty_id: number;
  status: string;
  valid_until: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  tp_name: string;
  tp_code: string | null;
  tp_email: string | null;
  tp_phone: string | null;
  tp_address: string | null;
}

export interface ProposalLineRow {
  id: number;
  proposal_id: number;
  description: string;
  quantity_milli: number;
  unit_price_cents: number;
  vat_rate_milli: number;
}

export interface ProposalFilter {
  thirdpartyId?: number;
  ticketId?: number;
  status?: ProposalStatus;
}

function filtered<O>(b: SelectQueryBuilder<Database, 'proposals' | 'thirdparties', O>, f: ProposalFilter) {
  return b
    .$if(f.thirdpartyId !== undefined, (qb) => qb.where('proposals.thirdparty_id', '=', f.thirdpartyId ?? 0))
    .$if(f.status !== undefined, (qb) => qb.where('proposals.status', '=', f.status ?? ''))
    .$if(f.ticketId !== undefined, (qb) =>
      qb.where((e) =>
        e.exists(
          e
            .selectFrom('ticket_links as tl')
            .select('tl.id')
            .whereRef('tl.object_id', '=', 'proposals.id')
            .where('tl.object_type', '=', 'proposal')
            .where('tl.ticket_id', '=', f.ticketId ?? 0),
        ),
      ),
    );
}

/** Proposals and their lines. */
export function createProposalRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  const base = (ex: Executor) =>
    ex
      .selectFrom('proposals')
      .innerJoin('thirdparties', 'thirdparties.id', 'proposals.thirdparty_id')
      .selectAll('proposals')
      .select([
        'thirdparties.name as tp_name',
        'thirdparties.code as tp_code',
        'thirdparties.email as tp_email',
        'thirdparties.phone as tp_phone',
        'thirdparties.address as tp_address',
      ]);

  return {
    findDetail: (id: number, ex: Executor = k): Promise<ProposalDetailRow | undefined> =>
      base(ex).where('proposals.id', '=', id).executeTakeFirst(),

    /** Locks the row on PostgreSQL: changes of one proposal run in turn. */
    findForUpdate: (id: number, ex: Executor) =>
      ex
        .selectFrom('proposals')
        .select(['id', 'ref', 'status', 'thirdparty_id'])
        .where('id', '=', id)
        .$if(pg, (qb) => qb.forUpdate())
        .executeTakeFirst(),

    list: (f: ProposalFilter & { afterId?: number; limit: number }): Promise<ProposalDetailRow[]> =>
      filtered(base(k), f)
        .$if(f.afterId !== undefined, (qb) => qb.where('proposals.id', '<', f.afterId ?? 0))
        .orderBy('proposals.id', 'desc')
        .limit(f.limit)
        .execute(),

    count: async (f: ProposalFilter): Promise<number> => {
      const r = await filtered(
        k
          .selectFrom('proposals')
          .innerJoin('thirdparties', 'thirdparties.id', 'proposals.thirdparty_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<ProposalsTable>, ex: Executor): Promise<number> =>
      (await ex.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: number, patch: Updateable<ProposalsTable>, ex: Executor) =>
      ex.updateTable('proposals').set(patch).where('id', '=', id).execute(),

    /** Lines of each proposal, in the order they were added. */
    async lines(ids: readonly number[], ex: Executor = k): Promise<Map<number, ProposalLineRow[]>> {
      const out = new Map<number, ProposalLineRow[]>();
      if (ids.length === 0) return out;
      const rows = await ex
        .selectFrom('proposal_lines')
        .select(['id', 'proposal_id', 'description', 'quantity_milli', 'unit_price_cents', 'vat_rate_milli'])
        .where('proposal_id', 'in', [...ids])
        .orderBy('id')
        .execute();
      for (const r of rows) out.set(r.proposal_id, [...(out.get(r.proposal_id) ?? []), r]);
      return out;
    },

    findLine: (proposalId: number, lineId: number, ex: Executor) =>
      ex
        .selectFrom('proposal_lines')
        .select('id')
        .where('id', '=', lineId)
        .where('proposal_id', '=', proposalId)
        .executeTakeFirst(),

    insertLines: async (rows: Insertable<ProposalLinesTable>[], ex: Executor): Promise<void> => {
      if (rows.length > 0) await ex.insertInto('proposal_lines').values(rows).execute();
    },

    updateLine: (lineId: number, patch: Updateable<ProposalLinesTable>, ex: Executor) =>
      ex.updateTable('proposal_lines').set(patch).where('id', '=', lineId).execute(),

    deleteLine: (lineId: number, ex: Executor) =>
      ex.deleteFrom('proposal_lines').where('id', '=', lineId).execute(),
  };
}

export type ProposalRepository = ReturnType<typeof createProposalRepository>;
