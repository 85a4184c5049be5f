/** Links between tickets and field-service objects. The route list is at the top of contract.schema.ts. */
import { z } from 'zod';
import { TICKET_STATUSES } from '../tickets.js';
import { isoDateTime } from './common.js';

/** What a ticket can be linked to (equipment is a column of the ticket, not a link). */
export const LINK_OBJECT_TYPES = ['intervention', 'proposal', 'event'] as const;
export type LinkObjectType = (typeof LINK_OBJECT_TYPES)[number];
export const linkObjectTypeSchema = z.enum(LINK_OBJECT_TYPES);

/** A ticket as every field-service object lists it. Only tickets the actor may read are listed. */
export const linkedTicketSchema = z
  .object({
    id: z.number().int(),
    ref: z.string(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
  })
  .meta({ id: 'LinkedTicket' });
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

/** One object linked to a ticket, as the ticket page's "Linked objects" block shows it. */
export const ticketLinkSchema = z
  .object({
    objectType: linkObjectTypeSchema,
    objectId: z.number().int(),
    /** FI…, PR…; events have no ref (null). */
    ref: z.string().nullable(),
    /** Intervention description (first line), proposal third party name, event label. */
    label: z.string(),
    /** The object's own status; events: 'done' or 'todo'. */
    status: z.string(),
    /** Interventions: sum of their lines. Null for the other types. */
    durationMinutes: z.number().int().nullable(),
    /** Proposals: totals as decimal numbers with two places. Null for the other types. */
    totalExclTax: z.number().nullable(),
    totalInclTax: z.number().nullable(),
    /** Events: start and end. Null for the other types. */
    start: isoDateTime.nullable(),
    end: isoDateTime.nullable(),
    linkedAt: isoDateTime,
    linkedBy: z.number().int().nullable(),
  })
  .meta({ id: 'TicketLink' });
export type TicketLink = z.infer<typeof ticketLinkSchema>;

export const ticketLinkListSchema = z
  .object({ items: z.array(ticketLinkSchema) })
  .meta({ id: 'TicketLinkList' });
export type TicketLinkList = z.infer<typeof ticketLinkListSchema>;

export const ticketLinkInputSchema = z.strictObject({
  objectType: linkObjectTypeSchema,
  objectId: z.number().int().positive(),
});
export type TicketLinkInput = z.infer<typeof ticketLinkInputSchema>;

export const ticketUnlinkQuerySchema = z.strictObject({
  objectType: linkObjectTypeSchema,
  objectId: z.coerce.number().int().positive(),
});
export type TicketUnlinkQuery = z.infer<typeof ticketUnlinkQuerySchema>;
