import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../common/schemas/common.js';
import { createEventFromTicketSchema, eventSchema } from '../../common/schemas/event.schema.js';
import {
  createInterventionFromTicketSchema,
  interventionSchema,
} from '../../common/schemas/intervention.schema.js';
import { createProposalFromTicketSchema, proposalSchema } from '../../common/schemas/proposal.schema.js';
import {
  ticketLinkInputSchema,
  ticketLinkListSchema,
  ticketUnlinkQuerySchema,
} from '../../common/schemas/ticket-link.schema.js';
import { fieldserviceErrors as errors } from './contract.routes.js';
import type { Fieldservice } from './fieldservice.service.js';

/** A ticket's linked objects, and the objects created from a ticket (linked to it in the same transaction). */
export function registerTicketLinkRoutes(app: FastifyInstance, deps: { fieldservice: Fieldservice }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { ticketLinks } = deps.fieldservice;
  const tags = ['tickets'];
  const list = { 200: ticketLinkListSchema, ...errors };

  api.get(
    '/tickets/:id/links',
    { schema: { tags, summary: 'Objects linked to the ticket', params: idParamSchema, response: list } },
    async (req) => ticketLinks.listTicketLinks(req.actor, req.params.id),
  );
  api.post(
    '/tickets/:id/links',
    {
      schema: {
        tags,
        summary: 'Link an intervention, proposal or event (200 when it already was)',
        params: idParamSchema,
        body: ticketLinkInputSchema,
        response: { 201: ticketLinkListSchema, ...list },
      },
    },
    async (req, reply) => {
      const r = await ticketLinks.linkTicket(req.actor, req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r.links);
    },
  );
  api.delete(
    '/tickets/:id/links',
    {
      schema: {
        tags,
        summary: 'Unlink an object from the ticket',
        params: idParamSchema,
        querystring: ticketUnlinkQuerySchema,
        response: list,
      },
    },
    async (req) => ticketLinks.unlinkTicket(req.actor, req.params.id, req.query),
  );
  api.post(
    '/tickets/:id/interventions',
    {
      schema: {
        tags,
        summary: 'Create an intervention from the ticket (its third party, equipment and contract)',
        params: idParamSchema,
        body: createInterventionFromTicketSchema,
        response: { 201: interventionSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await ticketLinks.createInterventionFromTicket(req.actor, req.params.id, req.body)),
  );
  api.post(
    '/tickets/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Create a proposal for the ticket’s third party, linked to the ticket',
        params: idParamSchema,
        body: createProposalFromTicketSchema,
        response: { 201: proposalSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ticketLinks.createProposalFromTicket(req.actor, req.params.id, req.body)),
  );
  api.post(
    '/tickets/:id/events',
    {
      schema: {
        tags,
        summary: 'Create an event from the ticket ("<ref> – <subject>", default type from the settings)',
        params: idParamSchema,
        body: createEventFromTicketSchema,
        response: { 201: eventSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ticketLinks.createEventFromTicket(req.actor, req.params.id, req.body)),
  );
}
