import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../common/schemas/common.js';
import {
  mailPreviewResultSchema,
  mailPreviewSchema,
  mailTemplatesSchema,
  mailTemplatesUpdateSchema,
  mailTestResultSchema,
  mailTestSchema,
  messageParamsSchema,
} from '../../common/schemas/mail.schema.js';
import { messageSchema } from '../../common/schemas/message.schema.js';
import type { MailSettingsService } from './mail.settings.js';
import type { TicketMailService } from './ticket-mail.service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const settingsTags = ['settings'];

/** The Email settings page's actions, and the retry of a message's failed email. */
export function registerMailRoutes(
  app: FastifyInstance,
  deps: { mailSettings: MailSettingsService; ticketMail: TicketMailService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { mailSettings, ticketMail } = deps;

  api.post(
    '/settings/mail/test',
    {
      schema: {
        tags: settingsTags,
        summary: 'Send a test email now through the current SMTP settings (422 smtp_failed with the reason)',
        body: mailTestSchema,
        response: { 200: mailTestResultSchema, ...errors, 422: errorSchema },
      },
    },
    async (req) => mailSettings.sendTest(req.actor, req.body.to),
  );

  api.get(
    '/settings/mail/templates',
    {
      schema: {
        tags: settingsTags,
        summary: 'Customer mail templates in French and English, their defaults and placeholders',
        response: { 200: mailTemplatesSchema, ...errors },
      },
    },
    async (req) => mailSettings.templates(req.actor),
  );

  api.put(
    '/settings/mail/templates',
    {
      schema: {
        tags: settingsTags,
        summary: 'Change some templates (each given template is replaced as a whole; audited)',
        body: mailTemplatesUpdateSchema,
        response: { 200: mailTemplatesSchema, ...errors },
      },
    },
    async (req) => mailSettings.updateTemplates(req.actor, req.body),
  );

  api.post(
    '/settings/mail/preview',
    {
      schema: {
        tags: settingsTags,
        summary: 'A template (saved, or the draft given) rendered with sample data',
        body: mailPreviewSchema,
        response: { 200: mailPreviewResultSchema, ...errors },
      },
    },
    async (req) => mailSettings.preview(req.actor, req.body),
  );

  api.post(
    '/tickets/:id/messages/:messageId/retry-mail',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Send the failed email of a message again (409 mail_not_failed when it is not failed)',
        params: messageParamsSchema,
        response: { 200: messageSchema, ...errors, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => ticketMail.retryMessageMail(req.actor, req.params.id, req.params.messageId),
  );
}
