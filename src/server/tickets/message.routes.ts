import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamSchema, listSchema } from '../../common/schemas/common.js';
import { createMessageSchema, messageSchema } from '../../common/schemas/message.schema.js';
import { ticketErrors, ticketTags as tags } from './ticket.openapi.js';
import type { TicketService } from './ticket.service.js';

/** Messages and internal notes of a ticket. */
export function registerMessageRoutes(app: FastifyInstance, deps: { tickets: TicketService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { tickets } = deps;

  api.get(
    '/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: 'Messages and notes, newest first, with their attachments',
        params: idParamSchema,
        response: { 200: listSchema(messageSchema), ...ticketErrors },
      },
    },
    async (req) => tickets.listMessages(req.actor, req.params.id),
  );

  api.post(
    '/tickets/:id/messages',
    {
      schema: {
        tags,
        summary:
          'Add a message (open tickets) or a private note; `attachmentIds` links documents uploaded to the ticket',
        params: idParamSchema,
        body: createMessageSchema,
        response: { 201: messageSchema, ...ticketErrors, 422: errorSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tickets.addMessage(req.actor, req.params.id, req.body)),
  );
}
