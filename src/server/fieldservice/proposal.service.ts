import type { Kysely } from 'kysely';
import type {
  CreateProposalInput,
  Proposal,
  ProposalLineInput,
  ProposalListQuery,
  ProposalPage,
  ProposalStatus,
  ProposalStatusInput,
  UpdateProposalInput,
  UpdateProposalLineInput,
} from '../../common/schemas/proposal.schema.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import {
  canWrite,
  missing,
  requireList,
  requireRead,
  requireWrite,
  type FieldserviceContext,
} from './fieldservice.context.js';
import { lineColumns, presentProposal, presentProposalItem } from './proposal.presenter.js';
import { createProposalRepository } from './proposal.repository.js';

const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  draft: ['validated'],
  validated: ['signed', 'refused', 'draft'],
  signed: [],
  refused: [],
};

/** Proposals (SPEC 6): ref PR<yymm>-<nnnn>; lines and fields change while draft only (what was sent stays). */
export function createProposalService(ctx: FieldserviceContext) {
  const repo = createProposalRepository(ctx.db);

  async function present(actor: Actor, id: number, ex?: Kysely<Database>): Promise<Proposal> {
    const row = await repo.findDetail(id, ex);
    if (!row) throw missing('proposal');
    const [lines, tickets] = await Promise.all([
      repo.lines([id], ex),
      ctx.links.ticketsOf('proposal', [id], ex),
    ]);
    const visible = await ctx.visibleTickets(actor, tickets.get(id) ?? []);
    return presentProposal(row, lines.get(id) ?? [], visible, canWrite(actor, 'proposal'));
  }

  /** Inserts a draft proposal with its lines in `trx`. */
  async function insert(
    trx: Kysely<Database>,
    actor: Actor,
    input: CreateProposalInput,
    now: string,
    at: Date,
  ): Promise<number> {
    await ctx.checks.thirdparty(input.thirdpartyId, trx);
    const id = await repo.insert(
      {
        ref: await ctx.nextRef('PR', 'proposal', at, trx),
        thirdparty_id: input.thirdpartyId,
        status: 'draft',
        valid_until: input.validUntil ?? null,
        notes: input.notes ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    await repo.insertLines(
      (input.lines ?? []).map((l) => ({
        proposal_id: id,
        description: l.description,
        quantity_milli: 0,
        unit_price_cents: 0,
        vat_rate_milli: 0,
        ...lineColumns(l),
        created_at: now,
        updated_at: now,
      })),
      trx,
    );
    return id;
  }

  /** A change of a draft proposal, in one transaction with the row locked; 409 once it left draft. */
  async function changeDraft(
    actor: Actor,
    id: number,
    fn: (trx: Kysely<Database>, now: string) => Promise<void>,
  ): Promise<Proposal> {
    await ctx.command(async (trx, now) => {
      const row = await repo.findForUpdate(id, trx);
      if (!row) throw missing('proposal');
      if (row.status !== 'draft') {
        throw conflict('proposal_not_draft', `${row.ref} is ${row.status}: only a draft can be changed`, {
          status: row.status,
        });
      }
      await fn(trx, now);
      await repo.update(id, { updated_at: now }, trx);
    });
    return present(actor, id);
  }

  async function lineOf(id: number, lineId: number, trx: Kysely<Database>) {
    const line = await repo.findLine(id, lineId, trx);
    if (!line) throw notFound('proposal_line_not_found', `No line ${lineId} on this proposal`);
  }

  return {
    present,
    insert,

    async listProposals(actorIn: Actor | null, q: ProposalListQuery): Promise<ProposalPage> {
      const actor = requireList(actorIn, 'proposal');
      return ctx.linedPage(actor, 'proposal', q, repo, presentProposalItem);
    },

    async getProposal(actorIn: Actor | null, id: number): Promise<Proposal> {
      return present(requireRead(actorIn, 'proposal'), id);
    },

    async createProposal(actorIn: Actor | null, input: CreateProposalInput): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal', false);
      const id = await ctx.command((trx, now, at) => insert(trx, actor, input, now, at));
      return present(actor, id);
    },

    async updateProposal(actorIn: Actor | null, id: number, input: UpdateProposalInput): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal');
      return changeDraft(actor, id, async (trx, now) => {
        await repo.update(
          id,
          {
            ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            updated_at: now,
          },
          trx,
        );
      });
    },

    async setProposalStatus(
      actorIn: Actor | null,
      id: number,
      input: ProposalStatusInput,
    ): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal');
      await ctx.command(async (trx, now) => {
        const row = await repo.findForUpdate(id, trx);
        if (!row) throw missing('proposal');
        const from = row.status as ProposalStatus;
        if (from === input.status) return;
        if (!NEXT[from].includes(input.status)) {
          throw conflict('transition_not_allowed', `A ${from} proposal cannot become ${input.status}`, {
            status: from,
            to: input.status,
          });
        }
        await repo.update(id, { status: input.status, updated_at: now }, trx);
      });
      return present(actor, id);
    },

    async addProposalLine(actorIn: Actor | null, id: number, input: ProposalLineInput): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal');
      return changeDraft(actor, id, async (trx, now) => {
        await repo.insertLines(
          [
            {
              proposal_id: id,
              description: input.description,
              quantity_milli: 0,
              unit_price_cents: 0,
              vat_rate_milli: 0,
              ...lineColumns(input),
              created_at: now,
              updated_at: now,
            },
          ],
          trx,
        );
      });
    },

    async updateProposalLine(
      actorIn: Actor | null,
      id: number,
      lineId: number,
      input: UpdateProposalLineInput,
    ): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal');
      return changeDraft(actor, id, async (trx, now) => {
        await lineOf(id, lineId, trx);
        await repo.updateLine(lineId, { ...lineColumns(input), updated_at: now }, trx);
      });
    },

    async deleteProposalLine(actorIn: Actor | null, id: number, lineId: number): Promise<Proposal> {
      const actor = requireWrite(actorIn, 'proposal');
      return changeDraft(actor, id, async (trx) => {
        await lineOf(id, lineId, trx);
        await repo.deleteLine(lineId, trx);
      });
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
