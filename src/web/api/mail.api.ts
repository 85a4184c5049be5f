import type {
  MailPreview,
  MailPreviewInput,
  MailTemplates,
  MailTemplatesUpdate,
} from '../../common/schemas/mail.schema.js';
import type { Message } from '../../common/schemas/message.schema.js';
import { api, apiRequest } from './client.js';

export type { MailPreview, MailTemplates, MailTemplatesUpdate };

export const mailKeys = { templates: ['settings', 'mail', 'templates'] as const };

/** Sends a test email now; a refusal is a 422 `smtp_failed` whose `details.reason` is the server's answer. */
export const sendTestMail = (to: string) =>
  api.post<{ ok: true; messageId: string }>('/settings/mail/test', { to });

export const getMailTemplates = () => api.get<MailTemplates>('/settings/mail/templates');

export const saveMailTemplates = (input: MailTemplatesUpdate) =>
  apiRequest<MailTemplates>('PUT', '/settings/mail/templates', input);

export const previewMail = (input: MailPreviewInput) =>
  api.post<MailPreview>('/settings/mail/preview', input);

/** Sends the failed email of a message again; answers the message with its new delivery state. */
export const retryMessageMail = (ticketId: number, messageId: number) =>
  api.post<Message>(`/tickets/${ticketId}/messages/${messageId}/retry-mail`);
