import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import fs from 'node:fs';
import { registerAuditRoutes } from './admin/audit.routes.js';
import { registerGroupRoutes } from './admin/group.routes.js';
import { registerUserRoutes } from './admin/user.routes.js';
import { registerAuthPlugin } from './auth/auth.plugin.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerHealthRoutes } from './http/health.routes.js';
import { registerErrorHandler, registerNotFoundHandler } from './http/error-handler.js';
import { registerSecurityHeaders } from './http/security.js';
import { registerSettingsRoutes } from './settings/settings.routes.js';
import { registerMessageRoutes } from './tickets/message.routes.js';
import { registerTicketRoutes } from './tickets/ticket.routes.js';
import { registerDocumentRoutes } from './documents/document.routes.js';
import { registerDictionaryRoutes } from './dictionaries/dictionary.routes.js';
import { registerCustomFieldRoutes } from './customfields/customfield.routes.js';
import { registerCustomerRoutes } from './customers/customer.routes.js';
import { registerTicketListRoutes } from './tickets/ticket.list.routes.js';
import { registerTicketStatsRoutes } from './tickets/ticket.stats.routes.js';
import { registerMailRoutes } from './mail/mail.routes.js';
import { registerInboxRoutes } from './inbox/inbox.routes.js';
import { registerNotificationRoutes } from './notifications/notification.routes.js';
import { registerPortalCustomerLinkRoutes } from './portal/portal.customer-link.routes.js';
import { registerPortalRoutes } from './portal/portal.routes.js';
import { registerPortalPages } from './portal/portal.static.js';
import { registerFieldserviceRoutes } from './fieldservice/fieldservice.routes.js';
import { createServices, type AppDeps, type Services } from './services.js';

export { createServices, type AppDeps, type Services } from './services.js';

function defaultWebDir(): string | undefined {
  const candidates = [
    path.resolve(import.meta.dirname, '../web'), // dist/server → dist/web
    path.resolve(import.meta.dirname, '../../dist/web'), // src/server → dist/web
  ];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
}

/** Builds the HTTP application. It never listens: main.ts does, tests use `inject`. */
export async function buildApp(
  deps: AppDeps & {
    /** Fastify logger options; false silences it (tests). */
    logger?: FastifyServerOptions['logger'];
    services?: Services;
  },
): Promise<FastifyInstance> {
  const services = deps.services ?? createServices(deps);
  const { config } = services;
  // The first copy of the settings is read here, outside any transaction (settings.service.ts says why).
  await services.settings.all();
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { https: config.publicUrl.startsWith('https://') });
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guichet API',
        description: 'Helpdesk for after-sales service and incident management.',
        version: '1',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'guichet_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());

  registerAuthPlugin(app, { auth: services.auth, secureCookies: config.publicUrl.startsWith('https://') });
  app.addHook('onClose', async () => {
    await services.runner.stop();
    // A pooled SMTP transport keeps sockets open: they go with the app.
    services.mailTransports.close();
  });
  registerHealthRoutes(app, services);
  await app.register(
    (api, _opts, done) => {
      registerAuthRoutes(api, services);
      registerUserRoutes(api, services);
      registerGroupRoutes(api, services);
      registerAuditRoutes(api, services);
      registerSettingsRoutes(api, services);
      registerDictionaryRoutes(api, services);
      registerCustomFieldRoutes(api, services);
      registerCustomerRoutes(api, services);
      registerDocumentRoutes(api, services);
      registerTicketRoutes(api, services);
      registerMessageRoutes(api, services);
      registerTicketListRoutes(api, services);
      registerTicketStatsRoutes(api, services);
      // <tickets-domain-routes>
      registerMailRoutes(api, services);
      registerInboxRoutes(api, services);
      // <routes:mail>
      registerNotificationRoutes(api, services);
      // <routes:notifications>
      registerPortalRoutes(api, services);
      registerPortalCustomerLinkRoutes(api, services);
      // <routes:portal>
      registerFieldserviceRoutes(api, services);
      // <routes:fieldservice>
      done();
    },
    { prefix: '/api/v1' },
  );

  const webDir = config.webDir ?? defaultWebDir();
  const indexHtml = webDir ? fs.readFileSync(path.join(webDir, 'index.html'), 'utf8') : undefined;
  registerNotFoundHandler(app, indexHtml);
  if (webDir && indexHtml) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml),
    );
  }
  registerPortalPages(app, webDir);

  return app;
}
