import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { CustomerContext } from './customer.context.js';

export interface CustomerInput {
  thirdpartyId?: number | null;
  contactId?: number | null;
}

export interface CustomerLink {
  thirdpartyId: number | null;
  contactId: number | null;
}

export interface ResolvedCustomer extends CustomerLink {
  thirdpartyName: string | null;
  contactName: string | null;
}

const invalid = (message: string, details: Record<string, unknown>) =>
  new AppError('invalid_customer', 400, message, { details });

/** The customer links other domains store (tickets, portal, email): checked and named here. */
export function customerResolution(ctx: CustomerContext) {
  const { thirdparties, contacts } = ctx;

  return {
    /**
     * The third party and contact a ticket should carry. `undefined` keeps `current`'s; a contact given
     * without a third party brings its own; a contact of another third party, or an unknown id, is a 400
     * `invalid_customer`; changing the third party without naming a contact drops a contact that no
     * longer belongs. Inside a transaction, pass it as `ex` (SQLite has a single connection).
     */
    async resolveCustomer(
      input: CustomerInput,
      current?: CustomerLink,
      ex?: Kysely<Database>,
    ): Promise<ResolvedCustomer> {
      let thirdpartyId =
        input.thirdpartyId !== undefined ? input.thirdpartyId : (current?.thirdpartyId ?? null);
      const contactGiven = input.contactId !== undefined;
      let contactId = contactGiven ? (input.contactId ?? null) : (current?.contactId ?? null);

      let contactName: string | null = null;
      if (contactId !== null) {
        const contact = await contacts.findById(contactId, ex);
        if (!contact) {
          if (contactGiven) throw invalid(`Unknown contact ${contactId}`, { contactId });
          contactId = null; // the kept contact was deleted since: nothing to keep
        } else if (contactGiven && input.thirdpartyId === undefined) {
          thirdpartyId = contact.thirdparty_id;
          contactName = contact.name;
        } else if (contact.thirdparty_id !== thirdpartyId) {
          if (contactGiven) {
            throw invalid(`Contact ${contactId} does not belong to third party ${thirdpartyId ?? 'none'}`, {
              contactId,
              thirdpartyId,
            });
          }
          contactId = null;
        } else contactName = contact.name;
      }

      let thirdpartyName: string | null = null;
      if (thirdpartyId !== null) {
        const tp = await thirdparties.findById(thirdpartyId, ex);
        if (!tp) throw invalid(`Unknown third party ${thirdpartyId}`, { thirdpartyId });
        thirdpartyName = tp.name;
      }
      return { thirdpartyId, thirdpartyName, contactId, contactName };
    },

    /** The customer behind an address: a contact first, then a third party; exact, case-insensitive. */
    async findByEmail(
      email: string,
      ex?: Kysely<Database>,
    ): Promise<{ thirdpartyId: number; contactId: number | null } | null> {
      const lower = email.trim().toLowerCase();
      if (!lower) return null;
      const contact = await contacts.findByEmail(lower, ex);
      if (contact) return { thirdpartyId: contact.thirdparty_id, contactId: contact.id };
      const tp = await thirdparties.findByEmail(lower, ex);
      return tp ? { thirdpartyId: tp.id, contactId: null } : null;
    },
  };
}
