import type {
  InboxStatus,
  InboxTestResult,
  IngestResult,
  QuarantinedMail,
  QuarantinePage,
} from '../../common/schemas/inbox.schema.js';
import { api } from './client.js';

export type { InboxStatus, InboxTestResult, IngestResult, QuarantinedMail, QuarantinePage };

export const QUARANTINE_PAGE_SIZE = 25;

// Under ['settings', 'mail'] like the templates: whatever refreshes the mail settings refreshes these too.
export const inboxKeys = {
  status: ['settings', 'mail', 'inbox'] as const,
  quarantine: ['settings', 'mail', 'quarantine'] as const,
};

/** Where mail is read from and how the collector is doing (administrators only). */
export const getInboxStatus = () => api.get<InboxStatus>('/settings/mail/inbox');

/**
 * Logs in to the saved mailbox and opens its folder; a refusal is a 422 `imap_failed` whose message is
 * the server's answer.
 */
export const testInbox = () => api.post<InboxTestResult>('/settings/mail/inbox/test');

/** Newest first; `cursor` is the previous page's `nextCursor`. */
export function listQuarantine(cursor: string | null): Promise<QuarantinePage> {
  const params = new URLSearchParams({ limit: String(QUARANTINE_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get<QuarantinePage>(`/settings/mail/quarantine?${params.toString()}`);
}

/** The kept message as a .eml file: a plain link, the browser downloads it with the session cookie. */
export const quarantineRawUrl = (mail: Pick<QuarantinedMail, 'id'>): string =>
  `/api/v1/settings/mail/quarantine/${mail.id}/raw`;

/** Runs the import again on the kept message; answers what it did this time. */
export const retryQuarantined = (id: number) =>
  api.post<IngestResult>(`/settings/mail/quarantine/${id}/retry`);

export const deleteQuarantined = (id: number) => api.delete<undefined>(`/settings/mail/quarantine/${id}`);
