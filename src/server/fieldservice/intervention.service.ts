import type { Kysely } from 'kysely';
import type {
  CreateInterventionInput,
  Intervention,
  InterventionLineInput,
  InterventionListQuery,
  InterventionPage,
  InterventionStatus,
  InterventionStatusInput,
  UpdateInterventionInput,
  UpdateInterventionLineInput,
} from '../../common/schemas/intervention.schema.js';
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
import { presentIntervention, presentInterventionItem } from './intervention.presenter.js';
import { createInterventionRepository } from './intervention.repository.js';

const NEXT: Record<InterventionStatus, readonly InterventionStatus[]> = {
  draft: ['validated'],
  validated: ['done', 'draft'],
  done: [],
};

const isDone = (ref: string) => conflict('intervention_done', `${ref} is done: it can no longer be changed`);

/** What a new intervention is made of, checked against its third party in the transaction. */
export interface NewIntervention {
  thirdpartyId: number;
  description: string;
  equipmentId: number | null;
  /** undefined: the equipment's contract. */
  contractId?: number | null;
}

/** Interventions (SPEC 6): ref FI<yymm>-<nnnn>, lines of work, and the duration of the linked tickets. */
export function createInterventionService(ctx: FieldserviceContext) {
  const repo = createInterventionRepository(ctx.db);

  async function present(actor: Actor, id: number, ex?: Kysely<Database>): Promise<Intervention> {
    const row = await repo.findDetail(id, ex);
    if (!row) throw missing('intervention');
    const [lines, tickets] = await Promise.all([
      repo.lines([id], ex),
      ctx.links.ticketsOf('intervention', [id], ex),
    ]);
    const visible = await ctx.visibleTickets(actor, tickets.get(id) ?? []);
    return presentIntervention(row, lines.get(id) ?? [], visible, canWrite(actor, 'intervention'));
  }

  /** Inserts an intervention in `trx`: third party, equipment and contract must agree (400 otherwise). */
  async function insert(
    trx: Kysely<Database>,
    actor: Actor,
    input: NewIntervention,
    now: string,
    at: Date,
  ): Promise<number> {
    await ctx.checks.thirdparty(input.thirdpartyId, trx);
    const equipment = await ctx.checks.equipmentOf(input.equipmentId, input.thirdpartyId, trx);
    const contractId = input.contractId !== undefined ? input.contractId : equipment.contractId;
    await ctx.checks.contractOf(contractId, input.thirdpartyId, trx);
    return repo.insert(
      {
        ref: await ctx.nextRef('FI', 'intervention', at, trx),
        thirdparty_id: input.thirdpartyId,
        description: input.description,
        status: 'draft',
        equipment_id: input.equipmentId,
        contract_id: contractId,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
  }

  /**
   * Runs a change of one intervention that is not done: locks it, runs `fn`, touches it, and recomputes the
   * duration of every linked ticket, all in one transaction.
   */
  async function changeOpen(
    actor: Actor,
    id: number,
    fn: (trx: Kysely<Database>, now: string) => Promise<void>,
  ): Promise<Intervention> {
    await ctx.command(async (trx, now) => {
      const row = await repo.findForUpdate(id, trx);
      if (!row) throw missing('intervention');
      if (row.status === 'done') throw isDone(row.ref);
      await fn(trx, now);
      await repo.update(id, { updated_at: now }, trx);
      await ctx.links.recomputeDurations(await ctx.links.ticketIdsOf('intervention', id, trx), now, trx);
    });
    return present(actor, id);
  }

  async function lineOf(id: number, lineId: number, trx: Kysely<Database>) {
    const line = await repo.findLine(id, lineId, trx);
    if (!line) throw notFound('intervention_line_not_found', `No line ${lineId} on this intervention`);
    return line;
  }

  return {
    present,
    insert,
    repository: repo,

    async listInterventions(actorIn: Actor | null, q: InterventionListQuery): Promise<InterventionPage> {
      const actor = requireList(actorIn, 'intervention');
      return ctx.linedPage(actor, 'intervention', q, repo, presentInterventionItem);
    },

    async getIntervention(actorIn: Actor | null, id: number): Promise<Intervention> {
      return present(requireRead(actorIn, 'intervention'), id);
    },

    async createIntervention(actorIn: Actor | null, input: CreateInterventionInput): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention', false);
      const id = await ctx.command((trx, now, at) =>
        insert(
          trx,
          actor,
          {
            thirdpartyId: input.thirdpartyId,
            description: input.description ?? '',
            equipmentId: input.equipmentId ?? null,
            contractId: input.contractId,
          },
          now,
          at,
        ),
      );
      return present(actor, id);
    },

    /** Changing the equipment without naming a contract takes the new equipment's contract. */
    async updateIntervention(
      actorIn: Actor | null,
      id: number,
      input: UpdateInterventionInput,
    ): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention');
      return changeOpen(actor, id, async (trx, now) => {
        const row = await repo.findForUpdate(id, trx);
        if (!row) throw missing('intervention');
        let contractId = input.contractId;
        if (input.equipmentId !== undefined) {
          const eq = await ctx.checks.equipmentOf(input.equipmentId, row.thirdparty_id, trx);
          if (contractId === undefined) contractId = eq.contractId;
        }
        if (contractId !== undefined) await ctx.checks.contractOf(contractId, row.thirdparty_id, trx);
        await repo.update(
          id,
          {
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.equipmentId !== undefined ? { equipment_id: input.equipmentId } : {}),
            ...(contractId !== undefined ? { contract_id: contractId } : {}),
            updated_at: now,
          },
          trx,
        );
      });
    },

    async setInterventionStatus(
      actorIn: Actor | null,
      id: number,
      input: InterventionStatusInput,
    ): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention');
      await ctx.command(async (trx, now) => {
        const row = await repo.findForUpdate(id, trx);
        if (!row) throw missing('intervention');
        const from = row.status as InterventionStatus;
        if (from === input.status) return;
        if (!NEXT[from].includes(input.status)) {
          throw conflict('transition_not_allowed', `A ${from} intervention cannot become ${input.status}`, {
            status: from,
            to: input.status,
          });
        }
        await repo.update(id, { status: input.status, updated_at: now }, trx);
      });
      return present(actor, id);
    },

    async addInterventionLine(
      actorIn: Actor | null,
      id: number,
      input: InterventionLineInput,
    ): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention');
      return changeOpen(actor, id, async (trx, now) => {
        await repo.insertLine(
          {
            intervention_id: id,
            date: input.date,
            duration_minutes: input.durationMinutes,
            description: input.description,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
      });
    },

    async updateInterventionLine(
      actorIn: Actor | null,
      id: number,
      lineId: number,
      input: UpdateInterventionLineInput,
    ): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention');
      return changeOpen(actor, id, async (trx, now) => {
        await lineOf(id, lineId, trx);
        await repo.updateLine(
          lineId,
          {
            ...(input.date !== undefined ? { date: input.date } : {}),
            ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            updated_at: now,
          },
          trx,
        );
      });
    },

    async deleteInterventionLine(actorIn: Actor | null, id: number, lineId: number): Promise<Intervention> {
      const actor = requireWrite(actorIn, 'intervention');
      return changeOpen(actor, id, async (trx) => {
        await lineOf(id, lineId, trx);
        await repo.deleteLine(lineId, trx);
      });
    },
  };
}

export type InterventionService = ReturnType<typeof createInterventionService>;
