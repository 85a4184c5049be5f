import type { ErrorCode } from '../../common/errors.js';

/** The one error type services throw; the Fastify error handler turns it into the API error shape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    status: number,
    message: string,
    opts: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = opts.details;
    this.headers = opts.headers ?? {};
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new AppError('bad_request', 400, message, { details });
export const unauthenticated = (message = 'Authentication required') =>
  new AppError('unauthenticated', 401, message);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('forbidden', 403, message);
export const notFound = (code: ErrorCode = 'not_found', message = 'Not found') =>
  new AppError(code, 404, message);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, 409, message, { details });
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts; try again later') =>
  new AppError('too_many_requests', 429, message, {
    details: { retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
