/**
 * Proposals (propositions commerciales). The route list is at the top of contract.schema.ts.
 *
 * Amounts travel as decimal numbers with at most two places and are computed in integer cents, per line:
 *   line excl. tax = round(quantity × unit price)        (to the cent, halves away from zero)
 *   line VAT       = round(line excl. tax × VAT rate / 100)
 *   totals         = sums of the line amounts; incl. tax = excl. tax + VAT.
 * E.g. 3 × 19.99 at 20 % → 59.97 excl. tax, 11.99 VAT, 71.96 incl. tax.
 */
import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';
import { isoDate } from './contract.schema.js';
import { linkedTicketSchema } from './ticket-link.schema.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

/** A finite number with at most `places` decimal places (checked on the scaled value). */
const decimal = (places: number, min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((v) => {
      const scaled = v * 10 ** places;
      return Math.abs(scaled - Math.round(scaled)) < 1e-6;
    }, `At most ${places} decimal places`);

export const PROPOSAL_STATUSES = ['draft', 'validated', 'signed', 'refused'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);

export const proposalLineSchema = z
  .object({
    id: z.number().int(),
    description: z.string(),
    quantity: z.number(),
    unitPrice: z.number(),
    /** Percent, e.g. 20 or 5.5. */
    vatRate: z.number(),
    totalExclTax: z.number(),
    totalVat: z.number(),
    totalInclTax: z.number(),
  })
  .meta({ id: 'ProposalLine' });
export type ProposalLine = z.infer<typeof proposalLineSchema>;

/** For the printable page: the customer's coordinates as they are now. */
export const proposalThirdpartySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const proposalSchema = z
  .object({
    id: z.number().int(),
    /** PR<yymm>-<nnnn>. */
    ref: z.string(),
    thirdpartyId: z.number().int(),
    thirdpartyName: z.string(),
    thirdparty: proposalThirdpartySchema,
    status: proposalStatusSchema,
    validUntil: isoDate.nullable(),
    notes: z.string().nullable(),
    lines: z.array(proposalLineSchema),
    totalExclTax: z.number(),
    totalVat: z.number(),
    totalInclTax: z.number(),
    /** VAT per rate (sums of the line VAT), by rate ascending, for the printed totals. */
    vatByRate: z.array(z.object({ vatRate: z.number(), base: z.number(), vat: z.number() })),
    ticketIds: z.array(z.number().int()),
    tickets: z.array(linkedTicketSchema),
    /** Draft and the actor holds proposal.write. */
    editable: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalListItemSchema = proposalSchema
  .omit({ thirdparty: true, lines: true, vatByRate: true, tickets: true, editable: true })
  .meta({ id: 'ProposalListItem' });
export type ProposalListItem = z.infer<typeof proposalListItemSchema>;

export const proposalLineInputSchema = z.strictObject({
  description: text(5000).min(1),
  /** Up to 3 decimal places. */
  quantity: decimal(3, 0.001, 100_000),
  /** Up to 2 decimal places; negative for a discount line. */
  unitPrice: decimal(2, -1_000_000, 1_000_000),
  /** Percent, up to 3 decimal places. */
  vatRate: decimal(3, 0, 100),
});
export type ProposalLineInput = z.infer<typeof proposalLineInputSchema>;
export const updateProposalLineSchema = proposalLineInputSchema.partial();
export type UpdateProposalLineInput = z.infer<typeof updateProposalLineSchema>;

export const createProposalSchema = z.strictObject({
  thirdpartyId: id,
  validUntil: isoDate.nullable().optional(),
  notes: text(10000).nullable().optional(),
  lines: z.array(proposalLineInputSchema).max(200).optional(),
});
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const updateProposalSchema = z.strictObject({
  validUntil: isoDate.nullable().optional(),
  notes: text(10000).nullable().optional(),
});
export type UpdateProposalInput = z.infer<typeof updateProposalSchema>;

export const createProposalFromTicketSchema = createProposalSchema.omit({ thirdpartyId: true });
export type CreateProposalFromTicketInput = z.infer<typeof createProposalFromTicketSchema>;

export const proposalStatusInputSchema = z.strictObject({ status: proposalStatusSchema });
export type ProposalStatusInput = z.infer<typeof proposalStatusInputSchema>;

export const proposalListQuerySchema = z.strictObject({
  thirdpartyId: z.coerce.number().int().positive().optional(),
  ticketId: z.coerce.number().int().positive().optional(),
  status: proposalStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(200).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

export const proposalPageSchema = listSchema(proposalListItemSchema).meta({ id: 'ProposalPage' });
export type ProposalPage = z.infer<typeof proposalPageSchema>;
