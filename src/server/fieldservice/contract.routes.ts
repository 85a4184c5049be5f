import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  contractListQuerySchema,
  contractPageSchema,
  contractSchema,
  contractStatusInputSchema,
  createContractSchema,
  updateContractSchema,
} from '../../common/schemas/contract.schema.js';
import {
  createEquipmentSchema,
  equipmentListQuerySchema,
  equipmentPageSchema,
  equipmentSchema,
  updateEquipmentSchema,
} from '../../common/schemas/equipment.schema.js';
import type { EquipmentService } from './equipment.service.js';
import type { Fieldservice } from './fieldservice.service.js';

export const fieldserviceErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
const errors = fieldserviceErrors;

/** Contracts and equipment: read with thirdparty.read or intervention.read, change with intervention.write. */
export function registerContractRoutes(
  app: FastifyInstance,
  deps: { fieldservice: Fieldservice; equipment: EquipmentService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { contracts } = deps.fieldservice;
  const { equipment } = deps;
  const tags = ['contracts'];

  api.get(
    '/contracts',
    {
      schema: {
        tags,
        summary: 'Service contracts, newest first',
        querystring: contractListQuerySchema,
        response: { 200: contractPageSchema, ...errors },
      },
    },
    async (req) => contracts.listContracts(req.actor, req.query),
  );
  api.post(
    '/contracts',
    {
      schema: {
        tags,
        summary: 'Create a contract (draft)',
        body: createContractSchema,
        response: { 201: contractSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await contracts.createContract(req.actor, req.body)),
  );
  api.get(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'One contract',
        params: idParamSchema,
        response: { 200: contractSchema, ...errors },
      },
    },
    async (req) => contracts.getContract(req.actor, req.params.id),
  );
  api.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contract',
        params: idParamSchema,
        body: updateContractSchema,
        response: { 200: contractSchema, ...errors },
      },
    },
    async (req) => contracts.updateContract(req.actor, req.params.id, req.body),
  );
  api.post(
    '/contracts/:id/status',
    {
      schema: {
        tags,
        summary: 'Validate (active), close or return a contract to draft',
        params: idParamSchema,
        body: contractStatusInputSchema,
        response: { 200: contractSchema, ...errors },
      },
    },
    async (req) => contracts.setContractStatus(req.actor, req.params.id, req.body),
  );

  const eqTags = ['equipment'];
  api.get(
    '/equipment',
    {
      schema: {
        tags: eqTags,
        summary: 'Equipment, newest first; q searches serial number, ref and label',
        querystring: equipmentListQuerySchema,
        response: { 200: equipmentPageSchema, ...errors },
      },
    },
    async (req) => equipment.listEquipment(req.actor, req.query),
  );
  api.post(
    '/equipment',
    {
      schema: {
        tags: eqTags,
        summary: 'Create an equipment item',
        body: createEquipmentSchema,
        response: { 201: equipmentSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await equipment.createEquipment(req.actor, req.body)),
  );
  api.get(
    '/equipment/:id',
    {
      schema: {
        tags: eqTags,
        summary: 'One equipment item with its tickets',
        params: idParamSchema,
        response: { 200: equipmentSchema, ...errors },
      },
    },
    async (req) => equipment.getEquipment(req.actor, req.params.id),
  );
  api.patch(
    '/equipment/:id',
    {
      schema: {
        tags: eqTags,
        summary: 'Change an equipment item',
        params: idParamSchema,
        body: updateEquipmentSchema,
        response: { 200: equipmentSchema, ...errors },
      },
    },
    async (req) => equipment.updateEquipment(req.actor, req.params.id, req.body),
  );
}
