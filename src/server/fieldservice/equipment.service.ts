import type { Kysely } from 'kysely';
import type {
  CreateEquipmentInput,
  Equipment,
  EquipmentListQuery,
  EquipmentPage,
  UpdateEquipmentInput,
} from '../../common/schemas/equipment.schema.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { keysetPage } from '../http/keyset-page.js';
import type { EquipmentResolver } from '../tickets/ticket.core.js';
import { presentEquipmentItem } from './equipment.presenter.js';
import { createEquipmentRepository } from './equipment.repository.js';
import { decodeIdCursor, encodeIdCursor } from './fieldservice.cursor.js';
import {
  missing,
  requireList,
  requireRead,
  requireWrite,
  type FieldserviceContext,
} from './fieldservice.context.js';

const serialColumns = (serial: string | null | undefined) =>
  serial === undefined
    ? {}
    : { serial_number: serial, serial_lower: serial === null ? null : serial.toLowerCase() };

/**
 * Equipment (SPEC 6): ref EQ<yymm>-<nnnn>, a third party, an optional contract of that third party. It is
 * also the EquipmentResolver the tickets domain checks a ticket's equipment with.
 */
export function createEquipmentService(ctx: FieldserviceContext) {
  const repo = createEquipmentRepository(ctx.db);

  async function present(actor: Actor, id: number, ex?: Kysely<Database>): Promise<Equipment> {
    const row = await repo.findDetail(id, ex);
    if (!row) throw missing('equipment');
    const tickets = await repo.ticketsOf(id, 50, ex);
    return { ...presentEquipmentItem(row), tickets: await ctx.visibleTickets(actor, tickets) };
  }

  const resolver: EquipmentResolver = {
    async equipmentOwner(equipmentId, ex) {
      return (await repo.findById(equipmentId, ex))?.thirdparty_id ?? null;
    },
  };

  return {
    ...resolver,

    async listEquipment(actorIn: Actor | null, q: EquipmentListQuery): Promise<EquipmentPage> {
      requireList(actorIn, 'equipment');
      const filter = { thirdpartyId: q.thirdpartyId, contractId: q.contractId, q: q.q || undefined };
      const afterId = q.cursor ? decodeIdCursor(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        repo.list({ ...filter, afterId, limit: q.limit + 1 }),
        repo.count(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeIdCursor(last.id));
      return { items: page.map(presentEquipmentItem), nextCursor, total };
    },

    async getEquipment(actorIn: Actor | null, id: number): Promise<Equipment> {
      return present(requireRead(actorIn, 'equipment'), id);
    },

    async createEquipment(actorIn: Actor | null, input: CreateEquipmentInput): Promise<Equipment> {
      const actor = requireWrite(actorIn, 'equipment', false);
      const id = await ctx.command(async (trx, now, at) => {
        await ctx.checks.thirdparty(input.thirdpartyId, trx);
        await ctx.checks.contractOf(input.contractId ?? null, input.thirdpartyId, trx);
        return repo.insert(
          {
            ref: await ctx.nextRef('EQ', 'equipment', at, trx),
            label: input.label,
            serial_number: null,
            serial_lower: null,
            ...serialColumns(input.serialNumber),
            thirdparty_id: input.thirdpartyId,
            contract_id: input.contractId ?? null,
            location: input.location ?? null,
            notes: input.notes ?? null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
      });
      return present(actor, id);
    },

    async updateEquipment(
      actorIn: Actor | null,
      id: number,
      input: UpdateEquipmentInput,
    ): Promise<Equipment> {
      const actor = requireWrite(actorIn, 'equipment');
      await ctx.command(async (trx, now) => {
        const row = await repo.findById(id, trx);
        if (!row) throw missing('equipment');
        if (input.contractId !== undefined)
          await ctx.checks.contractOf(input.contractId, row.thirdparty_id, trx);
        await repo.update(
          id,
          {
            ...(input.label !== undefined ? { label: input.label } : {}),
            ...serialColumns(input.serialNumber),
            ...(input.contractId !== undefined ? { contract_id: input.contractId } : {}),
            ...(input.location !== undefined ? { location: input.location } : {}),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            updated_at: now,
          },
          trx,
        );
      });
      return present(actor, id);
    },
  };
}

export type EquipmentService = ReturnType<typeof createEquipmentService>;
