import type { Contact, Thirdparty } from '../../../common/schemas/customer.schema.js';
import type { User } from '../../../common/schemas/user.schema.js';
import { json } from '../../test-utils.js';

/** Canned answers shared by the customer page tests. */
export function signedInAs(user: User) {
  return {
    'GET /auth/me': () => json({ user, csrfToken: 'csrf-abc' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
  };
}

export function makeThirdparty(overrides: Partial<Thirdparty> = {}): Thirdparty {
  return {
    id: 7,
    name: 'Société Générale des Eaux',
    code: 'SGE',
    email: 'contact@sge.example',
    phone: '01 23 45 67 89',
    address: '1 rue de la Source\n75001 Paris',
    notes: null,
    contactCount: 1,
    openTicketCount: 2,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 3,
    thirdpartyId: 7,
    thirdpartyName: 'Société Générale des Eaux',
    name: 'Alice Martin',
    email: 'alice@sge.example',
    phone: null,
    role: 'Buyer',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export const page = <T>(items: T[], nextCursor: string | null = null, total = items.length) =>
  json({ items, nextCursor, total });
