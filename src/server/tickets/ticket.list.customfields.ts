import { normalizeValue, type FieldRule } from '../../common/customFields.js';
import { AppError } from '../http/errors.js';

/**
 * One `cf.<key>=value` filter of the ticket list, read against the field's type (SPEC 2.7):
 * - `contains`: text, textarea, email, url, phone hold the text, ignoring case;
 * - `in`: a select holds one of the values (a comma list);
 * - `any`: a multiselect holds at least one of the values;
 * - `checked`: a checkbox is ticked (`true`) or not (`false`, which also matches no value);
 * - `range`: a number or date equals the value, or lies within `min..max` (bounds included, either empty).
 */
export type CustomFieldFilter =
  | { key: string; op: 'contains'; text: string }
  | { key: string; op: 'in' | 'any'; values: string[] }
  | { key: string; op: 'checked'; value: boolean }
  | { key: string; op: 'range'; kind: 'number'; min: number | null; max: number | null }
  | { key: string; op: 'range'; kind: 'date'; min: string | null; max: string | null };

const MAX_VALUES = 50;

const invalid = (key: string, message: string) => {
  const path = `querystring.cf.${key}`;
  return new AppError('validation_error', 400, `Invalid input: ${path}: ${message}`, {
    details: { issues: [{ path, message }] },
  });
};

const unknownField = (key: string) =>
  new AppError('unknown_custom_field', 400, `Unknown custom field "${key}"`, { details: { keys: [key] } });

function list(key: string, raw: string): string[] {
  const values = [
    ...new Set(
      raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (values.length === 0) throw invalid(key, 'Give at least one value');
  if (values.length > MAX_VALUES) throw invalid(key, `At most ${MAX_VALUES} values`);
  return values;
}

/** A number or date, as its field would store it; `what` names it in the message. */
function bound<T extends number | string>(def: FieldRule, raw: string, what: string): T | null {
  if (raw.trim() === '') return null;
  const r = normalizeValue(def, def.type === 'number' ? raw : raw.trim());
  if (!r.ok) throw invalid(def.key, `${what}: ${r.message}`);
  return r.value as T;
}

function range(def: FieldRule, raw: string): CustomFieldFilter {
  const parts = raw.split('..');
  if (parts.length > 2) throw invalid(def.key, 'Expected a value or a range min..max');
  const [lo = '', hi] = parts;
  const single = hi === undefined;
  if (single && lo.trim() === '') throw invalid(def.key, 'Give a value');
  if (!single && lo.trim() === '' && hi.trim() === '') throw invalid(def.key, 'Give at least one bound');
  if (def.type === 'number') {
    const min = bound<number>(def, lo, single ? 'value' : 'min');
    const max = single ? min : bound<number>(def, hi, 'max');
    return { key: def.key, op: 'range', kind: 'number', min, max };
  }
  const min = bound<string>(def, lo, single ? 'value' : 'min');
  const max = single ? min : bound<string>(def, hi, 'max');
  return { key: def.key, op: 'range', kind: 'date', min, max };
}

function readOne(def: FieldRule, raw: string): CustomFieldFilter {
  const key = def.key;
  switch (def.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone': {
      const text = raw.trim();
      if (text === '') throw invalid(key, 'Give the text to look for');
      return { key, op: 'contains', text };
    }
    case 'select':
      return { key, op: 'in', values: list(key, raw) };
    case 'multiselect':
      return { key, op: 'any', values: list(key, raw) };
    case 'checkbox':
      if (raw !== 'true' && raw !== 'false') throw invalid(key, 'Expected true or false');
      return { key, op: 'checked', value: raw === 'true' };
    case 'number':
    case 'date':
      return range(def, raw);
  }
}

/**
 * The `cf.<key>` parameters of a list query, sorted by key (the cursor's fingerprint then ignores their
 * order in the URL). Inactive fields can be filtered too: their values stay on the tickets. An unknown key
 * is a 400 `unknown_custom_field`; a value that does not suit the field's type, a 400 `validation_error`.
 */
export function readCustomFieldFilters(
  params: Record<string, string>,
  defs: readonly FieldRule[],
): CustomFieldFilter[] {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return Object.keys(params)
    .sort()
    .map((key) => {
      const def = byKey.get(key);
      if (!def) throw unknownField(key);
      return readOne(def, params[key] ?? '');
    });
}
