import type { Kysely } from 'kysely';
import type {
  CreateThirdpartyInput,
  Thirdparty,
  UpdateThirdpartyInput,
} from '../../common/schemas/customer.schema.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, ThirdpartyRow } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { foldForSearch } from '../text/rich-text.js';
import { emailColumns, type CustomerContext } from './customer.context.js';
import { decodeKeyset, encodeKeyset } from './customer.cursor.js';
import { presentThirdparty } from './customer.presenter.js';
import { keysetPage } from '../http/keyset-page.js';

export const thirdpartyNotFound = () => notFound('thirdparty_not_found', 'No such third party');
const codeTaken = (code: string) =>
  conflict('thirdparty_code_taken', `A third party already has the code "${code}"`);

const FIELDS = ['name', 'code', 'email', 'phone', 'address', 'notes'] as const;

/** Third parties (customer companies): search, pages in name order, CRUD. */
export function thirdpartyCommands(ctx: CustomerContext) {
  const { thirdparties, jobs } = ctx;

  async function presentRows(rows: ThirdpartyRow[], ex?: Kysely<Database>): Promise<Thirdparty[]> {
    const counts = await thirdparties.counts(
      rows.map((r) => r.id),
      ex,
    );
    return rows.map((r) =>
      presentThirdparty(r, {
        contactCount: counts.contacts.get(r.id) ?? 0,
        openTicketCount: counts.open.get(r.id) ?? 0,
      }),
    );
  }

  async function presentOne(row: ThirdpartyRow, ex?: Kysely<Database>): Promise<Thirdparty> {
    const [p] = await presentRows([row], ex);
    if (!p) throw new Error('unreachable');
    return p;
  }

  async function load(id: number, ex?: Kysely<Database>): Promise<ThirdpartyRow> {
    const row = await thirdparties.findById(id, ex);
    if (!row) throw thirdpartyNotFound();
    return row;
  }

  async function checkCodeFree(
    code: string | null | undefined,
    exceptId: number | null,
    ex: Kysely<Database>,
  ) {
    if (!code) return;
    const other = await thirdparties.findByCode(code, ex);
    if (other && other.id !== exceptId) throw codeTaken(code);
  }

  /** A concurrent insert of the same code surfaces as a unique violation: same 409. */
  async function guarded<T>(code: string | null | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(code ?? '');
      throw err;
    }
  }

  return {
    /** Search in name (accents and case ignored), code and email; pages by name then id. */
    async listThirdparties(actorIn: Actor | null, q: { q?: string; limit: number; cursor?: string }) {
      requirePermission(actorIn, 'thirdparty.read');
      const search = q.q || undefined;
      const after = q.cursor ? decodeKeyset(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        thirdparties.list({ q: search, after, limit: q.limit + 1 }),
        thirdparties.count({ q: search }),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) =>
        encodeKeyset(last.name_folded, last.id),
      );
      return { items: await presentRows(page), nextCursor, total };
    },

    async getThirdparty(actorIn: Actor | null, id: number): Promise<Thirdparty> {
      requirePermission(actorIn, 'thirdparty.read');
      return presentOne(await load(id));
    },

    async createThirdparty(actorIn: Actor | null, input: CreateThirdpartyInput): Promise<Thirdparty> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      return guarded(input.code, () =>
        ctx.command(async (trx, now) => {
          await checkCodeFree(input.code, null, trx);
          const row = await thirdparties.insert(
            {
              name: input.name,
              name_folded: foldForSearch(input.name),
              code: input.code ?? null,
              ...emailColumns(input.email ?? null),
              phone: input.phone ?? null,
              address: input.address ?? null,
              notes: input.notes ?? null,
              created_at: now,
              updated_at: now,
            },
            trx,
          );
          await ctx.record(trx, {
            actorUserId: actor.userId,
            action: 'thirdparty.create',
            targetType: 'thirdparty',
            targetId: row.id,
            details: { name: row.name, code: row.code },
            at: now,
          });
          return presentThirdparty(row, { contactCount: 0, openTicketCount: 0 });
        }),
      );
    },

    /** Renaming refreshes the name copied on its tickets, through a job queued in the same transaction. */
    async updateThirdparty(
      actorIn: Actor | null,
      id: number,
      input: UpdateThirdpartyInput,
    ): Promise<Thirdparty> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      return guarded(input.code, () =>
        ctx.command(async (trx, now) => {
          const before = await load(id, trx);
          await checkCodeFree(input.code, id, trx);
          const row = await thirdparties.update(
            id,
            {
              ...(input.name !== undefined
                ? { name: input.name, name_folded: foldForSearch(input.name) }
                : {}),
              ...(input.code !== undefined ? { code: input.code } : {}),
              ...emailColumns(input.email),
              ...(input.phone !== undefined ? { phone: input.phone } : {}),
              ...(input.address !== undefined ? { address: input.address } : {}),
              ...(input.notes !== undefined ? { notes: input.notes } : {}),
              updated_at: now,
            },
            trx,
          );
          if (!row) throw thirdpartyNotFound();
          if (row.name !== before.name) {
            await jobs.enqueue(trx, 'tickets.syncThirdpartyName', { thirdpartyId: id });
          }
          const changes: Record<string, { from: unknown; to: unknown }> = {};
          for (const key of FIELDS) {
            if (before[key] !== row[key]) changes[key] = { from: before[key], to: row[key] };
          }
          await ctx.record(trx, {
            actorUserId: actor.userId,
            action: 'thirdparty.update',
            targetType: 'thirdparty',
            targetId: id,
            details: changes,
            at: now,
          });
          return presentOne(row, trx);
        }),
      );
    },

    /**
     * Refused while tickets refer to it (their history would lose its customer), and while it has
     * contracts, equipment, interventions or proposals (they would go with it); contacts go with it.
     */
    async deleteThirdparty(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      await ctx.command(async (trx, now) => {
        await thirdparties.lockForDelete(id, trx);
        const before = await load(id, trx);
        if (await thirdparties.hasTickets(id, trx)) {
          throw conflict('thirdparty_has_tickets', `"${before.name}" has tickets and cannot be deleted`);
        }
        const usage = await thirdparties.fieldserviceUsage(id, trx);
        const used = Object.entries(usage).filter(([, n]) => n > 0);
        if (used.length > 0) {
          throw conflict(
            'thirdparty_in_use',
            `"${before.name}" has ${used.map(([what, n]) => `${n} ${what}`).join(', ')} and cannot be deleted`,
            usage,
          );
        }
        await thirdparties.remove(id, trx);
        await ctx.record(trx, {
          actorUserId: actor.userId,
          action: 'thirdparty.delete',
          targetType: 'thirdparty',
          targetId: id,
          details: { name: before.name, code: before.code },
          at: now,
        });
      });
    },
  };
}
