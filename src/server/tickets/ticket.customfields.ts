import type { Kysely } from 'kysely';
import {
  isEmptyValue,
  validateCustomFieldValues,
  type CustomFieldIssue,
  type CustomFieldValue,
} from '../../common/customFields.js';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * What tickets need of the custom field definitions (SPEC 2.5): this process's copy, by position, active
 * or not. Warm, it costs no query, which keeps ticket creation as fast as without custom fields.
 * `ex`: the caller's transaction, if any.
 */
export interface CustomFieldDefinitions {
  definitions(ex?: Kysely<Database>): Promise<readonly CustomField[]>;
}

export type StoredCustomFields = Record<string, CustomFieldValue>;

/** The values a ticket holds (tickets.custom_fields); anything unreadable counts as none. */
export function parseStoredCustomFields(json: string): StoredCustomFields {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as StoredCustomFields) : {};
  } catch {
    return {};
  }
}

const invalidCustomFields = (issues: CustomFieldIssue[]) =>
  new AppError(
    'invalid_custom_field',
    400,
    issues.length === 1 && issues[0] ? issues[0].message : `${issues.length} custom fields are not valid`,
    { details: { issues } },
  );

/**
 * The values of a creation form (`staff`: POST /tickets; `portal`: the public form), as the JSON text to
 * store; any issue (unknown key, field of the other form, inactive, missing required, bad value) is a 400
 * `invalid_custom_field` listing them all.
 */
export function creationCustomFields(
  defs: readonly CustomField[],
  input: Record<string, unknown> | undefined,
  form: 'staff' | 'portal',
): string {
  if (defs.length === 0 && (input === undefined || Object.keys(input).length === 0)) return '{}';
  const { values, issues } = validateCustomFieldValues(defs, input, form);
  if (issues.length > 0) throw invalidCustomFields(issues);
  return JSON.stringify(values);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes a PATCH asks for: given keys replace, an empty value (null, '', []) clears. A key sent back
 * with the value the ticket already holds is no change, so a form may send every value it shows (an
 * inactive field's, or an empty required one) without being refused. Others are validated as the `edit`
 * form (400 invalid_custom_field).
 */
export function editedCustomFields(
  defs: readonly CustomField[],
  input: Record<string, unknown>,
  stored: StoredCustomFields,
): Record<string, CustomFieldValue | null> {
  const asked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const held = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (held === undefined ? isEmptyValue(value) : same(held, value)) continue;
    asked[key] = value;
  }
  const { values, issues } = validateCustomFieldValues(defs, asked, 'edit');
  if (issues.length > 0) throw invalidCustomFields(issues);
  return values;
}

/**
 * `changes` applied to the stored values: the JSON to store, and for the journal the old and new values of
 * the keys that really change (null for none); null when nothing changes.
 */
export function mergeCustomFields(
  storedJson: string,
  changes: Record<string, CustomFieldValue | null>,
): { json: string; oldValues: Record<string, unknown>; newValues: Record<string, unknown> } | null {
  const next = parseStoredCustomFields(storedJson);
  const oldValues: Record<string, unknown> = {};
  const newValues: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    const held = Object.hasOwn(next, key) ? next[key] : undefined;
    if (same(held ?? null, value)) continue;
    oldValues[key] = held ?? null;
    newValues[key] = value;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (Object.keys(newValues).length === 0) return null;
  return { json: JSON.stringify(next), oldValues, newValues };
}
