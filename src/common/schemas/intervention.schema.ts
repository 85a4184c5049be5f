/** Interventions (fiches d'intervention). The route list is at the top of contract.schema.ts. */
import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';
import { isoDate } from './contract.schema.js';
import { linkedTicketSchema } from './ticket-link.schema.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const INTERVENTION_STATUSES = ['draft', 'validated', 'done'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const interventionStatusSchema = z.enum(INTERVENTION_STATUSES);

/** A line of work: up to a day (1440 minutes) per line. */
export const interventionLineSchema = z
  .object({
    id: z.number().int(),
    date: isoDate,
    durationMinutes: z.number().int(),
    description: z.string(),
  })
  .meta({ id: 'InterventionLine' });
export type InterventionLine = z.infer<typeof interventionLineSchema>;

export const interventionSchema = z
  .object({
    id: z.number().int(),
    /** FI<yymm>-<nnnn>. */
    ref: z.string(),
    thirdpartyId: z.number().int(),
    thirdpartyName: z.string(),
    description: z.string(),
    status: interventionStatusSchema,
    equipmentId: z.number().int().nullable(),
    equipmentLabel: z.string().nullable(),
    contractId: z.number().int().nullable(),
    contractRef: z.string().nullable(),
    ticketIds: z.array(z.number().int()),
    /** Linked tickets the actor may read. */
    tickets: z.array(linkedTicketSchema),
    /** By date, then in the order they were added. */
    lines: z.array(interventionLineSchema),
    /** Sum of the lines. */
    durationMinutes: z.number().int(),
    /** Lines and fields can change (status is not done) and the actor holds intervention.write. */
    editable: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Intervention' });
export type Intervention = z.infer<typeof interventionSchema>;

export const interventionListItemSchema = interventionSchema
  .omit({ tickets: true, lines: true, editable: true })
  .meta({ id: 'InterventionListItem' });
export type InterventionListItem = z.infer<typeof interventionListItemSchema>;

export const interventionLineInputSchema = z.strictObject({
  date: isoDate,
  durationMinutes: z.number().int().min(1).max(1440),
  description: text(5000).default(''),
});
export type InterventionLineInput = z.infer<typeof interventionLineInputSchema>;
export const updateInterventionLineSchema = z.strictObject({
  date: isoDate.optional(),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  description: text(5000).optional(),
});
export type UpdateInterventionLineInput = z.infer<typeof updateInterventionLineSchema>;

export const createInterventionSchema = z.strictObject({
  thirdpartyId: id,
  description: text(10000).default(''),
  /** Must belong to the third party (400 invalid_equipment). */
  equipmentId: id.nullable().optional(),
  /** Must belong to the third party (400 invalid_contract); defaults to the equipment's contract. */
  contractId: id.nullable().optional(),
});
export type CreateInterventionInput = z.input<typeof createInterventionSchema>;

export const updateInterventionSchema = z.strictObject({
  description: text(10000).optional(),
  equipmentId: id.nullable().optional(),
  contractId: id.nullable().optional(),
});
export type UpdateInterventionInput = z.infer<typeof updateInterventionSchema>;

/** From a ticket: third party, equipment and the equipment's contract come from the ticket. */
export const createInterventionFromTicketSchema = z.strictObject({
  /** Defaults to the ticket's subject. */
  description: text(10000).optional(),
});
export type CreateInterventionFromTicketInput = z.infer<typeof createInterventionFromTicketSchema>;

export const interventionStatusInputSchema = z.strictObject({ status: interventionStatusSchema });
export type InterventionStatusInput = z.infer<typeof interventionStatusInputSchema>;

export const interventionListQuerySchema = z.strictObject({
  thirdpartyId: z.coerce.number().int().positive().optional(),
  equipmentId: z.coerce.number().int().positive().optional(),
  contractId: z.coerce.number().int().positive().optional(),
  ticketId: z.coerce.number().int().positive().optional(),
  status: interventionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(200).optional(),
});
export type InterventionListQuery = z.infer<typeof interventionListQuerySchema>;

export const interventionPageSchema = listSchema(interventionListItemSchema).meta({
  id: 'InterventionPage',
});
export type InterventionPage = z.infer<typeof interventionPageSchema>;

export const lineParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  lineId: z.coerce.number().int().positive(),
});
