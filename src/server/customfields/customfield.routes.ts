import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  createCustomFieldSchema,
  customFieldListSchema,
  customFieldOrderSchema,
  customFieldSchema,
  updateCustomFieldSchema,
} from '../../common/schemas/custom-field.schema.js';
import type { CustomFieldService } from './customfield.service.js';

const tags = ['custom fields'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Custom field definitions: staff who read tickets list them, administrators change them. */
export function registerCustomFieldRoutes(
  app: FastifyInstance,
  deps: { customFields: CustomFieldService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { customFields } = deps;

  api.get(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Every custom field, active or not, by position (permission ticket.read)',
        response: { 200: customFieldListSchema, ...errors },
      },
    },
    async (req) => customFields.list(req.actor),
  );

  api.post(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Add a custom field, placed last (administrators); a key is never reused (409)',
        description:
          'Groups: `IN` is offered by the staff creation form, `OUT` by the portal form, `BOTH` by the two. Any field can be edited on an existing ticket. `select` and `multiselect` need options; the other types take none.',
        body: createCustomFieldSchema,
        response: { 201: customFieldSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await customFields.create(req.actor, req.body)),
  );

  api.post(
    '/custom-fields/order',
    {
      schema: {
        tags,
        summary: 'Reorder the custom fields (administrators): `ids` lists every field once, in the new order',
        body: customFieldOrderSchema,
        response: { 200: customFieldListSchema, ...errors },
      },
    },
    async (req) => customFields.reorder(req.actor, req.body),
  );

  api.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom field (administrators); the key and the type never change',
        description:
          'Deactivating keeps the values tickets hold (still shown and exported) but the forms no longer offer the field and new values are refused.',
        params: idParamSchema,
        body: updateCustomFieldSchema,
        response: { 200: customFieldSchema, ...errors },
      },
    },
    async (req) => customFields.update(req.actor, req.params.id, req.body),
  );
}
