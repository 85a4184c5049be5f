import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
import type { Origin, Resolution, TicketStatus } from '../../common/tickets.js';
import type { TicketListRow } from './ticket.list.repository.js';
import { overdueThresholds, type OverdueDelays } from './ticket.overdue.js';

/**
 * List rows as the API shows them: the same fields as presentTicketListItem (ticket.presenter.ts, kept
 * in step by ticket.list.presenter.test.ts), but a page at a time, so the overdue thresholds are computed
 * once per page rather than per row; this runs on every list request.
 */
export function presentListRows(rows: readonly TicketListRow[], ctx: { now: Date; delays: OverdueDelays }) {
  const { firstResponseBefore, customerWaitingBefore } = overdueThresholds(ctx.delays, ctx.now);
  const overdue = (r: TicketListRow): boolean => {
    if (!r.is_open || r.status === 'waiting') return false;
    if (firstResponseBefore && r.first_response_at === null && r.created_at < firstResponseBefore)
      return true;
    return (
      customerWaitingBefore !== null &&
      r.last_customer_message_at !== null &&
      (r.last_staff_message_at === null || r.last_staff_message_at < r.last_customer_message_at) &&
      r.last_customer_message_at < customerWaitingBefore
    );
  };
  return rows.map((r): TicketListItem => ({
    id: r.id,
    ref: r.ref,
    trackId: r.track_id,
    subject: r.subject,
    typeCode: r.type_code,
    categoryCode: r.category_code,
    severityCode: r.severity_code,
    status: r.status as TicketStatus,
    resolution: r.resolution as Resolution | null,
    origin: r.origin as Origin,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    readAt: r.read_at,
    closedAt: r.closed_at,
    elapsedBeforeReadSeconds:
      r.read_at === null
        ? null
        : Math.max(0, Math.round((Date.parse(r.read_at) - Date.parse(r.created_at)) / 1000)),
    authorUserId: r.author_user_id,
    authorEmail: r.author_email,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    thirdpartyId: r.thirdparty_id,
    thirdpartyName: r.thirdparty_name,
    contactId: r.contact_id,
    equipmentId: r.equipment_id,
    progress: r.progress,
    durationMinutes: r.duration_minutes,
    customFields: r.custom_fields === '{}' ? {} : customFields(r.custom_fields),
    version: r.version,
    overdue: overdue(r),
  }));
}

function customFields(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
