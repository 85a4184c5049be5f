import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  createGroupSchema,
  groupSchema,
  memberBodySchema,
  memberParamsSchema,
  updateGroupSchema,
} from '../../common/schemas/group.schema.js';
import { permissionSchema } from '../../common/schemas/user.schema.js';
import type { GroupService } from './group.service.js';

const tags = ['groups'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Administrators manage groups, their members and their permissions. */
export function registerGroupRoutes(app: FastifyInstance, deps: { groups: GroupService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { groups } = deps;

  api.get(
    '/groups',
    {
      schema: {
        tags,
        summary: 'List groups',
        response: { 200: z.object({ items: z.array(groupSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await groups.list(req.actor) }),
  );
  api.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Create a group',
        body: createGroupSchema,
        response: { 201: groupSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await groups.create(req.actor, req.body)),
  );
  api.get(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'One group',
        params: idParamSchema,
        response: { 200: groupSchema, ...errors },
      },
    },
    async (req) => groups.get(req.actor, req.params.id),
  );
  api.patch(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a group',
        params: idParamSchema,
        body: updateGroupSchema,
        response: { 200: groupSchema, ...errors },
      },
    },
    async (req) => groups.update(req.actor, req.params.id, req.body),
  );
  api.delete(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a group',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await groups.remove(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.put(
    '/groups/:id/permissions',
    {
      schema: {
        tags,
        summary: "Replace a group's permissions",
        params: idParamSchema,
        body: z.strictObject({ permissions: z.array(permissionSchema).max(50) }),
        response: { 200: groupSchema, ...errors },
      },
    },
    async (req) => groups.setPermissions(req.actor, req.params.id, req.body.permissions),
  );
  api.post(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member',
        params: idParamSchema,
        body: memberBodySchema,
        response: { 200: groupSchema, ...errors },
      },
    },
    async (req) => groups.addMember(req.actor, req.params.id, req.body.userId),
  );
  api.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member',
        params: memberParamsSchema,
        response: { 200: groupSchema, ...errors },
      },
    },
    async (req) => groups.removeMember(req.actor, req.params.id, req.params.userId),
  );
}
