import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ping, type Db } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';

/** Liveness answers while the process runs; readiness needs the database and a current schema. */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const status = z.object({ status: z.string(), checks: z.record(z.string(), z.string()).optional() });
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: status } } }, () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: status, 503: status } } },
    async (_req, reply) => {
      const database = await ping(deps.db);
      const pending = database ? await pendingMigrations(deps.db).catch(() => ['unknown']) : ['unknown'];
      const ready = database && pending.length === 0;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: {
          database: database ? 'ok' : 'unreachable',
          migrations: pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`,
        },
      });
    },
  );
}
