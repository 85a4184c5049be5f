import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenSchema,
  changePasswordSchema,
  createdTokenSchema,
  createTokenSchema,
  loginSchema,
  meSchema,
  sessionResultSchema,
  setPasswordSchema,
  setupSchema,
  setupStatusSchema,
  updateMeSchema,
} from '../../common/schemas/auth.schema.js';
import { errorSchema, idParamSchema, okSchema } from '../../common/schemas/common.js';
import type { UserService } from '../admin/user.service.js';
import type { Config } from '../config.js';
import { requireActor } from './actor.js';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema };

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; users: UserService; config: Pick<Config, 'publicUrl'> },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { auth, users } = deps;
  const secure = (req: FastifyRequest) =>
    deps.config.publicUrl.startsWith('https://') || req.protocol === 'https';
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

  api.post(
    '/auth/login',
    {
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: loginSchema,
        response: { 200: sessionResultSchema, ...errors },
      },
    },
    async (req, reply) => {
      const session = await auth.login({ ...req.body, ...meta(req), ip: req.ip });
      setSessionCookie(reply, session, secure(req));
      return { user: await users.present(session.user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 200: okSchema, ...errors } } },
    async (req, reply) => {
      await auth.logout(requireActor(req.actor));
      clearSessionCookie(reply, secure(req));
      return { ok: true as const };
    },
  );

  api.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: meSchema, ...errors } } },
    async (req) => ({
      user: await users.me(req.actor),
      csrfToken: req.actor?.csrfToken ?? null,
    }),
  );

  api.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change my name, language or whether I get my notifications by email',
        body: updateMeSchema,
        response: { 200: meSchema, ...errors },
      },
    },
    async (req) => ({
      user: await users.updateOwnProfile(req.actor, req.body),
      csrfToken: req.actor?.csrfToken ?? null,
    }),
  );

  api.post(
    '/auth/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        body: changePasswordSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await auth.changePassword(req.actor, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  api.get(
    '/auth/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Whether the first administrator still has to be created',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ setupRequired: await users.setupRequired() }),
  );

  api.post(
    '/auth/setup',
    {
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: 'Create the first administrator with the setup link',
        body: setupSchema,
        response: { 200: sessionResultSchema, 409: errorSchema, ...errors },
      },
    },
    async (req, reply) => {
      const session = await users.completeSetup(req.body, meta(req));
      setSessionCookie(reply, session, secure(req));
      return { user: await users.present(session.user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/auth/password',
    {
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: 'Choose a password with a one-time link',
        body: setPasswordSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await auth.setPasswordWithToken(req.body.token, req.body.password);
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: createTokenSchema,
        response: { 201: createdTokenSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createApiToken(req.actor, req.body.name)),
  );

  api.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'My personal API tokens',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await auth.listApiTokens(req.actor) }),
  );

  api.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: idParamSchema,
        response: { 204: z.null(), 404: errorSchema, ...errors },
      },
    },
    async (req, reply) => {
      await auth.revokeApiToken(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
