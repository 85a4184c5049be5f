import { z } from 'zod';
import {
  TEMPLATE_NAMES,
  TEMPLATE_PLACEHOLDERS,
  mailFragmentSchema,
  mailTemplateSchema,
} from '../mail.templates.js';
import { emailSchema, languageSchema } from './common.js';

/** POST /settings/mail/test: sends a test email now through the current transport. */
export const mailTestSchema = z.strictObject({ to: emailSchema });
export const mailTestResultSchema = z.object({ ok: z.literal(true), messageId: z.string() });

const anyTemplate = z.object({ subject: z.string().optional(), body: z.string() });
const perLanguage = <T extends z.ZodType>(t: T) => z.strictObject({ fr: t.optional(), en: t.optional() });

/** PUT /settings/mail/templates: some templates in some languages; each is validated as a whole. */
export const mailTemplatesUpdateSchema = z
  .strictObject({
    confirmation: perLanguage(mailTemplateSchema).optional(),
    messageIntro: perLanguage(mailFragmentSchema).optional(),
    signature: perLanguage(mailFragmentSchema).optional(),
    assignNotice: perLanguage(mailTemplateSchema).optional(),
    closeNotice: perLanguage(mailTemplateSchema).optional(),
  })
  .meta({ id: 'MailTemplatesUpdate' });
export type MailTemplatesUpdate = z.infer<typeof mailTemplatesUpdateSchema>;

export const mailTemplatesSchema = z
  .object({
    placeholders: z.array(z.enum(TEMPLATE_PLACEHOLDERS)),
    templates: z.array(
      z.object({
        name: z.enum(TEMPLATE_NAMES),
        hasSubject: z.boolean(),
        values: z.object({ fr: anyTemplate, en: anyTemplate }),
        defaults: z.object({ fr: anyTemplate, en: anyTemplate }),
      }),
    ),
  })
  .meta({ id: 'MailTemplates' });
export type MailTemplates = z.infer<typeof mailTemplatesSchema>;

/** POST /settings/mail/preview: a template (saved, or the draft given) rendered with sample data. */
export const mailPreviewSchema = z.strictObject({
  template: z.enum(TEMPLATE_NAMES),
  language: languageSchema,
  subject: z.string().max(1000).optional(),
  body: z.string().max(20_000).optional(),
});
export type MailPreviewInput = z.infer<typeof mailPreviewSchema>;

export const mailPreviewResultSchema = z
  .object({ subject: z.string(), html: z.string(), text: z.string() })
  .meta({ id: 'MailPreview' });
export type MailPreview = z.infer<typeof mailPreviewResultSchema>;

/** Delivery of a message sent by email (SPEC 2.6): null when the message does not go by email. */
export const MAIL_DELIVERY_STATUSES = ['queued', 'retrying', 'sent', 'failed'] as const;
export const messageDeliverySchema = z
  .object({
    status: z.enum(MAIL_DELIVERY_STATUSES),
    error: z.string().nullable(),
    attempts: z.number().int(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'MessageDelivery' });
export type MessageDelivery = z.infer<typeof messageDeliverySchema>;

export const messageParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  messageId: z.coerce.number().int().positive(),
});
