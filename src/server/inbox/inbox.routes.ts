import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../common/schemas/common.js';
import {
  inboxStatusSchema,
  inboxTestResultSchema,
  ingestResultSchema,
  quarantinePageSchema,
  quarantineParamsSchema,
  quarantineQuerySchema,
} from '../../common/schemas/inbox.schema.js';
import type { InboxService } from './inbox.service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const tags = ['settings'];

/** Incoming mail on the Email settings page: collector status, connection test, quarantine. Admin only. */
export function registerInboxRoutes(app: FastifyInstance, deps: { inbox: InboxService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { inbox } = deps;

  api.get(
    '/settings/mail/inbox',
    {
      schema: {
        tags,
        summary: 'Where incoming mail is read from, and how the collector is doing',
        response: { 200: inboxStatusSchema, ...errors },
      },
    },
    async (req) => inbox.status(req.actor),
  );

  api.post(
    '/settings/mail/inbox/test',
    {
      schema: {
        tags,
        summary: 'Log in to the incoming mailbox with the current settings (422 imap_failed with the reason)',
        body: z.strictObject({}).nullish(),
        response: { 200: inboxTestResultSchema, ...errors, 422: errorSchema },
      },
    },
    async (req) => inbox.test(req.actor),
  );

  api.get(
    '/settings/mail/quarantine',
    {
      schema: {
        tags,
        summary: 'Messages that could not be imported, newest first, with the reason',
        querystring: quarantineQuerySchema,
        response: { 200: quarantinePageSchema, ...errors },
      },
    },
    async (req) => inbox.quarantine(req.actor, req.query),
  );

  api.get(
    '/settings/mail/quarantine/:id/raw',
    {
      schema: {
        tags,
        summary: 'Download a quarantined message as it arrived (.eml)',
        produces: ['message/rfc822'],
        params: quarantineParamsSchema,
        response: { 200: z.any().meta({ description: 'The raw message' }), ...errors, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { filename, content } = await inbox.raw(req.actor, req.params.id);
      return reply
        .headers({
          'content-type': 'message/rfc822',
          'content-disposition': `attachment; filename="${filename}"`,
          'x-content-type-options': 'nosniff',
        })
        .send(content);
    },
  );

  api.post(
    '/settings/mail/quarantine/:id/retry',
    {
      schema: {
        tags,
        summary: 'Import a quarantined message again; it leaves the quarantine unless it fails again',
        params: quarantineParamsSchema,
        body: z.strictObject({}).nullish(),
        response: { 200: ingestResultSchema, ...errors, 404: errorSchema },
      },
    },
    async (req) => inbox.retry(req.actor, req.params.id),
  );

  api.delete(
    '/settings/mail/quarantine/:id',
    {
      schema: {
        tags,
        summary: 'Delete a quarantined message for good',
        params: quarantineParamsSchema,
        response: { 204: z.null(), ...errors, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await inbox.remove(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
