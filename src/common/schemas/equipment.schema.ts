/** Equipment (the customers' park). The route list is at the top of contract.schema.ts. */
import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';
import { linkedTicketSchema } from './ticket-link.schema.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const equipmentSchema = z
  .object({
    id: z.number().int(),
    /** EQ<yymm>-<nnnn>, given by Guichet. */
    ref: z.string(),
    label: z.string(),
    serialNumber: z.string().nullable(),
    thirdpartyId: z.number().int(),
    thirdpartyName: z.string(),
    /** A contract of the same third party, or null. */
    contractId: z.number().int().nullable(),
    contractRef: z.string().nullable(),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    /** Tickets that designate it, newest first (at most 50). */
    tickets: z.array(linkedTicketSchema),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Equipment' });
export type Equipment = z.infer<typeof equipmentSchema>;

export const equipmentListItemSchema = equipmentSchema
  .omit({ tickets: true })
  .meta({ id: 'EquipmentListItem' });
export type EquipmentListItem = z.infer<typeof equipmentListItemSchema>;

export const createEquipmentSchema = z.strictObject({
  thirdpartyId: id,
  label: text(200).min(1),
  serialNumber: text(100).min(1).nullable().optional(),
  /** Must belong to the same third party (400 invalid_contract). */
  contractId: id.nullable().optional(),
  location: text(500).nullable().optional(),
  notes: text(10000).nullable().optional(),
});
export type CreateEquipmentInput = z.infer<typeof createEquipmentSchema>;

/** The third party of an equipment item never changes (tickets and interventions refer to it). */
export const updateEquipmentSchema = createEquipmentSchema.omit({ thirdpartyId: true }).partial();
export type UpdateEquipmentInput = z.infer<typeof updateEquipmentSchema>;

export const equipmentListQuerySchema = z.strictObject({
  thirdpartyId: z.coerce.number().int().positive().optional(),
  contractId: z.coerce.number().int().positive().optional(),
  /** Serial number, ref or label: case-insensitive substring. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(200).optional(),
});
export type EquipmentListQuery = z.infer<typeof equipmentListQuerySchema>;

export const equipmentPageSchema = listSchema(equipmentListItemSchema).meta({ id: 'EquipmentPage' });
export type EquipmentPage = z.infer<typeof equipmentPageSchema>;
