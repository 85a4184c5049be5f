import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The portal's pages: `<webDir>/portal/index.html` (its own small bundle, assets under `<webDir>/assets`)
 * for `/portal` and every `/portal/*` path; the page routes on the client. `no-cache` so that a new
 * release is picked up at once (the assets have hashed names and cache well). The page loads even when
 * the portal is disabled: it reads GET /api/v1/portal/config and says that the portal is closed.
 */
export function registerPortalPages(app: FastifyInstance, webDir: string | undefined): void {
  const file = webDir ? path.join(webDir, 'portal', 'index.html') : undefined;
  const html = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const opts = { schema: { hide: true }, config: { public: true } };
  const page = (_req: unknown, reply: FastifyReply) =>
    html
      ? reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
      : reply
          .status(404)
          .send({ error: { code: 'route_not_found', message: 'The portal pages are not built' } });
  app.get('/portal', opts, page);
  app.get('/portal/*', opts, page);
}
