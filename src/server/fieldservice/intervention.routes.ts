import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../common/schemas/common.js';
import {
  createInterventionSchema,
  interventionLineInputSchema,
  interventionListQuerySchema,
  interventionPageSchema,
  interventionSchema,
  interventionStatusInputSchema,
  lineParamsSchema,
  updateInterventionLineSchema,
  updateInterventionSchema,
} from '../../common/schemas/intervention.schema.js';
import { fieldserviceErrors as errors } from './contract.routes.js';
import type { Fieldservice } from './fieldservice.service.js';

/** Interventions and their lines: intervention.read to read, intervention.write to change. */
export function registerInterventionRoutes(app: FastifyInstance, deps: { fieldservice: Fieldservice }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { interventions } = deps.fieldservice;
  const tags = ['interventions'];
  const one = { 200: interventionSchema, ...errors };

  api.get(
    '/interventions',
    {
      schema: {
        tags,
        summary: 'Interventions, newest first',
        querystring: interventionListQuerySchema,
        response: { 200: interventionPageSchema, ...errors },
      },
    },
    async (req) => interventions.listInterventions(req.actor, req.query),
  );
  api.post(
    '/interventions',
    {
      schema: {
        tags,
        summary: 'Create an intervention (draft)',
        body: createInterventionSchema,
        response: { 201: interventionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await interventions.createIntervention(req.actor, req.body)),
  );
  api.get(
    '/interventions/:id',
    { schema: { tags, summary: 'One intervention with its lines', params: idParamSchema, response: one } },
    async (req) => interventions.getIntervention(req.actor, req.params.id),
  );
  api.patch(
    '/interventions/:id',
    {
      schema: {
        tags,
        summary: 'Change an intervention',
        params: idParamSchema,
        body: updateInterventionSchema,
        response: one,
      },
    },
    async (req) => interventions.updateIntervention(req.actor, req.params.id, req.body),
  );
  api.post(
    '/interventions/:id/status',
    {
      schema: {
        tags,
        summary: 'Move an intervention: draft → validated → done',
        params: idParamSchema,
        body: interventionStatusInputSchema,
        response: one,
      },
    },
    async (req) => interventions.setInterventionStatus(req.actor, req.params.id, req.body),
  );
  api.post(
    '/interventions/:id/lines',
    {
      schema: {
        tags,
        summary: 'Add a line (not once done); linked tickets get their new duration',
        params: idParamSchema,
        body: interventionLineInputSchema,
        response: { 201: interventionSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await interventions.addInterventionLine(req.actor, req.params.id, req.body)),
  );
  api.patch(
    '/interventions/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Change a line (not once done)',
        params: lineParamsSchema,
        body: updateInterventionLineSchema,
        response: one,
      },
    },
    async (req) =>
      interventions.updateInterventionLine(req.actor, req.params.id, req.params.lineId, req.body),
  );
  api.delete(
    '/interventions/:id/lines/:lineId',
    { schema: { tags, summary: 'Delete a line (not once done)', params: lineParamsSchema, response: one } },
    async (req) => interventions.deleteInterventionLine(req.actor, req.params.id, req.params.lineId),
  );
}
