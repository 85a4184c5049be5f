import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { PortalConfig, PortalTicket } from './api.js';
import { PortalRoot } from './PortalApp.js';

/** What the portal sent through fetch, to assert on. */
export interface PortalCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export const apiError = (
  status: number,
  code: string,
  details?: unknown,
  headers: Record<string, string> = {},
) =>
  json(
    { error: { code, message: `server says ${code}`, ...(details === undefined ? {} : { details }) } },
    status,
    headers,
  );

/**
 * Replaces fetch (the network boundary) with canned answers keyed by "METHOD /path" below /api/v1/portal.
 * Unknown routes answer 404 route_not_found, as the server would.
 */
export function stubPortalApi(routes: Record<string, (call: PortalCall) => Response>): PortalCall[] {
  const calls: PortalCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        'http://x',
      );
      const call: PortalCall = {
        method: (init.method ?? 'GET').toUpperCase(),
        path: url.pathname.replace(/^\/api\/v1\/portal/, '') + url.search,
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      const handler = routes[`${call.method} ${call.path}`];
      return Promise.resolve(handler ? handler(call) : apiError(404, 'route_not_found'));
    }),
  );
  return calls;
}

export function makeConfig(overrides: Partial<PortalConfig> = {}): PortalConfig {
  const choice = (code: string, labelFr: string, labelEn: string, parentCode: string | null = null) => ({
    code,
    labelFr,
    labelEn,
    parentCode,
  });
  return {
    enabled: true,
    title: { fr: 'Assistance Acme', en: 'Acme Support' },
    homeText: { fr: 'Bienvenue.\nNous répondons sous 24 h.', en: 'Welcome.\nWe answer within 24 h.' },
    helpText: { fr: '', en: '' },
    captcha: false,
    types: [choice('ISSUE', 'Incident', 'Issue'), choice('REQUEST', 'Demande', 'Request')],
    categories: [choice('HW', 'Matériel', 'Hardware'), choice('PRINT', 'Imprimante', 'Printer', 'HW')],
    severities: [choice('LOW', 'Faible', 'Low'), choice('NORMAL', 'Normale', 'Normal')],
    defaults: { typeCode: 'ISSUE', categoryCode: 'HW', severityCode: 'NORMAL' },
    uploads: { maxFileMb: 1, maxFiles: 2 },
    showDuration: false,
    customFields: [],
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<PortalTicket> = {}): PortalTicket {
  return {
    trackId: 'K7QX2M4P9R',
    ref: 'TS2611-0042',
    subject: 'The printer jams',
    message: '<p>Every page.</p>',
    status: 'waiting',
    typeCode: 'ISSUE',
    categoryCode: 'PRINT',
    severityCode: 'NORMAL',
    progress: 40,
    createdAt: '2026-11-20T09:30:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    closedAt: null,
    durationMinutes: null,
    customerName: null,
    canReply: true,
    canClose: true,
    customFields: [],
    ...overrides,
  };
}

/** The whole portal at `path`, as a visitor whose browser says `language`. */
export function renderPortal(path: string, language: 'fr' | 'en' = 'fr') {
  history.replaceState(null, '', path);
  return render(<PortalRoot language={language} />);
}

/**
 * XMLHttpRequest as the upload code sees it, answering like the server: the upload reports half its bytes
 * sent, then waits for the test to call `finishAll()` before answering 201 with the documents.
 */
export class UploadingXhr {
  static sent: { url: string; headers: Record<string, string>; files: string[] }[] = [];
  static pending: (() => void)[] = [];
  static finishAll() {
    for (const finish of UploadingXhr.pending.splice(0)) finish();
  }
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(form: FormData) {
    const files = form.getAll('files').map((f) => (f as File).name);
    UploadingXhr.sent.push({ url: this.url, headers: this.headers, files });
    setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 }), 0);
    UploadingXhr.pending.push(() => {
      this.status = 201;
      this.responseText = JSON.stringify({
        items: files.map((name, i) => ({
          id: i + 1,
          filename: name,
          mimeType: 'image/png',
          size: 10,
          createdAt: '2026-11-20T09:30:00.000Z',
        })),
      });
      this.onload?.();
    });
  }
}
