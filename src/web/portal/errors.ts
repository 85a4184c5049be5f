import type { CustomFieldIssue } from '../../common/customFields.js';
import { PortalApiError } from './api.js';
import type { MessageKey, Translate } from './i18n/i18n.js';

/** Request fields the server may name in a validation error, and the label the visitor saw. */
const FIELD_LABELS: Record<string, MessageKey> = {
  email: 'form.email',
  name: 'form.name',
  subject: 'form.subject',
  message: 'form.description',
  typeCode: 'form.type',
  categoryCode: 'form.category',
  severityCode: 'form.severity',
  contactId: 'form.contact',
  body: 'ticket.replyLabel',
  trackId: 'follow.key',
};

/** The request field a 400 validation error is about (`details.issues[0].path` = "body.email"), if any. */
export function invalidField(err: unknown): string | null {
  if (!(err instanceof PortalApiError) || err.status !== 400) return null;
  const issues = (err.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
  const path = issues?.[0]?.path;
  if (typeof path !== 'string') return null;
  const parts = path.split('.').filter((p) => p !== 'body');
  const field = parts[0];
  return field && Object.hasOwn(FIELD_LABELS, field) ? field : null;
}

/** The issues of a 400 `invalid_custom_field` (`details.issues`: key, code, message), or null. */
export function customFieldIssues(err: unknown): CustomFieldIssue[] | null {
  if (!(err instanceof PortalApiError) || err.code !== 'invalid_custom_field') return null;
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is CustomFieldIssue =>
      typeof (i as CustomFieldIssue | null)?.key === 'string' &&
      typeof (i as CustomFieldIssue).code === 'string',
  );
}

function detail(err: PortalApiError, key: string): string | number | undefined {
  const value = (err.details as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Every API error in the visitor's language; the server's English message only as a last resort. */
export function errorText(t: Translate, err: unknown): string {
  if (!(err instanceof PortalApiError)) {
    return t('errors.unexpected', { message: err instanceof Error ? err.message : String(err) });
  }
  const name = detail(err, 'filename');
  switch (err.code) {
    case 'portal_disabled':
    case 'portal_quota_exceeded':
    case 'captcha_failed':
    case 'too_many_files':
    case 'portal_ticket_not_found':
    case 'portal_link_not_found':
    case 'ticket_not_open':
    case 'invalid_classification':
    case 'invalid_custom_field':
    case 'csrf_failed':
    case 'network_error':
      return t(`errors.${err.code}`);
    case 'file_too_large': {
      const mb = detail(err, 'maxFileMb');
      return name !== undefined && mb !== undefined
        ? t('errors.file_too_large', { name, mb })
        : t('errors.file_too_large_generic');
    }
    case 'payload_too_large':
      return t('errors.file_too_large_generic');
    case 'forbidden_file_type':
    case 'unsupported_media_type':
      return name !== undefined
        ? t('errors.forbidden_file_type', { name })
        : t('errors.forbidden_file_type_generic');
    default:
      break;
  }
  if (err.status === 429) {
    return err.retryAfterSeconds !== undefined
      ? t('errors.too_many_requests', { seconds: err.retryAfterSeconds })
      : t('errors.too_many_requests_later');
  }
  if (err.status === 400) {
    const field = invalidField(err);
    const label = field ? FIELD_LABELS[field] : undefined;
    return label ? t('errors.validation', { field: t(label) }) : t('errors.validation_generic');
  }
  return t('errors.unexpected', { message: err.message });
}
