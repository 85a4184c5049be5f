import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, stubApi } from '../test-utils.js';
import { api, ApiError, setCsrfToken } from './client.js';

afterEach(() => setCsrfToken(null));

describe('api client', () => {
  it('sends the CSRF token on changing requests only, and same-origin credentials always', async () => {
    const calls = stubApi({
      'GET /things': () => json({ ok: true }),
      'POST /things': () => json({ ok: true }),
    });
    const fetchSpy = globalThis.fetch as unknown as { mock: { calls: [string, RequestInit][] } };
    setCsrfToken('tok-123');
    await api.get('/things');
    await api.post('/things', { a: 1 });
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]?.headers['x-csrf-token']).toBe('tok-123');
    expect(calls[1]?.headers['content-type']).toBe('application/json');
    expect(calls[1]?.body).toEqual({ a: 1 });
    expect(fetchSpy.mock.calls.map(([, init]) => init.credentials)).toEqual(['same-origin', 'same-origin']);
  });

  it('turns the error shape into an ApiError with status, code, message and details', async () => {
    stubApi({ 'GET /t/9': () => apiError(404, 'ticket_not_found', 'No ticket 9', { id: 9 }) });
    const err = await api.get('/t/9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 404,
      code: 'ticket_not_found',
      message: 'No ticket 9',
      details: { id: 9 },
    });
  });

  it('reads the retry delay from details.retryAfterSeconds, else from the Retry-After header', async () => {
    stubApi({
      'POST /a': () =>
        apiError(429, 'too_many_requests', 'Slow down', { retryAfterSeconds: 12.2 }, { 'retry-after': '99' }),
      'POST /b': () => apiError(429, 'too_many_requests', 'Slow down', undefined, { 'retry-after': '30' }),
    });
    const a = (await api.post('/a').catch((e: unknown) => e)) as ApiError;
    const b = (await api.post('/b').catch((e: unknown) => e)) as ApiError;
    expect(a.retryAfterSeconds).toBe(13);
    expect(b.retryAfterSeconds).toBe(30);
  });

  it('reports an answer that is not the error shape, and a network failure, as ApiErrors', async () => {
    stubApi({
      'GET /html': () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    await expect(api.get('/html')).rejects.toMatchObject({ status: 502, code: 'http_error' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.get('/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
