import type {
  PortalAddMessageInput,
  PortalCaptchaChallenge,
  PortalConfig,
  PortalCreateTicketInput,
  PortalCreateTicketResult,
  PortalCustomer,
  PortalDocument,
  PortalDocumentList,
  PortalMessage,
  PortalMessageList,
  PortalTicket,
  PortalTicketSessionResult,
} from '../../common/schemas/portal.schema.js';

// Types only from src/common: importing its values would pull zod into the portal bundle.
export type {
  PortalConfig,
  PortalCustomer,
  PortalDocument,
  PortalMessage,
  PortalTicket,
  PortalCreateTicketInput,
};

const BASE = '/api/v1/portal';
/** Same value as PORTAL_CSRF_HEADER in portal.schema.ts: every mutating portal request carries it. */
const CSRF_HEADER = 'X-Guichet-Portal';

/** An error answer of the portal API (`{ error: { code, message, details } }`), or a network failure (0). */
export class PortalApiError extends Error {
  override readonly name = 'PortalApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait, from the Retry-After header or `details.retryAfterSeconds`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds the error of a failed answer from its status, body text and Retry-After header. */
export function errorFromAnswer(status: number, text: string, retryAfter: string | null): PortalApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const fromDetails = (error?.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const retry =
    typeof fromDetails === 'number' && Number.isFinite(fromDetails)
      ? Math.max(0, Math.ceil(fromDetails))
      : parseRetryAfter(retryAfter);
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new PortalApiError(status, error.code, error.message, error.details, retry);
  }
  const code = status === 429 ? 'too_many_requests' : 'http_error';
  return new PortalApiError(status, code, `HTTP ${status}`, undefined, retry);
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers[CSRF_HEADER] = '1';
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch (err) {
    throw new PortalApiError(0, 'network_error', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) throw errorFromAnswer(res.status, await res.text(), res.headers.get('retry-after'));
  return (await res.json()) as T;
}

const ticketPath = (trackId: string) => `/tickets/${encodeURIComponent(trackId)}`;

export const portalApi = {
  config: () => request<PortalConfig>('GET', '/config'),
  captcha: () => request<PortalCaptchaChallenge>('GET', '/captcha'),
  createTicket: (input: PortalCreateTicketInput) =>
    request<PortalCreateTicketResult>('POST', '/tickets', input),
  follow: (trackId: string, email: string) =>
    request<PortalTicketSessionResult>('POST', '/session', { trackId, email }),
  openSignedLink: (trackId: string, sig: string) =>
    request<PortalTicketSessionResult>('POST', '/session/link', { trackId, sig }),
  openCustomerLink: (token: string) => request<PortalCustomer>('POST', '/session/customer', { token }),
  customer: () => request<PortalCustomer>('GET', '/customer'),
  ticket: (trackId: string) => request<PortalTicket>('GET', ticketPath(trackId)),
  messages: async (trackId: string) =>
    (await request<PortalMessageList>('GET', `${ticketPath(trackId)}/messages`)).items,
  documents: async (trackId: string) =>
    (await request<PortalDocumentList>('GET', `${ticketPath(trackId)}/documents`)).items,
  reply: (trackId: string, input: PortalAddMessageInput) =>
    request<PortalMessage>('POST', `${ticketPath(trackId)}/messages`, input),
  close: (trackId: string) => request<PortalTicket>('POST', `${ticketPath(trackId)}/close`, {}),
};

/** Where the browser downloads a document (a plain link: the portal cookie goes along). */
export const documentUrl = (trackId: string, documentId: number): string =>
  `${BASE}${ticketPath(trackId)}/documents/${documentId}`;

/**
 * Uploads one file to a ticket the session may see. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; one request per file gives each file its own progress bar.
 */
export function uploadFile(
  trackId: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<PortalDocument[]> {
  const form = new FormData();
  form.append('files', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}${ticketPath(trackId)}/documents`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFromAnswer(xhr.status, xhr.responseText, xhr.getResponseHeader('retry-after')));
        return;
      }
      try {
        resolve((JSON.parse(xhr.responseText) as PortalDocumentList).items);
      } catch {
        reject(new PortalApiError(xhr.status, 'http_error', 'Unreadable answer'));
      }
    };
    xhr.onerror = () => reject(new PortalApiError(0, 'network_error', 'Network error'));
    xhr.send(form);
  });
}
