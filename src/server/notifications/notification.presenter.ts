import type { Notification } from '../../common/schemas/notification.schema.js';
import type { NotificationRow } from './notification.repository.js';

/** Database row (snake_case) → API object (camelCase). */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    ticketId: row.ticket_id,
    ticketRef: row.ticket_ref,
    ticketSubject: row.ticket_subject,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    excerpt: row.excerpt,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
