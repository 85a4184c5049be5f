import type { CustomFieldValue } from '../../common/customFields.js';
import type { TicketRow, TicketUpdate } from '../db/schema.js';
import { cleanHtmlToText } from '../text/rich-text.js';
import type { Classification, CustomerRef, HistoryLine, TicketChange } from './ticket.core.js';
import { mergeCustomFields } from './ticket.customfields.js';

/** A PATCH after validation: rich text sanitized, classification and customer resolved by their services. */
export interface TicketEdit {
  subject?: string;
  message?: string;
  progress?: number;
  equipmentId?: number | null;
  /** Validated changes: given keys replace, null clears, keys not given are kept. */
  customFields?: Record<string, CustomFieldValue | null>;
  classification?: Classification & { severityRank: number };
  customer?: CustomerRef & { thirdpartyName: string | null; contactName: string | null };
  /** Name of the contact the ticket has now, for the history row. */
  contactNameBefore?: string | null;
}

const CLASSIFICATION = [
  ['typeCode', 'type_code'],
  ['categoryCode', 'category_code'],
  ['severityCode', 'severity_code'],
] as const;

const ref = (id: number | null, name: string | null | undefined) =>
  id === null ? null : { id, name: name ?? null };

/**
 * What a PATCH changes on `row`, with one history row per changed field (one per classification code);
 * null when it changes nothing, so that an idle save leaves version and history alone.
 */
export function planTicketUpdate(row: TicketRow, edit: TicketEdit): TicketChange | null {
  const patch: TicketUpdate = {};
  const history: HistoryLine[] = [];
  const changed = (field: string, oldValue: unknown, newValue: unknown) =>
    history.push({ kind: 'field_changed', field, oldValue, newValue });

  if (edit.subject !== undefined && edit.subject !== row.subject) {
    patch.subject = edit.subject;
    changed('subject', row.subject, edit.subject);
  }
  if (edit.message !== undefined && edit.message !== row.message) {
    // The search index reads message_text: it changes with the message, always.
    patch.message = edit.message;
    patch.message_text = cleanHtmlToText(edit.message);
    changed('message', row.message_text, patch.message_text);
  }
  const c = edit.classification;
  if (c) {
    for (const [key, column] of CLASSIFICATION) {
      if (c[key] === row[column]) continue;
      patch[column] = c[key];
      history.push({ kind: 'classification_changed', field: key, oldValue: row[column], newValue: c[key] });
    }
    if (patch.severity_code !== undefined) patch.severity_rank = c.severityRank;
  }
  const cu = edit.customer;
  if (cu) {
    if (cu.thirdpartyId !== row.thirdparty_id) {
      patch.thirdparty_id = cu.thirdpartyId;
      patch.thirdparty_name = cu.thirdpartyName;
      changed(
        'thirdpartyId',
        ref(row.thirdparty_id, row.thirdparty_name),
        ref(cu.thirdpartyId, cu.thirdpartyName),
      );
    }
    if (cu.contactId !== row.contact_id) {
      patch.contact_id = cu.contactId;
      changed('contactId', ref(row.contact_id, edit.contactNameBefore), ref(cu.contactId, cu.contactName));
    }
  }
  // Progress is a number only: it never moves the status (SPEC 2.2).
  if (edit.progress !== undefined && edit.progress !== row.progress) {
    patch.progress = edit.progress;
    changed('progress', row.progress, edit.progress);
  }
  if (edit.equipmentId !== undefined && edit.equipmentId !== row.equipment_id) {
    patch.equipment_id = edit.equipmentId;
    changed('equipmentId', row.equipment_id, edit.equipmentId);
  }
  if (edit.customFields !== undefined) {
    // The journal names only the keys that change, with their old and new values (null: none).
    const merged = mergeCustomFields(row.custom_fields, edit.customFields);
    if (merged) {
      patch.custom_fields = merged.json;
      changed('customFields', merged.oldValues, merged.newValues);
    }
  }
  return history.length > 0 ? { patch, history } : null;
}
