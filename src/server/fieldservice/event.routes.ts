import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '../../common/schemas/common.js';
import {
  createEventSchema,
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  updateEventSchema,
} from '../../common/schemas/event.schema.js';
import { fieldserviceErrors as errors } from './contract.routes.js';
import type { Fieldservice } from './fieldservice.service.js';

/** Agenda events: agenda.read to read, agenda.write to change. */
export function registerEventRoutes(app: FastifyInstance, deps: { fieldservice: Fieldservice }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { events } = deps.fieldservice;
  const tags = ['agenda'];
  const one = { 200: eventSchema, ...errors };

  api.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Events overlapping [from, to), by start; ownerId=me for my agenda',
        querystring: eventListQuerySchema,
        response: { 200: eventPageSchema, ...errors },
      },
    },
    async (req) => events.listEvents(req.actor, req.query),
  );
  api.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Create an event',
        body: createEventSchema,
        response: { 201: eventSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await events.createEvent(req.actor, req.body)),
  );
  api.get(
    '/events/:id',
    { schema: { tags, summary: 'One event', params: idParamSchema, response: one } },
    async (req) => events.getEvent(req.actor, req.params.id),
  );
  api.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event',
        params: idParamSchema,
        body: updateEventSchema,
        response: one,
      },
    },
    async (req) => events.updateEvent(req.actor, req.params.id, req.body),
  );
  api.delete(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Delete an event (its ticket links go too)',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await events.deleteEvent(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
