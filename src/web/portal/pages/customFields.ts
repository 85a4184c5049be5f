import {
  formatValue,
  isEmptyValue,
  MAX_LENGTH,
  validateCustomFieldValues,
  type CustomFieldIssue,
} from '../../../common/customFields.js';
import type { Language } from '../../../common/languages.js';
import type {
  PortalCustomField,
  PortalCustomFieldValue,
} from '../../../common/schemas/custom-field.schema.js';
import type { Problem } from '../components/FilePicker.js';

/** What the custom-field inputs of the portal form hold: text as typed, lists of choices, ticked boxes. */
export type CustomValue = string | string[] | boolean;
export type CustomValues = Record<string, CustomValue>;

/** The id of a field's control, for labels and for the focus (`cf-<key>`). */
export const customFieldId = (key: string) => `cf-${key}`;

/** The values the form sends: what was filled in (an unticked box is no answer), as the server stores them. */
export function checkCustomFields(
  fields: readonly PortalCustomField[],
  values: CustomValues,
): { values: Record<string, unknown>; issues: CustomFieldIssue[] } {
  const given: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (isEmptyValue(v) || (f.type === 'checkbox' && v !== true)) continue;
    given[f.key] = v;
  }
  // The config lists only the form's fields, all active: the shared rules need the rest of a definition.
  const rules = fields.map((f) => ({ ...f, group: 'OUT' as const, active: true }));
  return validateCustomFieldValues(rules, given, 'portal');
}

/** An issue as a message key of the portal catalog; `value` tells "too long" from "malformed". */
export function customFieldProblem(
  field: Pick<PortalCustomField, 'type'> | undefined,
  issue: CustomFieldIssue,
  value: unknown,
): Problem {
  switch (issue.code) {
    case 'required':
      return { key: field?.type === 'checkbox' ? 'customFields.mustTick' : 'customFields.required' };
    case 'not_an_option':
      return { key: 'customFields.notAnOption' };
    case 'unknown':
    case 'inactive':
    case 'not_in_form':
      return { key: 'customFields.unavailable' };
    case 'invalid':
      break;
  }
  const type = field?.type;
  switch (type) {
    case 'number':
    case 'date':
    case 'email':
    case 'url':
    case 'phone':
      if (typeof value === 'string' && value.trim().length > MAX_LENGTH[type] && MAX_LENGTH[type] > 0)
        return { key: 'customFields.tooLong', vars: { max: MAX_LENGTH[type] } };
      return { key: `customFields.${type}` };
    case 'text':
    case 'textarea':
      if (typeof value === 'string' && value.trim().length > MAX_LENGTH[type])
        return { key: 'customFields.tooLong', vars: { max: MAX_LENGTH[type] } };
      return { key: 'customFields.singleLine' };
    case 'select':
    case 'multiselect':
    case 'checkbox':
    case undefined:
      return { key: 'customFields.notAnOption' };
  }
}

/** A value the customer sees on their ticket: options by label, yes/no, dates and numbers their way. */
export function customValueText(
  field: Pick<PortalCustomFieldValue, 'type' | 'options' | 'value'>,
  language: Language,
  yesNo: { yes: string; no: string },
): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const { type, value } = field;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar day, not an instant: read in UTC so that no time zone moves it.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  if (type === 'number' && typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  return formatValue(field, value, language, yesNo);
}
