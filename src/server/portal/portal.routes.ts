import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../common/schemas/common.js';
import {
  portalCaptchaChallengeSchema,
  portalConfigSchema,
  portalCreateTicketResultSchema,
  portalCreateTicketSchema,
  portalCustomerSchema,
  portalSessionCustomerSchema,
  portalSessionLinkSchema,
  portalSessionSchema,
  portalTicketSessionResultSchema,
} from '../../common/schemas/portal.schema.js';
import type { Config } from '../config.js';
import type { PortalAccess } from './portal.access.js';
import { PORTAL_RATE_LIMITS, registerPortalPlumbing, visitorOf } from './portal.plugin.js';
import type { PortalService } from './portal.service.js';
import type { PortalSessions } from './portal.session.js';
import { registerPortalTicketRoutes } from './portal.ticket.routes.js';
import type { PortalTickets } from './portal.tickets.js';

export const portalTags = ['portal'];
export const portalErrors = {
  400: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
};
const sessionLimit = { rateLimit: PORTAL_RATE_LIMITS.session };

export interface PortalRouteDeps {
  portal: PortalService;
  portalTickets: PortalTickets;
  portalSessions: PortalSessions;
  portalAccess: PortalAccess;
  config: Pick<Config, 'publicUrl'>;
}

/**
 * The public portal API (SPEC 4) under /api/v1/portal, in a scope of its own (portal.plugin.ts): no staff
 * session, rate limits per address, the portal session cookie, X-Guichet-Portal on changes.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: PortalRouteDeps): void {
  void app.register(
    async (scope) => {
      await registerPortalPlumbing(scope, {
        sessions: deps.portalSessions,
        access: deps.portalAccess,
        secureCookies: deps.config.publicUrl.startsWith('https://'),
      });
      const api = scope.withTypeProvider<ZodTypeProvider>();
      const { portal } = deps;
      const tags = portalTags;

      api.get(
        '/config',
        {
          config: { portalAlwaysOpen: true },
          schema: {
            tags,
            summary: 'What the portal pages need (answered even when the portal is disabled)',
            response: { 200: portalConfigSchema, 429: errorSchema },
          },
        },
        async () => portal.config(),
      );

      api.get(
        '/captcha',
        {
          schema: {
            tags,
            summary: 'A proof-of-work challenge (ALTCHA style) for POST /tickets when the captcha is on',
            response: { 200: portalCaptchaChallengeSchema, ...portalErrors },
          },
        },
        async (req, reply) => {
          void reply.header('cache-control', 'no-store');
          return portal.captchaChallenge();
        },
      );

      api.post(
        '/tickets',
        {
          config: { rateLimit: PORTAL_RATE_LIMITS.createTicket },
          schema: {
            tags,
            summary: 'Open a ticket; the session then follows it',
            description:
              '`website` is a honeypot: when filled, the answer looks like a success but nothing is stored.',
            body: portalCreateTicketSchema,
            response: { 201: portalCreateTicketResultSchema, ...portalErrors },
          },
        },
        async (req, reply) => reply.status(201).send(await portal.createTicket(visitorOf(req), req.body)),
      );

      api.post(
        '/session',
        {
          config: sessionLimit,
          schema: {
            tags,
            summary: 'Follow a ticket by its tracking key and an address that belongs to it',
            body: portalSessionSchema,
            response: { 200: portalTicketSessionResultSchema, ...portalErrors },
          },
        },
        async (req) => portal.openByEmail(visitorOf(req), req.body),
      );

      api.post(
        '/session/link',
        {
          config: sessionLimit,
          schema: {
            tags,
            summary: 'Follow a ticket through the signed link of an email',
            body: portalSessionLinkSchema,
            response: { 200: portalTicketSessionResultSchema, ...portalErrors },
          },
        },
        async (req) => portal.openBySignature(visitorOf(req), req.body),
      );

      api.post(
        '/session/customer',
        {
          config: sessionLimit,
          schema: {
            tags,
            summary: 'Open the personalized page of a customer (its secret link)',
            body: portalSessionCustomerSchema,
            response: { 200: portalCustomerSchema, ...portalErrors },
          },
        },
        async (req) => portal.openByCustomerToken(visitorOf(req), req.body),
      );

      api.get(
        '/customer',
        {
          schema: {
            tags,
            summary: 'The customer of the personalized session: name, contacts, tickets',
            response: { 200: portalCustomerSchema, ...portalErrors },
          },
        },
        async (req) => portal.customer(visitorOf(req)),
      );

      registerPortalTicketRoutes(scope, deps.portalTickets);
    },
    { prefix: '/portal' },
  );
}
