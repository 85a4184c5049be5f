import type { Ticket, TicketListItem } from '../../common/schemas/ticket.schema.js';
import type { Origin, Resolution, TicketStatus } from '../../common/tickets.js';
import type { Actor } from '../auth/actor.js';
import type { TicketRow } from '../db/schema.js';
import { ticketAbilities } from './ticket.abilities.js';
import { overduePredicate, type OverdueDelays } from './ticket.overdue.js';
import type { TicketDetailRow } from './ticket.repository.js';

/** What presenting needs besides the row: the instant "overdue" is judged at and the delays of the settings. */
export interface PresentContext {
  now: Date;
  delays: OverdueDelays;
}

function parseCustomFields(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function secondsBetween(from: string, to: string | null): number | null {
  if (to === null) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** A ticket row as the list shows it (no description, no abilities). */
/** The columns a list item needs: everything but the long texts and internal bookkeeping. */
export type TicketListItemRow = Omit<
  TicketRow,
  'message' | 'message_text' | 'severity_rank' | 'previous_status' | 'deleted_at'
>;

export function presentTicketListItem(
  row: TicketListItemRow,
  ctx: PresentContext,
  overdue: (r: TicketListItemRow) => boolean = overduePredicate(ctx.delays, ctx.now),
): TicketListItem {
  return {
    id: row.id,
    ref: row.ref,
    trackId: row.track_id,
    subject: row.subject,
    typeCode: row.type_code,
    categoryCode: row.category_code,
    severityCode: row.severity_code,
    status: row.status as TicketStatus,
    resolution: row.resolution as Resolution | null,
    origin: row.origin as Origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readAt: row.read_at,
    closedAt: row.closed_at,
    elapsedBeforeReadSeconds: secondsBetween(row.created_at, row.read_at),
    authorUserId: row.author_user_id,
    authorEmail: row.author_email,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    contactId: row.contact_id,
    equipmentId: row.equipment_id,
    progress: row.progress,
    durationMinutes: row.duration_minutes,
    customFields: parseCustomFields(row.custom_fields),
    version: row.version,
    overdue: overdue(row),
  };
}

/** What the detail adds to the context: the settings the staff app's ticket forms start from. */
export interface DetailPresentContext extends PresentContext {
  /** `mail.noticeOnClose`: "notify the customer" starts ticked in the close dialog. */
  noticeOnClose: boolean;
}

/** The full ticket, with what `actor` may do on it. */
export function presentTicket(row: TicketDetailRow, actor: Actor | null, ctx: DetailPresentContext): Ticket {
  const item = presentTicketListItem(row, ctx);
  return {
    ...item,
    message: row.message,
    authorName: row.author_name,
    contactName: row.contact_name,
    abilities: ticketAbilities(actor, item),
    defaults: { notifyCustomerOnClose: ctx.noticeOnClose },
  };
}
