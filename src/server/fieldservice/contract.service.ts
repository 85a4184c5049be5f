import type { Kysely } from 'kysely';
import type {
  Contract,
  ContractListQuery,
  ContractPage,
  ContractStatusInput,
  CreateContractInput,
  UpdateContractInput,
} from '../../common/schemas/contract.schema.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError, conflict } from '../http/errors.js';
import { keysetPage } from '../http/keyset-page.js';
import { contractStatus, presentContractItem } from './contract.presenter.js';
import { createContractRepository } from './contract.repository.js';
import { decodeIdCursor, encodeIdCursor } from './fieldservice.cursor.js';
import {
  missing,
  requireList,
  requireRead,
  requireWrite,
  type FieldserviceContext,
} from './fieldservice.context.js';

const invalidRange = (startDate: string, endDate: string) =>
  new AppError('invalid_date_range', 400, 'The end date comes before the start date', {
    details: { startDate, endDate },
  });

/** Who may go where: `active` validates a draft; the dates then say active or expired. */
const NEXT: Record<string, readonly string[]> = {
  draft: ['active'],
  active: ['closed', 'draft'],
  expired: ['closed', 'draft'],
  closed: [],
};

/** Service contracts (SPEC 6): ref CT<yymm>-<nnnn>, a third party, dates and a status. */
export function createContractService(ctx: FieldserviceContext) {
  const repo = createContractRepository(ctx.db);

  async function present(actor: Actor, id: number, ex?: Kysely<Database>): Promise<Contract> {
    const row = await repo.findDetail(id, ex);
    if (!row) throw missing('contract');
    const [counts, tickets] = await Promise.all([repo.equipmentCounts([id], ex), repo.ticketsOf(id, 50, ex)]);
    return {
      ...presentContractItem(row, ctx.today(), counts.get(id) ?? 0),
      tickets: await ctx.visibleTickets(actor, tickets),
    };
  }

  return {
    async listContracts(actorIn: Actor | null, q: ContractListQuery): Promise<ContractPage> {
      requireList(actorIn, 'contract');
      const filter = {
        thirdpartyId: q.thirdpartyId,
        status: q.status,
        q: q.q || undefined,
        today: ctx.today(),
      };
      const afterId = q.cursor ? decodeIdCursor(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        repo.list({ ...filter, afterId, limit: q.limit + 1 }),
        repo.count(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeIdCursor(last.id));
      const counts = await repo.equipmentCounts(page.map((r) => r.id));
      return {
        items: page.map((r) => presentContractItem(r, filter.today, counts.get(r.id) ?? 0)),
        nextCursor,
        total,
      };
    },

    async getContract(actorIn: Actor | null, id: number): Promise<Contract> {
      return present(requireRead(actorIn, 'contract'), id);
    },

    async createContract(actorIn: Actor | null, input: CreateContractInput): Promise<Contract> {
      const actor = requireWrite(actorIn, 'contract', false);
      if (input.endDate && input.endDate < input.startDate)
        throw invalidRange(input.startDate, input.endDate);
      const id = await ctx.command(async (trx, now, at) => {
        await ctx.checks.thirdparty(input.thirdpartyId, trx);
        return repo.insert(
          {
            ref: await ctx.nextRef('CT', 'contract', at, trx),
            thirdparty_id: input.thirdpartyId,
            label: input.label,
            start_date: input.startDate,
            end_date: input.endDate ?? null,
            state: 'draft',
            notes: input.notes ?? null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
      });
      return present(actor, id);
    },

    async updateContract(actorIn: Actor | null, id: number, input: UpdateContractInput): Promise<Contract> {
      const actor = requireWrite(actorIn, 'contract');
      await ctx.command(async (trx, now) => {
        const row = await repo.findDetail(id, trx);
        if (!row) throw missing('contract');
        const start = input.startDate ?? row.start_date;
        const end = input.endDate !== undefined ? input.endDate : row.end_date;
        if (end !== null && end < start) throw invalidRange(start, end);
        await repo.update(
          id,
          {
            ...(input.label !== undefined ? { label: input.label } : {}),
            start_date: start,
            end_date: end,
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            updated_at: now,
          },
          trx,
        );
      });
      return present(actor, id);
    },

    async setContractStatus(
      actorIn: Actor | null,
      id: number,
      input: ContractStatusInput,
    ): Promise<Contract> {
      const actor = requireWrite(actorIn, 'contract');
      await ctx.command(async (trx, now) => {
        const row = await repo.findDetail(id, trx);
        if (!row) throw missing('contract');
        const from = contractStatus(row, ctx.today());
        if (from === input.status) return;
        if (!NEXT[from]?.includes(input.status)) {
          throw conflict('transition_not_allowed', `A ${from} contract cannot become ${input.status}`, {
            status: from,
            to: input.status,
          });
        }
        const state = input.status === 'active' ? 'validated' : input.status;
        await repo.update(id, { state, updated_at: now }, trx);
      });
      return present(actor, id);
    },
  };
}

export type ContractService = ReturnType<typeof createContractService>;
