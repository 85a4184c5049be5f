import type { Kysely } from 'kysely';
import type {
  Contact,
  CreateContactInput,
  UpdateContactInput,
} from '../../common/schemas/customer.schema.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { badRequest, notFound } from '../http/errors.js';
import { emailColumns, type CustomerContext } from './customer.context.js';
import { decodeKeyset, encodeKeyset } from './customer.cursor.js';
import { presentContact } from './customer.presenter.js';
import { keysetPage } from '../http/keyset-page.js';

const contactNotFound = () => notFound('contact_not_found', 'No such contact');
const FIELDS = ['name', 'email', 'phone', 'role'] as const;

/** Contacts: the people of a third party. */
export function contactCommands(ctx: CustomerContext) {
  const { contacts, thirdparties } = ctx;

  async function load(id: number, ex?: Kysely<Database>) {
    const row = await contacts.findById(id, ex);
    if (!row) throw contactNotFound();
    return row;
  }

  return {
    /** Optionally one third party's; search in name and email; pages by name then id. */
    async listContacts(
      actorIn: Actor | null,
      q: { thirdpartyId?: number; q?: string; limit: number; cursor?: string },
    ) {
      requirePermission(actorIn, 'thirdparty.read');
      const filter = { thirdpartyId: q.thirdpartyId, q: q.q || undefined };
      const after = q.cursor ? decodeKeyset(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        contacts.list({ ...filter, after, limit: q.limit + 1 }),
        contacts.count(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeKeyset(last.name, last.id));
      return { items: page.map(presentContact), nextCursor, total };
    },

    async getContact(actorIn: Actor | null, id: number): Promise<Contact> {
      requirePermission(actorIn, 'thirdparty.read');
      return presentContact(await load(id));
    },

    async createContact(actorIn: Actor | null, input: CreateContactInput): Promise<Contact> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      return ctx.command(async (trx, now) => {
        // A body field naming a missing row is bad input (400), not a missing resource (404).
        if (!(await thirdparties.findById(input.thirdpartyId, trx))) {
          throw badRequest(`Unknown third party ${input.thirdpartyId}`, { thirdpartyId: input.thirdpartyId });
        }
        const row = await contacts.insert(
          {
            thirdparty_id: input.thirdpartyId,
            name: input.name,
            ...emailColumns(input.email ?? null),
            phone: input.phone ?? null,
            role: input.role ?? null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
        await ctx.record(trx, {
          actorUserId: actor.userId,
          action: 'contact.create',
          targetType: 'contact',
          targetId: row.id,
          details: { thirdpartyId: row.thirdparty_id, name: row.name, email: row.email },
          at: now,
        });
        return presentContact(await load(row.id, trx));
      });
    },

    async updateContact(actorIn: Actor | null, id: number, input: UpdateContactInput): Promise<Contact> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      return ctx.command(async (trx, now) => {
        const before = await load(id, trx);
        await contacts.update(
          id,
          {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...emailColumns(input.email),
            ...(input.phone !== undefined ? { phone: input.phone } : {}),
            ...(input.role !== undefined ? { role: input.role } : {}),
            updated_at: now,
          },
          trx,
        );
        const after = await load(id, trx);
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of FIELDS) {
          if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
        }
        await ctx.record(trx, {
          actorUserId: actor.userId,
          action: 'contact.update',
          targetType: 'contact',
          targetId: id,
          details: changes,
          at: now,
        });
        return presentContact(after);
      });
    },

    /** Tickets of the contact keep their third party; only the contact link is cleared. */
    async deleteContact(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      await ctx.command(async (trx, now) => {
        const before = await load(id, trx);
        await contacts.remove(id, trx);
        await ctx.record(trx, {
          actorUserId: actor.userId,
          action: 'contact.delete',
          targetType: 'contact',
          targetId: id,
          details: { thirdpartyId: before.thirdparty_id, name: before.name },
          at: now,
        });
      });
    },
  };
}
