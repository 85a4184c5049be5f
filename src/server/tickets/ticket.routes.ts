import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../common/schemas/common.js';
import {
  createTicketSchema,
  historyEntrySchema,
  ticketSchema,
  updateTicketSchema,
} from '../../common/schemas/ticket.schema.js';
import { registerTicketActionRoutes } from './ticket.actions.routes.js';
import { ticketErrors, ticketTags } from './ticket.openapi.js';
import type { TicketService } from './ticket.service.js';
import { presentedAsIs } from '../http/presented.js';

/** Tickets: create, read, edit, journal; the workflow actions are in ticket.actions.routes.ts. */
export function registerTicketRoutes(app: FastifyInstance, deps: { tickets: TicketService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { tickets } = deps;
  const tags = ticketTags;

  api.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Create a ticket (read, or assigned with an assignee; `unread: true` for integrations)',
        body: createTicketSchema,
        response: { 201: ticketSchema, ...ticketErrors },
      },
      // Shape held by ticket.create.int.test.ts.
      serializerCompiler: presentedAsIs,
    },
    async (req, reply) => reply.status(201).send(await tickets.create(req.actor, req.body)),
  );

  api.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket with what the caller may do on it (`abilities`)',
        params: idParamSchema,
        response: { 200: ticketSchema, ...ticketErrors },
      },
      // Shape held by ticket.create.int.test.ts.
      serializerCompiler: presentedAsIs,
    },
    async (req) => tickets.get(req.actor, req.params.id),
  );

  api.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Edit an open ticket; `version` must be the current one (409 stale_version otherwise)',
        params: idParamSchema,
        body: updateTicketSchema,
        response: { 200: ticketSchema, ...ticketErrors },
      },
    },
    async (req) => tickets.update(req.actor, req.params.id, req.body),
  );

  api.get(
    '/tickets/:id/history',
    {
      schema: {
        tags,
        summary: "The ticket's journal, oldest first",
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }), ...ticketErrors },
      },
    },
    async (req) => tickets.history(req.actor, req.params.id),
  );

  registerTicketActionRoutes(app, deps);
}
