import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuerySchema, auditPageSchema } from '../../common/schemas/audit.schema.js';
import { errorSchema } from '../../common/schemas/common.js';
import type { AuditRepository } from './audit.repository.js';
import { createAuditLogService } from './audit.service.js';

const tags = ['audit'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** Administrators read the audit log of settings and administration changes. */
export function registerAuditRoutes(app: FastifyInstance, deps: { audit: AuditRepository }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Reading needs nothing but the log itself: the service is made here rather than in services.ts.
  const auditLog = createAuditLogService(deps);

  api.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'The administration audit log, newest first (who, when, what changed; secrets masked)',
        description:
          'Filters: action (exact, or a kind with a trailing dot: "user."), targetType, actorId. ' +
          'Keyset pages: pass the nextCursor of the previous page as cursor; total counts every matching row.',
        querystring: auditListQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    async (req) => auditLog.list(req.actor, req.query),
  );
}
