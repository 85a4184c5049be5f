import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamSchema, listSchema } from '../../common/schemas/common.js';
import {
  contactListQuerySchema,
  contactSchema,
  createContactSchema,
  createThirdpartySchema,
  thirdpartyListQuerySchema,
  thirdpartySchema,
  updateContactSchema,
  updateThirdpartySchema,
} from '../../common/schemas/customer.schema.js';
import type { CustomerService } from './customer.service.js';

const contactTags = ['contacts'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Third parties and contacts: `thirdparty.read` to read, `thirdparty.write` to change. */
export function registerCustomerRoutes(app: FastifyInstance, deps: { customers: CustomerService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { customers } = deps;
  const tags = ['thirdparties'];

  api.get(
    '/thirdparties',
    {
      schema: {
        tags,
        summary: 'Third parties by name; q searches name (accents and case ignored), code and email',
        querystring: thirdpartyListQuerySchema,
        response: { 200: listSchema(thirdpartySchema), ...errors },
      },
    },
    async (req) => customers.listThirdparties(req.actor, req.query),
  );

  api.post(
    '/thirdparties',
    {
      schema: {
        tags,
        summary: 'Create a third party',
        body: createThirdpartySchema,
        response: { 201: thirdpartySchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await customers.createThirdparty(req.actor, req.body)),
  );

  api.get(
    '/thirdparties/:id',
    {
      schema: {
        tags,
        summary: 'One third party',
        params: idParamSchema,
        response: { 200: thirdpartySchema, ...errors },
      },
    },
    async (req) => customers.getThirdparty(req.actor, req.params.id),
  );

  api.patch(
    '/thirdparties/:id',
    {
      schema: {
        tags,
        summary: 'Change a third party (a new name reaches its tickets shortly after)',
        params: idParamSchema,
        body: updateThirdpartySchema,
        response: { 200: thirdpartySchema, ...errors },
      },
    },
    async (req) => customers.updateThirdparty(req.actor, req.params.id, req.body),
  );

  api.delete(
    '/thirdparties/:id',
    {
      schema: {
        tags,
        summary: 'Delete a third party without tickets, with its contacts',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await customers.deleteThirdparty(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/contacts',
    {
      schema: {
        tags: contactTags,
        summary: 'Contacts by name, optionally of one third party; q searches name and email',
        querystring: contactListQuerySchema,
        response: { 200: listSchema(contactSchema), ...errors },
      },
    },
    async (req) => customers.listContacts(req.actor, req.query),
  );

  api.post(
    '/contacts',
    {
      schema: {
        tags: contactTags,
        summary: 'Create a contact of a third party',
        body: createContactSchema,
        response: { 201: contactSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await customers.createContact(req.actor, req.body)),
  );

  api.get(
    '/contacts/:id',
    {
      schema: {
        tags: contactTags,
        summary: 'One contact',
        params: idParamSchema,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (req) => customers.getContact(req.actor, req.params.id),
  );

  api.patch(
    '/contacts/:id',
    {
      schema: {
        tags: contactTags,
        summary: 'Change a contact',
        params: idParamSchema,
        body: updateContactSchema,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (req) => customers.updateContact(req.actor, req.params.id, req.body),
  );

  api.delete(
    '/contacts/:id',
    {
      schema: {
        tags: contactTags,
        summary: 'Delete a contact (its tickets keep their third party)',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await customers.deleteContact(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
