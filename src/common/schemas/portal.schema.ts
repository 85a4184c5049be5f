import { z } from 'zod';
import { TICKET_STATUSES } from '../tickets.js';
import { emailSchema, isoDateTime, languageSchema } from './common.js';
import { portalCustomFieldSchema, portalCustomFieldValueSchema } from './custom-field.schema.js';

/**
 * The public portal API (SPEC 4), under /api/v1/portal. Shared by the portal server and the portal web bundle:
 * the web imports these types; names here are a contract and are not renamed.
 */

/** Header every mutating portal request carries (CSRF guard along with SameSite=Strict). */
export const PORTAL_CSRF_HEADER = 'x-guichet-portal';
/** Name of the portal session cookie (Path=/api/v1/portal), separate from staff sessions. */
export const PORTAL_COOKIE = 'guichet_portal';

const i18nText = z.object({ fr: z.string(), en: z.string() });
/** Plain text typed by a customer; the server escapes it into paragraphs, never trusting HTML. */
const plainText = z.string().trim().min(1).max(50_000);
const trackIdSchema = z.string().trim().min(1).max(64);

export const portalChoiceSchema = z
  .object({
    code: z.string(),
    labelFr: z.string(),
    labelEn: z.string(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'PortalChoice' });
export type PortalChoice = z.infer<typeof portalChoiceSchema>;

/** GET /config: everything the portal pages need; answered even when the portal is disabled. */
export const portalConfigSchema = z
  .object({
    enabled: z.boolean(),
    title: i18nText,
    homeText: i18nText,
    helpText: i18nText,
    captcha: z.boolean(),
    types: z.array(portalChoiceSchema),
    /** Public categories only. */
    categories: z.array(portalChoiceSchema),
    severities: z.array(portalChoiceSchema),
    defaults: z.object({ typeCode: z.string(), categoryCode: z.string(), severityCode: z.string() }),
    uploads: z.object({ maxFileMb: z.number().int(), maxFiles: z.number().int() }),
    showDuration: z.boolean(),
    /** The portal form's custom fields: active OUT and BOTH fields, by position. */
    customFields: z.array(portalCustomFieldSchema),
  })
  .meta({ id: 'PortalConfig' });
export type PortalConfig = z.infer<typeof portalConfigSchema>;

/** GET /captcha: an ALTCHA-style proof-of-work challenge. */
export const portalCaptchaChallengeSchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    /** hex(sha256(salt + number)) for the secret number. */
    challenge: z.string(),
    salt: z.string(),
    maxNumber: z.number().int(),
    signature: z.string(),
  })
  .meta({ id: 'PortalCaptchaChallenge' });
export type PortalCaptchaChallenge = z.infer<typeof portalCaptchaChallengeSchema>;

/** The solved challenge; the request carries base64(JSON.stringify(solution)) as `captcha`. */
export const portalCaptchaSolutionSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().max(200),
  number: z.number().int().min(0),
  salt: z.string().max(500),
  signature: z.string().max(500),
});
export type PortalCaptchaSolution = z.infer<typeof portalCaptchaSolutionSchema>;

export const portalDocumentSchema = z
  .object({
    id: z.number().int(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'PortalDocument' });
export type PortalDocument = z.infer<typeof portalDocumentSchema>;

export const portalDocumentListSchema = z
  .object({ items: z.array(portalDocumentSchema) })
  .meta({ id: 'PortalDocumentList' });
export type PortalDocumentList = z.infer<typeof portalDocumentListSchema>;

export const portalTicketSchema = z
  .object({
    trackId: z.string(),
    ref: z.string(),
    subject: z.string(),
    /** Sanitized HTML. */
    message: z.string(),
    status: z.enum(TICKET_STATUSES),
    typeCode: z.string(),
    categoryCode: z.string(),
    severityCode: z.string(),
    progress: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    /** Only when the "show duration" setting is on, else null. */
    durationMinutes: z.number().int().nullable(),
    customerName: z.string().nullable(),
    canReply: z.boolean(),
    canClose: z.boolean(),
    /** Values of OUT and BOTH fields (active or not) that the ticket holds, by position; never IN ones. */
    customFields: z.array(portalCustomFieldValueSchema),
  })
  .meta({ id: 'PortalTicket' });
export type PortalTicket = z.infer<typeof portalTicketSchema>;

export const portalTicketSummarySchema = z
  .object({
    trackId: z.string(),
    ref: z.string(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'PortalTicketSummary' });
export type PortalTicketSummary = z.infer<typeof portalTicketSummarySchema>;

export const portalCustomerSchema = z
  .object({
    name: z.string(),
    contacts: z.array(z.object({ id: z.number().int(), name: z.string() })),
    tickets: z.array(portalTicketSummarySchema),
  })
  .meta({ id: 'PortalCustomer' });
export type PortalCustomer = z.infer<typeof portalCustomerSchema>;

export const portalMessageSchema = z
  .object({
    id: z.number().int(),
    author: z.object({ kind: z.enum(['staff', 'customer']), name: z.string().nullable() }),
    /** Sanitized HTML. */
    body: z.string(),
    createdAt: isoDateTime,
    attachments: z.array(portalDocumentSchema),
  })
  .meta({ id: 'PortalMessage' });
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalMessageListSchema = z
  .object({ items: z.array(portalMessageSchema) })
  .meta({ id: 'PortalMessageList' });
export type PortalMessageList = z.infer<typeof portalMessageListSchema>;

const portalCode = z.string().trim().min(1).max(32);

/** POST /tickets. `website` is the honeypot field: humans leave it empty. */
export const portalCreateTicketSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().max(200).optional(),
  subject: z.string().trim().min(1).max(255),
  message: plainText,
  typeCode: portalCode.optional(),
  categoryCode: portalCode.optional(),
  severityCode: portalCode.optional(),
  /** Only with a personalized session; must belong to its third party. */
  contactId: z.number().int().positive().optional(),
  /** Values of the form's custom fields (config `customFields`) by key; required ones must be given. */
  customFields: z.record(z.string(), z.unknown()).optional(),
  language: languageSchema,
  captcha: z.string().max(4000).optional(),
  website: z.string().max(500).optional(),
});
export type PortalCreateTicketInput = z.infer<typeof portalCreateTicketSchema>;

export const portalCreateTicketResultSchema = z
  .object({ ref: z.string(), trackId: z.string(), ticket: portalTicketSchema })
  .meta({ id: 'PortalCreateTicketResult' });
export type PortalCreateTicketResult = z.infer<typeof portalCreateTicketResultSchema>;

/** POST /session: follow a ticket by its tracking key and an email address that belongs to it. */
export const portalSessionSchema = z.strictObject({ trackId: trackIdSchema, email: emailSchema });
export type PortalSessionInput = z.infer<typeof portalSessionSchema>;

/** POST /session/link: the signed link of the emails. */
export const portalSessionLinkSchema = z.strictObject({
  trackId: trackIdSchema,
  sig: z.string().trim().min(1).max(200),
});
export type PortalSessionLinkInput = z.infer<typeof portalSessionLinkSchema>;

/** POST /session/customer: the personalized link of a third party. */
export const portalSessionCustomerSchema = z.strictObject({ token: z.string().trim().min(1).max(200) });
export type PortalSessionCustomerInput = z.infer<typeof portalSessionCustomerSchema>;

export const portalTicketSessionResultSchema = z
  .object({ ticket: portalTicketSchema })
  .meta({ id: 'PortalTicketSessionResult' });
export type PortalTicketSessionResult = z.infer<typeof portalTicketSessionResultSchema>;

export const portalTrackIdParamSchema = z.object({ trackId: trackIdSchema });
export const portalDocumentParamSchema = z.object({
  trackId: trackIdSchema,
  documentId: z.coerce.number().int().positive(),
});

/** POST /tickets/:trackId/messages */
export const portalAddMessageSchema = z.strictObject({
  body: plainText,
  attachmentIds: z.array(z.number().int().positive()).max(100).default([]),
});
export type PortalAddMessageInput = z.input<typeof portalAddMessageSchema>;

/** POST /tickets/:trackId/close */
export const portalCloseSchema = z.strictObject({});

/* ---- Staff side: the personalized link on the third-party page ---- */

export const portalLinkInfoSchema = z
  .object({
    url: z.string().nullable(),
    createdAt: isoDateTime.nullable(),
    /** Ready-to-send text containing the link (empty when there is no link). */
    text: i18nText,
  })
  .meta({ id: 'PortalLinkInfo' });
export type PortalLinkInfo = z.infer<typeof portalLinkInfoSchema>;

export const portalLinkSendSchema = z.strictObject({
  to: emailSchema.optional(),
  language: languageSchema.optional(),
});
export type PortalLinkSendInput = z.infer<typeof portalLinkSendSchema>;

/** POST /thirdparties/:id/portal-link/send answers where the mail went (delivered by the mail queue). */
export const portalLinkSentSchema = z.object({ to: z.string() }).meta({ id: 'PortalLinkSent' });
export type PortalLinkSent = z.infer<typeof portalLinkSentSchema>;
