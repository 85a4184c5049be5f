import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamSchema, listSchema } from '../../common/schemas/common.js';
import {
  createUserResultSchema,
  createUserSchema,
  passwordLinkSchema,
  updateUserSchema,
  userListQuerySchema,
  userRefSchema,
  userSchema,
} from '../../common/schemas/user.schema.js';
import type { UserService } from './user.service.js';

const tags = ['users'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Administrators manage staff accounts. */
export function registerUserRoutes(app: FastifyInstance, deps: { users: UserService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { users } = deps;

  api.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: userListQuerySchema,
        response: { 200: listSchema(userSchema), ...errors },
      },
    },
    async (req) => users.list(req.actor, req.query),
  );

  api.get(
    '/users/assignable',
    {
      schema: {
        tags,
        summary: 'Active users who can be assigned tickets (needs ticket.write, not admin)',
        response: { 200: z.object({ items: z.array(userRefSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await users.assignable(req.actor) }),
  );

  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user; without a password the answer carries a one-time set-password link',
        body: createUserSchema,
        response: { 201: createUserResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
  );

  api.get(
    '/users/:id',
    {
      schema: { tags, summary: 'One user', params: idParamSchema, response: { 200: userSchema, ...errors } },
    },
    async (req) => users.get(req.actor, req.params.id),
  );

  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (deactivating or a new password ends their sessions)',
        params: idParamSchema,
        body: updateUserSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => users.update(req.actor, req.params.id, req.body),
  );

  api.delete(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a user (users are never removed: their history stays)',
        params: idParamSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => users.deactivate(req.actor, req.params.id),
  );

  api.post(
    '/users/:id/password-link',
    {
      schema: {
        tags,
        summary: 'Issue a one-time link for the user to choose a new password',
        params: idParamSchema,
        response: { 201: passwordLinkSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await users.createPasswordLink(req.actor, req.params.id)),
  );
}
