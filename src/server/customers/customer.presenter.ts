import type { Contact, Thirdparty } from '../../common/schemas/customer.schema.js';
import type { ThirdpartyRow } from '../db/schema.js';
import type { ContactWithThirdparty } from './contact.repository.js';

export function presentThirdparty(
  row: ThirdpartyRow,
  counts: { contactCount: number; openTicketCount: number },
): Thirdparty {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    email: row.email,
    phone: row.phone,
    address: row.address,
    notes: row.notes,
    contactCount: counts.contactCount,
    openTicketCount: counts.openTicketCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentContact(row: ContactWithThirdparty): Contact {
  return {
    id: row.id,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
