import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  portalLinkInfoSchema,
  portalLinkSendSchema,
  portalLinkSentSchema,
} from '../../common/schemas/portal.schema.js';
import type { PortalCustomerLinks } from './portal.customer-link.service.js';

const tags = ['thirdparties'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** The personalized portal link on the third-party page: thirdparty.read to see, thirdparty.write to change. */
export function registerPortalCustomerLinkRoutes(
  app: FastifyInstance,
  deps: { portalCustomerLinks: PortalCustomerLinks },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const links = deps.portalCustomerLinks;

  api.get(
    '/thirdparties/:id/portal-link',
    {
      schema: {
        tags,
        summary: 'The customer’s personalized portal link and a ready-to-send text (url null: none)',
        params: idParamSchema,
        response: { 200: portalLinkInfoSchema, ...errors },
      },
    },
    async (req) => links.get(req.actor, req.params.id),
  );

  api.post(
    '/thirdparties/:id/portal-link',
    {
      schema: {
        tags,
        summary: 'Generate the link, or replace it (the previous link stops working)',
        params: idParamSchema,
        response: { 200: portalLinkInfoSchema, ...errors },
      },
    },
    async (req) => links.rotate(req.actor, req.params.id),
  );

  api.delete(
    '/thirdparties/:id/portal-link',
    {
      schema: {
        tags,
        summary: 'Revoke the link',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await links.revoke(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/thirdparties/:id/portal-link/send',
    {
      schema: {
        tags,
        summary: 'Email the ready-to-send text to the customer (or to `to`)',
        params: idParamSchema,
        body: portalLinkSendSchema,
        response: { 202: portalLinkSentSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await links.send(req.actor, req.params.id, req.body)),
  );
}
