import type {
  PortalDocument,
  PortalMessage,
  PortalTicket,
  PortalTicketSummary,
} from '../../common/schemas/portal.schema.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import type { DocumentRow } from '../db/schema.js';
import { sanitizeRichText } from '../text/rich-text.js';
import type { PortalTicketRow } from './portal.repository.js';

/**
 * What a customer sees of a ticket (SPEC 4): no assignee, no internal fields, no history. HTML is
 * sanitized again on the way out: the portal is public, and stored HTML may come from other sources
 * (email) in the future.
 */
export function presentPortalTicket(row: PortalTicketRow, opts: { showDuration: boolean }): PortalTicket {
  const open = isOpenStatus(row.status as TicketStatus);
  return {
    trackId: row.track_id,
    ref: row.ref,
    subject: row.subject,
    message: sanitizeRichText(row.message),
    status: row.status as TicketStatus,
    typeCode: row.type_code,
    categoryCode: row.category_code,
    severityCode: row.severity_code,
    progress: row.progress,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    durationMinutes: opts.showDuration ? row.duration_minutes : null,
    customerName: row.contact_name ?? row.thirdparty_name ?? null,
    canReply: open,
    canClose: open,
  };
}

export function presentPortalSummary(row: {
  track_id: string;
  ref: string;
  subject: string;
  status: string;
  created_at: string;
  updated_at: string;
}): PortalTicketSummary {
  return {
    trackId: row.track_id,
    ref: row.ref,
    subject: row.subject,
    status: row.status as TicketStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentPortalDocument(row: DocumentRow): PortalDocument {
  return {
    id: row.id,
    filename: row.filename,
    mimeType: row.mime_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

export interface PortalMessageRow {
  id: number;
  author_type: string;
  body: string;
  created_at: string;
  author_name: string | null;
}

/** Staff are named (the customer knows who answers); a customer's own messages carry no name. */
export function presentPortalMessage(
  row: PortalMessageRow,
  documents: readonly DocumentRow[],
): PortalMessage {
  const customer = row.author_type === 'customer';
  return {
    id: row.id,
    author: { kind: customer ? 'customer' : 'staff', name: customer ? null : row.author_name },
    body: sanitizeRichText(row.body),
    createdAt: row.created_at,
    attachments: documents.filter((d) => d.message_id === row.id).map(presentPortalDocument),
  };
}
