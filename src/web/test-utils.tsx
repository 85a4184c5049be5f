import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Language } from '../common/languages.js';
import type { User } from '../common/schemas/user.schema.js';
import { createI18n } from './i18n/i18n.js';
import { App } from './staff/App.js';
import { AppProviders, createQueryClient } from './staff/AppProviders.js';

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  details?: unknown,
  headers = {},
): Response {
  return json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status, headers);
}

/**
 * Replaces `fetch` (the network boundary) with canned answers keyed by "METHOD /path" below /api/v1.
 * Returns every call made, to assert on what the app sent.
 */
export function stubApi(routes: Record<string, Handler>): RecordedCall[] {
  const calls: RecordedCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        'http://x',
      );
      const call: RecordedCall = {
        method: (init.method ?? 'GET').toUpperCase(),
        path: url.pathname.replace(/^\/api\/v1/, '') + url.search,
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      const handler = routes[`${call.method} ${call.path}`];
      return handler
        ? handler(call)
        : apiError(404, 'route_not_found', `No route ${call.method} ${call.path}`);
    }),
  );
  return calls;
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    email: 'ada@example.test',
    name: 'Ada Admin',
    language: 'fr',
    active: true,
    hasPassword: true,
    notifyByEmail: true,
    groups: [{ id: 1, name: 'Administrators' }],
    permissions: ['ticket.read', 'admin'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The whole staff app at `path`, in `language` until a session says otherwise. */
export function renderApp(path: string, { language = 'fr' }: { language?: Language } = {}) {
  const i18n = createI18n(language);
  const result = render(
    <AppProviders i18n={i18n} queryClient={createQueryClient()} env="test">
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, i18n };
}
