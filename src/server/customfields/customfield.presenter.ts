import type { CustomFieldGroup, CustomFieldType } from '../../common/customFields.js';
import type { CustomField, CustomFieldOption } from '../../common/schemas/custom-field.schema.js';
import type { CustomFieldRow } from '../db/schema.js';

function parseOptions(json: string): CustomFieldOption[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as CustomFieldOption[]) : [];
  } catch {
    return [];
  }
}

/** A definition for the wire (and for the cache: the ticket, portal and list code read this shape). */
export function presentCustomField(row: CustomFieldRow): CustomField {
  return {
    id: row.id,
    key: row.key,
    label: { fr: row.label_fr, en: row.label_en },
    type: row.type as CustomFieldType,
    required: row.required,
    options: parseOptions(row.options),
    position: row.position,
    active: row.active,
    group: row.field_group as CustomFieldGroup,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
