/**
 * Field service API (SPEC 6, issue 6). Schemas: contract.schema.ts (this file), equipment.schema.ts,
 * intervention.schema.ts, proposal.schema.ts, event.schema.ts, ticket-link.schema.ts.
 *
 * Routes, all under /api/v1. Errors are `{ error: { code, message, details } }`.
 * Reading contracts and equipment needs `thirdparty.read` OR `intervention.read` (the ticket form's
 * equipment picker is used by agents); changing them needs `intervention.write`. Without the read
 * permission an object answers 404 as if it did not exist; with read but without write, changes get 403.
 * Lists answer `{ items, nextCursor, total }` (pass `cursor=nextCursor` for the next page).
 *
 * Contracts (read: thirdparty.read | intervention.read; write: intervention.write)
 *   GET    /contracts                 ?thirdpartyId&status&q&limit&cursor  → ContractPage (newest first)
 *   POST   /contracts                 CreateContractInput                   → 201 Contract (status draft)
 *   GET    /contracts/:id                                                   → Contract (with equipmentCount,
 *                                                                             tickets of its equipment)
 *   PATCH  /contracts/:id             UpdateContractInput                   → Contract
 *   POST   /contracts/:id/status      { status: 'draft'|'active'|'closed' } → Contract
 *          draft → active (validate; 'active' or 'expired' then follows the dates), active|expired → closed,
 *          active|expired → draft. Else 409 transition_not_allowed.
 * Equipment (same permissions as contracts)
 *   GET    /equipment                 ?thirdpartyId&contractId&q&limit&cursor → EquipmentPage
 *          (q: serial number, ref or label, case-insensitive substring)
 *   POST   /equipment                 CreateEquipmentInput                  → 201 Equipment
 *   GET    /equipment/:id                                                   → Equipment (with its tickets)
 *   PATCH  /equipment/:id             UpdateEquipmentInput                  → Equipment
 * Interventions (intervention.read / intervention.write)
 *   GET    /interventions             ?thirdpartyId&equipmentId&contractId&ticketId&status&limit&cursor
 *                                                                          → InterventionPage
 *   POST   /interventions             CreateInterventionInput               → 201 Intervention
 *   GET    /interventions/:id                                               → Intervention
 *   PATCH  /interventions/:id         UpdateInterventionInput               → Intervention (409
 *                                                                             intervention_done once done)
 *   POST   /interventions/:id/status  { status: 'draft'|'validated'|'done' } → Intervention
 *          draft → validated → done, validated → draft.
 *   POST   /interventions/:id/lines   InterventionLineInput                 → 201 Intervention
 *   PATCH  /interventions/:id/lines/:lineId  UpdateInterventionLineInput    → Intervention
 *   DELETE /interventions/:id/lines/:lineId                                 → Intervention
 *          Lines change only while not done (409 intervention_done); each change recomputes the
 *          durationMinutes of every linked ticket in the same transaction.
 *   POST   /tickets/:id/interventions CreateInterventionFromTicketInput     → 201 Intervention (linked;
 *          third party, equipment and the equipment's contract copied; 409 ticket_without_thirdparty)
 * Proposals (proposal.read / proposal.write)
 *   GET    /proposals                 ?thirdpartyId&status&ticketId&limit&cursor → ProposalPage
 *   POST   /proposals                 CreateProposalInput                   → 201 Proposal
 *   GET    /proposals/:id                                                   → Proposal (third party address
 *                                                                             for printing, lines, totals)
 *   PATCH  /proposals/:id             UpdateProposalInput                   → Proposal (draft only, else 409
 *                                                                             proposal_not_draft)
 *   POST   /proposals/:id/status      { status: 'draft'|'validated'|'signed'|'refused' } → Proposal
 *          draft → validated → signed | refused, validated → draft.
 *   POST   /proposals/:id/lines       ProposalLineInput                     → 201 Proposal (draft only)
 *   PATCH  /proposals/:id/lines/:lineId  UpdateProposalLineInput            → Proposal (draft only)
 *   DELETE /proposals/:id/lines/:lineId                                     → Proposal (draft only)
 *   POST   /tickets/:id/proposals     CreateProposalFromTicketInput         → 201 Proposal (linked; 409
 *                                                                             ticket_without_thirdparty)
 * Events (agenda.read / agenda.write)
 *   GET    /events                    ?ownerId(me|id)&thirdpartyId&from&to&limit&cursor → EventPage
 *          events overlapping [from, to), ordered by start then id (a week view: from=Mon, to=next Mon)
 *   POST   /events                    CreateEventInput                      → 201 Event
 *   GET    /events/:id                                                      → Event
 *   PATCH  /events/:id                UpdateEventInput                      → Event
 *   DELETE /events/:id                                                      → 204 (its links go, written in
 *                                                                             the tickets' history)
 *   POST   /tickets/:id/events        CreateEventFromTicketInput            → 201 Event (linked; label
 *          defaults to "<ref> – <subject>", type to the setting agenda.defaultEventType)
 * Links between a ticket and interventions, proposals, events (ticket visible to the actor; linking or
 * unlinking needs the object's write permission; each one writes link_created / link_removed in the
 * ticket's history and recomputes the ticket's durationMinutes)
 *   GET    /tickets/:id/links                                               → TicketLinkList
 *          (only the object types the actor may read)
 *   POST   /tickets/:id/links         TicketLinkInput                       → 201 TicketLinkList (200 and no
 *                                                                             history if already linked)
 *   DELETE /tickets/:id/links         ?objectType&objectId                  → 200 TicketLinkList (404
 *                                                                             link_not_found)
 * Tickets: `equipmentId` on POST/PATCH /tickets must be an equipment of the ticket's third party (400
 * invalid_equipment); ticket abilities gain createIntervention, createProposal, createEvent.
 *
 * Dates without time (contract dates, line dates, validUntil) are `YYYY-MM-DD`; instants are ISO-8601.
 */
import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';
import { linkedTicketSchema } from './ticket-link.schema.js';

export const isoDate = z.iso.date();
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'closed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const contractStatusSchema = z.enum(CONTRACT_STATUSES);

export const contractSchema = z
  .object({
    id: z.number().int(),
    /** CT<yymm>-<nnnn>, given by Guichet. */
    ref: z.string(),
    thirdpartyId: z.number().int(),
    thirdpartyName: z.string(),
    label: z.string(),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    /** Validated contracts are `active` until their end date has passed, then `expired`. */
    status: contractStatusSchema,
    notes: z.string().nullable(),
    equipmentCount: z.number().int(),
    /** Tickets that designate one of its equipment items, newest first (at most 50). */
    tickets: z.array(linkedTicketSchema),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Contract' });
export type Contract = z.infer<typeof contractSchema>;

export const contractListItemSchema = contractSchema.omit({ tickets: true }).meta({ id: 'ContractListItem' });
export type ContractListItem = z.infer<typeof contractListItemSchema>;

export const createContractSchema = z.strictObject({
  thirdpartyId: id,
  label: text(200).min(1),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  notes: text(10000).nullable().optional(),
});
export type CreateContractInput = z.infer<typeof createContractSchema>;

/** The third party of a contract never changes (its equipment and interventions belong to it). */
export const updateContractSchema = createContractSchema.omit({ thirdpartyId: true }).partial();
export type UpdateContractInput = z.infer<typeof updateContractSchema>;

export const contractStatusInputSchema = z.strictObject({ status: z.enum(['draft', 'active', 'closed']) });
export type ContractStatusInput = z.infer<typeof contractStatusInputSchema>;

export const contractListQuerySchema = z.strictObject({
  thirdpartyId: z.coerce.number().int().positive().optional(),
  status: contractStatusSchema.optional(),
  /** Ref or label, case-insensitive substring. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(200).optional(),
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;

export const contractPageSchema = listSchema(contractListItemSchema).meta({ id: 'ContractPage' });
export type ContractPage = z.infer<typeof contractPageSchema>;
