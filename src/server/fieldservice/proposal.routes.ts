import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '../../common/schemas/common.js';
import { lineParamsSchema } from '../../common/schemas/intervention.schema.js';
import {
  createProposalSchema,
  proposalLineInputSchema,
  proposalListQuerySchema,
  proposalPageSchema,
  proposalSchema,
  proposalStatusInputSchema,
  updateProposalLineSchema,
  updateProposalSchema,
} from '../../common/schemas/proposal.schema.js';
import { fieldserviceErrors as errors } from './contract.routes.js';
import type { Fieldservice } from './fieldservice.service.js';

/** Proposals and their lines: proposal.read to read, proposal.write to change (lines while draft). */
export function registerProposalRoutes(app: FastifyInstance, deps: { fieldservice: Fieldservice }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { proposals } = deps.fieldservice;
  const tags = ['proposals'];
  const one = { 200: proposalSchema, ...errors };

  api.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals, newest first, with their totals',
        querystring: proposalListQuerySchema,
        response: { 200: proposalPageSchema, ...errors },
      },
    },
    async (req) => proposals.listProposals(req.actor, req.query),
  );
  api.post(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Create a proposal (draft)',
        body: createProposalSchema,
        response: { 201: proposalSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await proposals.createProposal(req.actor, req.body)),
  );
  api.get(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: 'One proposal: lines, totals, customer address',
        params: idParamSchema,
        response: one,
      },
    },
    async (req) => proposals.getProposal(req.actor, req.params.id),
  );
  api.patch(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft proposal',
        params: idParamSchema,
        body: updateProposalSchema,
        response: one,
      },
    },
    async (req) => proposals.updateProposal(req.actor, req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a proposal: draft → validated → signed | refused',
        params: idParamSchema,
        body: proposalStatusInputSchema,
        response: one,
      },
    },
    async (req) => proposals.setProposalStatus(req.actor, req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/lines',
    {
      schema: {
        tags,
        summary: 'Add a line to a draft proposal',
        params: idParamSchema,
        body: proposalLineInputSchema,
        response: { 201: proposalSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposals.addProposalLine(req.actor, req.params.id, req.body)),
  );
  api.patch(
    '/proposals/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Change a line of a draft proposal',
        params: lineParamsSchema,
        body: updateProposalLineSchema,
        response: one,
      },
    },
    async (req) => proposals.updateProposalLine(req.actor, req.params.id, req.params.lineId, req.body),
  );
  api.delete(
    '/proposals/:id/lines/:lineId',
    {
      schema: { tags, summary: 'Delete a line of a draft proposal', params: lineParamsSchema, response: one },
    },
    async (req) => proposals.deleteProposalLine(req.actor, req.params.id, req.params.lineId),
  );
}
