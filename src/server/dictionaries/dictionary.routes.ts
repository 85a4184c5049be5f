import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, listSchema } from '../../common/schemas/common.js';
import {
  createDictionaryEntrySchema,
  dictionaryEntryParamsSchema,
  dictionaryEntrySchema,
  dictionaryListQuerySchema,
  dictionaryParamsSchema,
  updateDictionaryEntrySchema,
} from '../../common/schemas/dictionary.schema.js';
import type { DictionaryService } from './dictionary.service.js';

const tags = ['dictionaries'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Classification dictionaries and event types: everyone reads them, administrators change them. */
export function registerDictionaryRoutes(
  app: FastifyInstance,
  deps: { dictionaries: DictionaryService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { dictionaries } = deps;

  api.get(
    '/dictionaries/:kind',
    {
      schema: {
        tags,
        summary: 'Entries of a dictionary, by position (`active=true`: only the active ones)',
        params: dictionaryParamsSchema,
        querystring: dictionaryListQuerySchema,
        response: { 200: listSchema(dictionaryEntrySchema), ...errors },
      },
    },
    async (req) => dictionaries.list(req.actor, req.params.kind, { active: req.query.active }),
  );

  api.post(
    '/dictionaries/:kind',
    {
      schema: {
        tags,
        summary: 'Add an entry (administrators); isDefault makes it the only default of its dictionary',
        params: dictionaryParamsSchema,
        body: createDictionaryEntrySchema,
        response: { 201: dictionaryEntrySchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await dictionaries.create(req.actor, req.params.kind, req.body)),
  );

  api.patch(
    '/dictionaries/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Change an entry (administrators); the default cannot be deactivated',
        params: dictionaryEntryParamsSchema,
        body: updateDictionaryEntrySchema,
        response: { 200: dictionaryEntrySchema, ...errors },
      },
    },
    async (req) => dictionaries.update(req.actor, req.params.kind, req.params.code, req.body),
  );

  api.delete(
    '/dictionaries/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Delete an entry nothing uses (administrators); one in use can only be deactivated',
        params: dictionaryEntryParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await dictionaries.remove(req.actor, req.params.kind, req.params.code);
      return reply.status(204).send(null);
    },
  );
}
