import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../common/schemas/common.js';
import {
  assignSchema,
  closeSchema,
  deleteQuerySchema,
  markReadSchema,
  reopenSchema,
  restoreSchema,
  setStatusSchema,
  ticketSchema,
} from '../../common/schemas/ticket.schema.js';
import { ticketErrors, ticketTags } from './ticket.openapi.js';
import type { TicketService } from './ticket.service.js';

const tags = ticketTags;
const response = { 200: ticketSchema, ...ticketErrors };

/**
 * The workflow actions of SPEC 2.2. Each may carry the `version` it is based on (409 stale_version);
 * a move the workflow refuses answers 409 transition_not_allowed. The body of read, reopen and restore
 * may be left out (Fastify then hands the schema null).
 */
export function registerTicketActionRoutes(app: FastifyInstance, deps: { tickets: TicketService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { tickets } = deps;

  api.post(
    '/tickets/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark an unread ticket read (readAt is set once)',
        params: idParamSchema,
        body: markReadSchema.nullish(),
        response,
      },
    },
    async (req) => tickets.markRead(req.actor, req.params.id, req.body ?? {}),
  );

  api.post(
    '/tickets/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign to a user, or remove the assignee with `userId: null`',
        params: idParamSchema,
        body: assignSchema,
        response,
      },
    },
    async (req) => tickets.assign(req.actor, req.params.id, req.body),
  );

  api.post(
    '/tickets/:id/status',
    {
      schema: {
        tags,
        summary: 'Set an open, read ticket waiting (for the customer) or in progress',
        params: idParamSchema,
        body: setStatusSchema,
        response,
      },
    },
    async (req) => tickets.setStatus(req.actor, req.params.id, req.body),
  );

  api.post(
    '/tickets/:id/close',
    {
      schema: {
        tags,
        summary: 'Close with a resolution (progress becomes 100)',
        params: idParamSchema,
        body: closeSchema,
        response,
      },
    },
    async (req) => tickets.close(req.actor, req.params.id, req.body),
  );

  api.post(
    '/tickets/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed ticket (needs ticket.manage)',
        params: idParamSchema,
        body: reopenSchema.nullish(),
        response,
      },
    },
    async (req) => tickets.reopen(req.actor, req.params.id, req.body ?? {}),
  );

  api.post(
    '/tickets/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted ticket to its status before deletion (needs ticket.manage)',
        params: idParamSchema,
        body: restoreSchema.nullish(),
        response,
      },
    },
    async (req) => tickets.restore(req.actor, req.params.id, req.body ?? {}),
  );

  api.delete(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a ticket (soft, needs ticket.delete); `?purge=true` removes a deleted one for good (administrators)',
        params: idParamSchema,
        querystring: deleteQuerySchema,
        response: { ...response, 204: z.null() },
      },
    },
    async (req, reply) => {
      if (req.query.purge === 'true') {
        await tickets.purge(req.actor, req.params.id);
        return reply.status(204).send(null);
      }
      return tickets.remove(req.actor, req.params.id);
    },
  );
}
