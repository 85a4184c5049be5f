/** Agenda events. The route list is at the top of contract.schema.ts. */
import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';
import { linkedTicketSchema } from './ticket-link.schema.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });
/** An event type: a code of the event-types dictionary (400 invalid_event_type otherwise). */
const typeCode = z.string().trim().min(1).max(32);

export const eventSchema = z
  .object({
    id: z.number().int(),
    typeCode: z.string(),
    label: z.string(),
    /** Instants (UTC). All-day events run from midnight to midnight as the client chose them. */
    start: isoDateTime,
    end: isoDateTime,
    allDay: z.boolean(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    thirdpartyId: z.number().int().nullable(),
    thirdpartyName: z.string().nullable(),
    done: z.boolean(),
    notes: z.string().nullable(),
    ticketIds: z.array(z.number().int()),
    tickets: z.array(linkedTicketSchema),
    /** The actor holds agenda.write. */
    editable: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Event' });
export type AgendaEvent = z.infer<typeof eventSchema>;

export const eventListItemSchema = eventSchema
  .omit({ tickets: true, editable: true })
  .meta({ id: 'EventListItem' });
export type EventListItem = z.infer<typeof eventListItemSchema>;

export const createEventSchema = z.strictObject({
  /** Defaults to the setting agenda.defaultEventType. */
  typeCode: typeCode.optional(),
  label: text(255).min(1),
  start: instant,
  /** Not before start (400 invalid_date_range). */
  end: instant,
  allDay: z.boolean().default(false),
  /** Defaults to the actor; must be an active user (400 invalid_owner). */
  ownerId: id.optional(),
  thirdpartyId: id.nullable().optional(),
  done: z.boolean().default(false),
  notes: text(10000).nullable().optional(),
});
export type CreateEventInput = z.input<typeof createEventSchema>;

export const updateEventSchema = z.strictObject({
  typeCode: typeCode.optional(),
  label: text(255).min(1).optional(),
  start: instant.optional(),
  end: instant.optional(),
  allDay: z.boolean().optional(),
  ownerId: id.optional(),
  thirdpartyId: id.nullable().optional(),
  done: z.boolean().optional(),
  notes: text(10000).nullable().optional(),
});
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

/** From a ticket: label "<ref> – <subject>" and the ticket's third party unless given. */
export const createEventFromTicketSchema = createEventSchema.extend({ label: text(255).min(1).optional() });
export type CreateEventFromTicketInput = z.input<typeof createEventFromTicketSchema>;

export const eventListQuerySchema = z.strictObject({
  /** `me` or a user id; all owners when absent. */
  ownerId: z.union([z.literal('me'), z.coerce.number().int().positive()]).optional(),
  thirdpartyId: z.coerce.number().int().positive().optional(),
  /** Events that end at or after `from` and start before `to` (a week: Monday 00:00 to next Monday). */
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventPageSchema = listSchema(eventListItemSchema).meta({ id: 'EventPage' });
export type EventPage = z.infer<typeof eventPageSchema>;
