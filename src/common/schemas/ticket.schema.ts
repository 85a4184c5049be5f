import { z } from 'zod';
import {
  HISTORY_KINDS,
  ORIGINS,
  RESOLUTIONS,
  SEARCH_IN,
  TICKET_ABILITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketAbility,
} from '../tickets.js';
import { emailSchema, isoDateTime } from './common.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Codes use letters, digits, _ . -');
const id = z.number().int().positive();
/** Rich text as HTML; the server sanitizes it with an allow-list. */
const richText = z.string().max(200_000);

export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export const resolutionSchema = z.enum(RESOLUTIONS);
export const originSchema = z.enum(ORIGINS);
export const customFieldsSchema = z.record(z.string(), z.unknown());

export const abilitiesSchema = z.object(
  Object.fromEntries(TICKET_ABILITIES.map((a) => [a, z.boolean()])) as Record<TicketAbility, z.ZodBoolean>,
);

/** A ticket as the list shows it (everything but the long description). */
export const ticketListItemSchema = z
  .object({
    id: z.number().int(),
    ref: z.string(),
    trackId: z.string(),
    subject: z.string(),
    typeCode: z.string(),
    categoryCode: z.string(),
    severityCode: z.string(),
    status: ticketStatusSchema,
    resolution: resolutionSchema.nullable(),
    origin: originSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    readAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    elapsedBeforeReadSeconds: z.number().int().nullable(),
    authorUserId: z.number().int().nullable(),
    authorEmail: z.string().nullable(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    thirdpartyId: z.number().int().nullable(),
    thirdpartyName: z.string().nullable(),
    contactId: z.number().int().nullable(),
    equipmentId: z.number().int().nullable(),
    progress: z.number().int().min(0).max(100),
    durationMinutes: z.number().int(),
    customFields: customFieldsSchema,
    version: z.number().int(),
    /** Past the response delays of the settings (SPEC 2.8). */
    overdue: z.boolean(),
  })
  .meta({ id: 'TicketListItem' });
export type TicketListItem = z.infer<typeof ticketListItemSchema>;

export const ticketSchema = ticketListItemSchema
  .extend({
    message: z.string(),
    authorName: z.string().nullable(),
    contactName: z.string().nullable(),
    abilities: abilitiesSchema,
    /** Where the staff app's forms on this ticket start, from settings agents cannot read themselves. */
    defaults: z.object({
      /** The close dialog's "notify the customer" starts ticked (setting `mail.noticeOnClose`). */
      notifyCustomerOnClose: z.boolean(),
    }),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof ticketSchema>;

export const createTicketSchema = z.strictObject({
  subject: z.string().trim().min(1).max(255),
  message: richText.min(1),
  typeCode: code.optional(),
  categoryCode: code.optional(),
  severityCode: code.optional(),
  /** `staff` (default for the app), `phone` for a call, `api` (default for API tokens). */
  origin: z.enum(['staff', 'phone', 'api']).optional(),
  assigneeId: id.nullable().optional(),
  thirdpartyId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  /** An equipment item of the ticket's third party (400 invalid_equipment otherwise, or without one). */
  equipmentId: id.nullable().optional(),
  /** Reporter's address when the request came from a customer (phone, API integrations). */
  authorEmail: emailSchema.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  /** Integrations forwarding customer requests may start the ticket unread. */
  unread: z.boolean().optional(),
  customFields: customFieldsSchema.optional(),
});
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const updateTicketSchema = z.strictObject({
  /** The version the change is based on; a stale one is refused with 409. */
  version: z.number().int().positive(),
  subject: z.string().trim().min(1).max(255).optional(),
  message: richText.min(1).optional(),
  typeCode: code.optional(),
  categoryCode: code.optional(),
  severityCode: code.optional(),
  thirdpartyId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  equipmentId: id.nullable().optional(),
  progress: z.number().int().min(0).max(100).optional(),
  customFields: customFieldsSchema.optional(),
});
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>;

const versioned = { version: z.number().int().positive().optional() };
export const markReadSchema = z.strictObject({ ...versioned });
export const assignSchema = z.strictObject({ userId: id.nullable(), ...versioned });
export const setStatusSchema = z.strictObject({ status: z.enum(['waiting', 'in_progress']), ...versioned });
export const closeSchema = z.strictObject({
  resolution: resolutionSchema,
  notifyCustomer: z.boolean().default(false),
  ...versioned,
});
export const reopenSchema = z.strictObject({ ...versioned });
export const restoreSchema = z.strictObject({ ...versioned });
export const deleteQuerySchema = z.strictObject({ purge: z.enum(['true', 'false']).optional() });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length));

/** GET /tickets (SPEC 2.7). `cf.<key>=value` filters custom fields; they are read from the raw query. */
export const ticketListQuerySchema = z
  .object({
    status: z.union([z.literal('all'), z.literal('deleted'), csv(TICKET_STATUSES)]).optional(),
    type: z.string().max(500).optional(),
    category: z.string().max(500).optional(),
    severity: z.string().max(500).optional(),
    /** `me`, `unassigned`, or a user id. */
    assignee: z.union([z.enum(['me', 'unassigned']), z.coerce.number().int().positive()]).optional(),
    thirdparty: z.coerce.number().int().positive().optional(),
    origin: csv(ORIGINS).optional(),
    createdFrom: z.iso.date().or(z.iso.datetime()).optional(),
    createdTo: z.iso.date().or(z.iso.datetime()).optional(),
    updatedFrom: z.iso.date().or(z.iso.datetime()).optional(),
    updatedTo: z.iso.date().or(z.iso.datetime()).optional(),
    q: z.string().trim().max(200).optional(),
    searchIn: z.enum(SEARCH_IN).default('both'),
    /** Full-text over subject, description and messages. */
    text: z.string().trim().max(200).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    sort: z.enum(TICKET_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(200).default(25),
    /** Opaque; carries the last sort value (a subject can take 1 kB once encoded). */
    cursor: z.string().max(2000).optional(),
  })
  .catchall(z.string().max(200));
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

/** GET /tickets: `total` is exact unless `totalCapped`, which means "more than `total`". */
export const ticketListPageSchema = z
  .object({
    items: z.array(ticketListItemSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    totalCapped: z.boolean(),
  })
  .meta({ id: 'TicketListPage' });
export type TicketListPage = z.infer<typeof ticketListPageSchema>;

export const ticketStatsSchema = z
  .object({
    byStatus: z.record(ticketStatusSchema, z.number().int()),
    myOpen: z.number().int(),
    unread: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: 'TicketStats' });
export type TicketStats = z.infer<typeof ticketStatsSchema>;

export const actorRefSchema = z.object({
  type: z.enum(['user', 'customer', 'system']),
  userId: z.number().int().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type ActorRef = z.infer<typeof actorRefSchema>;

export const historyEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    actor: actorRefSchema,
    kind: z.enum(HISTORY_KINDS),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TicketHistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
