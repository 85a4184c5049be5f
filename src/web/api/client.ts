import type { ErrorBody } from '../../common/errors.js';

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from the Retry-After header, when the server sent one. */
    private readonly retryAfterHeader?: number,
  ) {
    super(message);
  }

  /** How long to wait before retrying a throttled request (429), from `details` or the Retry-After header. */
  get retryAfterSeconds(): number | undefined {
    const fromDetails = (this.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof fromDetails === 'number' && Number.isFinite(fromDetails))
      return Math.max(0, Math.ceil(fromDetails));
    return this.retryAfterHeader;
  }
}

const BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The CSRF token comes with the session (login, setup, /auth/me). It lives in memory only: a reload
// gets it again from /auth/me, and nothing script-readable outlives the tab.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests that do not go through apiRequest (uploads with progress use XMLHttpRequest). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details, retryAfter);
  }
  return new ApiError(
    res.status,
    'http_error',
    res.statusText || `HTTP ${res.status}`,
    undefined,
    retryAfter,
  );
}

/** One call to the JSON API under /api/v1. Resolves with the parsed body; rejects with an ApiError. */
export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
