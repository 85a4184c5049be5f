import type { Generated, Selectable } from 'kysely';

/** Custom field definitions (migration 2026-11-28j); the values live in tickets.custom_fields. */
export interface CustomFieldsTable {
  id: Generated<number>;
  /** Unique forever (a field is deactivated, never deleted). */
  key: string;
  label_fr: string;
  label_en: string;
  /** One of CUSTOM_FIELD_TYPES (src/common/customFields.ts); never changes. */
  type: string;
  required: boolean;
  /** JSON text: `[{ value, label: { fr, en } }]` for select and multiselect, `[]` otherwise. */
  options: string;
  position: number;
  active: boolean;
  /** `IN`, `OUT` or `BOTH`. */
  field_group: string;
  created_at: string;
  updated_at: string;
}

export type CustomFieldRow = Selectable<CustomFieldsTable>;
