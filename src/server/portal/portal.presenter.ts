import type {
  PortalDocument,
  PortalMessage,
  PortalTicket,
  PortalTicketSummary,
} from '../../common/schemas/portal.schema.js';
import { isPublicField } from '../../common/customFields.js';
import type { CustomField, PortalCustomFieldValue } from '../../common/schemas/custom-field.schema.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import type { DocumentRow } from '../db/schema.js';
import { parseStoredCustomFields } from '../tickets/ticket.customfields.js';
import { sanitizeRichText } from '../text/rich-text.js';
import type { PortalTicketRow } from './portal.repository.js';

/**
 * The custom field values a customer may see: OUT and BOTH fields (active or not) holding a value, in the
 * order of the definitions; values of IN fields, and of keys no definition names, never leave the server.
 */
export function presentPortalCustomFields(
  json: string,
  fields: readonly CustomField[],
): PortalCustomFieldValue[] {
  const values = parseStoredCustomFields(json);
  return fields.flatMap((f) => {
    const value = Object.hasOwn(values, f.key) ? values[f.key] : undefined;
    if (value === undefined || value === null || !isPublicField(f)) return [];
    return [{ key: f.key, label: f.label, type: f.type, options: f.options, value }];
  });
}

/**
 * What a customer sees of a ticket (SPEC 4): no assignee, no internal fields, no history. HTML is
 * sanitized again on the way out: the portal is public, and stored HTML may come from other sources
 * (email) in the future. `fields`: every custom field definition, by position.
 */
export function presentPortalTicket(
  row: PortalTicketRow,
  opts: { showDuration: boolean; fields: readonly CustomField[] },
): PortalTicket {
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
    customFields: presentPortalCustomFields(row.custom_fields, opts.fields),
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
