import type { Me } from '../../common/schemas/auth.schema.js';
import type {
  Document,
  DocumentList,
  UploadLimitsInfo,
  UploadResult,
} from '../../common/schemas/document.schema.js';
import { api, ApiError, getCsrfToken, setCsrfToken } from './client.js';

export type { Document, UploadLimitsInfo };

/** Query keys. A ticket's documents sit under ['tickets', id] so that refreshing a ticket refreshes them. */
export const documentKeys = {
  list: (ticketId: number) => ['tickets', ticketId, 'documents'] as const,
  limits: ['documents', 'limits'] as const,
};

export const listDocuments = async (ticketId: number): Promise<Document[]> =>
  (await api.get<DocumentList>(`/tickets/${ticketId}/documents`)).items;

export const deleteDocument = (id: number) => api.delete<void>(`/documents/${id}`);

export const fetchUploadLimits = () => api.get<UploadLimitsInfo>('/documents/limits');

/** Where the browser gets the file (a plain link: the session cookie goes along, the server checks). */
export const downloadUrl = (doc: Pick<Document, 'id'>): string => `/api/v1/documents/${doc.id}/download`;

/** The session's CSRF token; fetched from /auth/me only when the page has not got it yet. */
async function currentCsrfToken(): Promise<string | null> {
  const known = getCsrfToken();
  if (known) return known;
  const me = await api.get<Me>('/auth/me');
  setCsrfToken(me.csrfToken);
  return me.csrfToken;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // not JSON: fall back to the status line below
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(xhr.status, error.code, error.message, error.details);
  }
  return new ApiError(xhr.status, 'http_error', xhr.statusText || `HTTP ${xhr.status}`);
}

export interface UploadOptions {
  /** Attach the files to this message of the ticket. */
  messageId?: number;
  /** Called as the bytes go out, with the fraction sent (0 to 1). */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/**
 * Uploads files to a ticket (multipart). XMLHttpRequest rather than fetch, because only it reports upload
 * progress. Resolves with the new documents; rejects with an ApiError like every other call.
 */
export async function uploadDocuments(
  ticketId: number,
  files: File[],
  opts: UploadOptions = {},
): Promise<Document[]> {
  const token = await currentCsrfToken();
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (opts.messageId !== undefined) form.append('messageId', String(opts.messageId));
  return new Promise<Document[]>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/tickets/${ticketId}/documents`);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr));
      try {
        resolve((JSON.parse(xhr.responseText) as UploadResult).items);
      } catch {
        reject(new ApiError(xhr.status, 'http_error', 'The server answered an unreadable response'));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
