import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../common/errors.js';
import { AppError } from './errors.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** One place turns every failure into `{ error: { code, message, details } }` with the right status. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      void reply.headers(err.headers);
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Invalid value',
      }));
      const first = issues[0];
      const message = first ? `Invalid input: ${first.path}: ${first.message}` : 'Invalid input';
      return reply.status(400).send(body('validation_error', message, { issues }));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send(body('internal_error', 'Internal error'));
    }
    const fe = err as FastifyError;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      let code: ErrorCode = CODE_BY_STATUS[status] ?? 'bad_request';
      let message = err.message;
      if (
        err instanceof SyntaxError ||
        fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
      ) {
        code = 'invalid_json';
        message = `The request body is not valid JSON (${err.message})`;
      } else if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        message = 'The request body is too large';
      } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        message = `Unsupported content type: ${req.headers['content-type'] ?? 'none'}`;
      }
      if (status === 429 && fe.message) message = fe.message;
      return reply.status(status).send(body(code, message));
    }
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') {
      // Another process kept the database's write lock longer than a request may wait (BUSY_WAIT_MS):
      // nothing was written, and the same request can simply be sent again.
      req.log.warn({ err }, 'database busy');
      void reply.header('retry-after', '1');
      return reply
        .status(503)
        .send(body('service_unavailable', 'The database is busy; nothing was changed, try again'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal_error', 'Internal error'));
  });
}

/**
 * Unknown routes: API paths answer the error shape; other GETs that accept HTML get the staff app's
 * index.html (the app routes on the client) when it is built.
 */
export function registerNotFoundHandler(app: FastifyInstance, spaIndexHtml: string | undefined): void {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (spaIndexHtml && req.method === 'GET' && !isApi && (req.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaIndexHtml);
    }
    return reply.status(404).send(body('route_not_found', `No route ${req.method} ${path}`));
  });
}
