/**
 * The rules of custom-field values (SPEC 2.5), shared by the server (which enforces them) and the web forms
 * (which show the same messages before sending). Pure: no I/O, no zod.
 */

export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multiselect',
  'checkbox',
  'email',
  'url',
  'phone',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_GROUPS = ['IN', 'OUT', 'BOTH'] as const;
export type CustomFieldGroup = (typeof CUSTOM_FIELD_GROUPS)[number];

/** The types whose values are chosen among options. */
export const OPTION_TYPES = ['select', 'multiselect'] as const;

/** A stored value: text types, date (YYYY-MM-DD) and select are strings. */
export type CustomFieldValue = string | number | boolean | string[];
export type CustomFieldValues = Record<string, CustomFieldValue>;

/** What validation needs of a definition. */
export interface FieldRule {
  key: string;
  type: CustomFieldType;
  required: boolean;
  options: readonly { value: string }[];
  group: CustomFieldGroup;
  active: boolean;
}

/**
 * Which form the values come from:
 * - `staff`: the internal creation form and POST /tickets (IN and BOTH fields);
 * - `portal`: the public portal form (OUT and BOTH fields);
 * - `edit`: a change on an existing ticket (any active field; the values given replace, null clears).
 */
export type CustomFieldForm = 'staff' | 'portal' | 'edit';

export type CustomFieldIssueCode =
  'unknown' | 'not_in_form' | 'inactive' | 'required' | 'invalid' | 'not_an_option';

export interface CustomFieldIssue {
  key: string;
  code: CustomFieldIssueCode;
  message: string;
}

export const MAX_LENGTH: Record<CustomFieldType, number> = {
  text: 500,
  textarea: 10_000,
  number: 0,
  date: 0,
  select: 0,
  multiselect: 0,
  checkbox: 0,
  email: 254,
  url: 2000,
  phone: 40,
};

/** The fields a creation form offers, in their order (the caller passes them sorted by position). */
export function fieldsForForm<T extends FieldRule>(defs: readonly T[], form: 'staff' | 'portal'): T[] {
  const groups: CustomFieldGroup[] = form === 'staff' ? ['IN', 'BOTH'] : ['OUT', 'BOTH'];
  return defs.filter((d) => d.active && groups.includes(d.group));
}

/** Whether a field is shown to the customer (the portal's ticket view). */
export function isPublicField(def: Pick<FieldRule, 'group'>): boolean {
  return def.group === 'OUT' || def.group === 'BOTH';
}

/** null, undefined, '', whitespace, [] are "no value"; false is a value (an unticked box). */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().\-/]{3,40}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_TEXT = /^-?\d+([.,]\d+)?$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * One non-empty value, normalized (trimmed text, a number from numeric text, multiselect values de-duplicated
 * in the options' order); or the issue that refuses it.
 */
export function normalizeValue(
  def: FieldRule,
  value: unknown,
): { ok: true; value: CustomFieldValue } | { ok: false; code: 'invalid' | 'not_an_option'; message: string } {
  const invalid = (message: string) => ({ ok: false as const, code: 'invalid' as const, message });
  switch (def.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone': {
      if (typeof value !== 'string') return invalid('Expected text');
      const text = def.type === 'textarea' ? value.replace(/\r\n/g, '\n').trim() : value.trim();
      if (def.type !== 'textarea' && /[\r\n]/.test(text)) return invalid('Expected a single line');
      if (text.length > MAX_LENGTH[def.type]) return invalid(`At most ${MAX_LENGTH[def.type]} characters`);
      if (def.type === 'email' && !EMAIL.test(text)) return invalid('Expected an email address');
      if (def.type === 'phone' && !(PHONE.test(text) && /\d/.test(text)))
        return invalid('Expected a phone number');
      if (def.type === 'url') {
        let url: URL | undefined;
        try {
          url = new URL(text);
        } catch {
          url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
          return invalid('Expected an http or https address');
      }
      return { ok: true, value: def.type === 'email' ? text.toLowerCase() : text };
    }
    case 'number': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && NUMBER_TEXT.test(value.trim()))
        n = Number(value.trim().replace(',', '.'));
      if (n === undefined || !Number.isFinite(n) || Math.abs(n) > 1e15) return invalid('Expected a number');
      return { ok: true, value: n };
    }
    case 'date': {
      if (typeof value !== 'string' || !isCalendarDate(value.trim()))
        return invalid('Expected a date (YYYY-MM-DD)');
      return { ok: true, value: value.trim() };
    }
    case 'checkbox': {
      if (typeof value !== 'boolean') return invalid('Expected true or false');
      return { ok: true, value };
    }
    case 'select': {
      if (typeof value !== 'string') return invalid('Expected one of the options');
      const v = value.trim();
      if (!def.options.some((o) => o.value === v))
        return { ok: false, code: 'not_an_option', message: `"${v}" is not one of the options` };
      return { ok: true, value: v };
    }
    case 'multiselect': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return invalid('Expected a list of options');
      const chosen = new Set((value as string[]).map((v) => v.trim()));
      const unknown = [...chosen].find((v) => !def.options.some((o) => o.value === v));
      if (unknown !== undefined)
        return { ok: false, code: 'not_an_option', message: `"${unknown}" is not one of the options` };
      return { ok: true, value: def.options.map((o) => o.value).filter((v) => chosen.has(v)) };
    }
  }
}

/**
 * Checks the values a form sends against the definitions.
 * - Creation (`staff`, `portal`): only the form's fields are accepted; its required fields must have a value
 *   (a required checkbox must be ticked). `values` holds the non-empty values only.
 * - `edit`: any active field may be given; an empty value clears it (`null` in `values`), except for a
 *   required field. Fields not given are left alone by the caller.
 * Unknown keys are refused in every form, so a typo never silently drops data.
 */
export function validateCustomFieldValues(
  defs: readonly FieldRule[],
  input: Record<string, unknown> | undefined,
  form: CustomFieldForm,
): { values: Record<string, CustomFieldValue | null>; issues: CustomFieldIssue[] } {
  const given = input ?? {};
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const offered = form === 'edit' ? defs.filter((d) => d.active) : fieldsForForm(defs, form);
  const offeredKeys = new Set(offered.map((d) => d.key));
  const values: Record<string, CustomFieldValue | null> = {};
  const issues: CustomFieldIssue[] = [];

  for (const [key, raw] of Object.entries(given)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ key, code: 'unknown', message: `Unknown custom field "${key}"` });
      continue;
    }
    if (!def.active) {
      issues.push({ key, code: 'inactive', message: `The field "${key}" is no longer in use` });
      continue;
    }
    if (!offeredKeys.has(key)) {
      issues.push({ key, code: 'not_in_form', message: `The field "${key}" is not part of this form` });
      continue;
    }
    if (isEmptyValue(raw)) {
      if (form === 'edit') {
        if (def.required) issues.push({ key, code: 'required', message: `"${key}" is required` });
        else values[key] = null;
      }
      continue;
    }
    const result = normalizeValue(def, raw);
    if (result.ok) values[key] = result.value;
    else issues.push({ key, code: result.code, message: result.message });
  }

  if (form !== 'edit') {
    for (const def of offered) {
      if (!def.required || issues.some((i) => i.key === def.key)) continue;
      const v = values[def.key];
      if (v === undefined || v === null || v === false)
        issues.push({ key: def.key, code: 'required', message: `"${def.key}" is required` });
    }
  }
  return { values, issues };
}

/** A value as one line of text (CSV export, list cells); option values shown by their label. */
export function formatValue(
  def: { type: CustomFieldType; options: readonly { value: string; label: Record<string, string> }[] },
  value: CustomFieldValue | undefined,
  language: string,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined) return '';
  const label = (v: string) => def.options.find((o) => o.value === v)?.label[language] ?? v;
  if (def.type === 'checkbox') return value === true ? yesNo.yes : yesNo.no;
  if (def.type === 'select' && typeof value === 'string') return label(value);
  if (def.type === 'multiselect' && Array.isArray(value)) return value.map(label).join(', ');
  return String(value);
}
