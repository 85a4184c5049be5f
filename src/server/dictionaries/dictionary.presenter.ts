import type { DictionaryEntry } from '../../common/schemas/dictionary.schema.js';
import type { DictionaryEntryRow } from '../db/schema.js';

/** A dictionary row for the wire; `inUse` comes from the caller (one query per kind, not per row). */
export function presentDictionaryEntry(row: DictionaryEntryRow, inUse: boolean): DictionaryEntry {
  return {
    code: row.code,
    label: { fr: row.label_fr, en: row.label_en },
    position: row.position,
    active: row.active,
    isDefault: row.is_default,
    public: row.is_public,
    parentCode: row.parent_code,
    color: row.color,
    inUse,
    updatedAt: row.updated_at,
  };
}
