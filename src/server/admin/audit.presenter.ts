import type { AuditEntry } from '../../common/schemas/audit.schema.js';
import type { AuditLogRow } from './audit.repository.js';

/** Words that writers put in place of a secret: they say what happened, never the value. */
const SECRET_MARKERS = new Set(['changed', 'cleared', 'set', 'link']);
const SECRET_KEY = /(password|secret|token)$/i;

/**
 * Second line of defence: whatever a writer put under a secret-looking key (`password`,
 * `mail.smtp.password`, `apiToken`) is shown as "changed" unless it is one of the marker words. Rows
 * written before secrets were recorded as markers ({ from: true, to: true }) read the same way.
 */
function maskSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      SECRET_KEY.test(key) && !(typeof value === 'string' && SECRET_MARKERS.has(value)) ? 'changed' : value,
    ]),
  );
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    return { value };
  } catch {
    return { value: text };
  }
}

export function presentAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.created_at,
    actor:
      row.actor_user_id === null
        ? null
        : { id: row.actor_user_id, name: row.actor_name ?? `#${row.actor_user_id}` },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: maskSecrets(parseDetails(row.details)),
  };
}
