import { useTranslation } from 'react-i18next';
import {
  formatValue,
  isEmptyValue,
  MAX_LENGTH,
  type CustomFieldIssue,
  type CustomFieldType,
  type CustomFieldValue,
} from '../../../../common/customFields.js';
import type { CustomField } from '../../../api/customFields.api.js';
import { ApiError } from '../../../api/client.js';
import { currentLanguage } from '../../../i18n/i18n.js';

/**
 * What an input holds while someone types: text types and dates as strings, a number as Mantine's
 * NumberInput gives it (a number, or text while incomplete), choices as a string or a list, a box as a flag.
 */
export type Draft = CustomFieldValue | null;
export type Drafts = Record<string, Draft>;

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.join('\n') === b.join('\n') : String(a) === String(b);

/**
 * The values a creation form sends: what was filled in, no empty inputs and no unticked boxes (a box
 * nobody ticked is no answer, and the filter treats "no value" as unticked anyway).
 */
export function creationValues(fields: readonly CustomField[], drafts: Drafts): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const f of fields) {
    const value = drafts[f.key];
    if (isEmptyValue(value) || (f.type === 'checkbox' && value !== true)) continue;
    out[f.key] = value ?? null;
  }
  return out;
}

/** An edit of a ticket's values: only the fields that changed; an emptied field is sent as null (cleared). */
export function editedValues(
  fields: readonly CustomField[],
  drafts: Drafts,
  current: Record<string, unknown>,
): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const f of fields) {
    let before = current[f.key];
    let after = drafts[f.key];
    if (f.type === 'checkbox') {
      // An unticked box that had no value stays without one.
      before = before === true;
      after = after === true;
    }
    if (isEmptyValue(before) && isEmptyValue(after)) continue;
    if (!isEmptyValue(before) && !isEmptyValue(after) && sameValue(before, after)) continue;
    out[f.key] = isEmptyValue(after) ? null : (after ?? null);
  }
  return out;
}

/** The issues of a 400 `invalid_custom_field`, or null for any other error. */
export function serverIssues(err: unknown): CustomFieldIssue[] | null {
  if (!(err instanceof ApiError) || err.code !== 'invalid_custom_field') return null;
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is CustomFieldIssue =>
      typeof (i as CustomFieldIssue | null)?.key === 'string' &&
      typeof (i as CustomFieldIssue).code === 'string',
  );
}

/** An issue in the interface language; `value` is what was typed (to tell "too long" from "malformed"). */
export function useIssueText() {
  const { t } = useTranslation();
  return (type: CustomFieldType | undefined, issue: CustomFieldIssue, value: unknown): string => {
    switch (issue.code) {
      case 'required':
        return type === 'checkbox' ? t('customFields.issues.mustTick') : t('validation.required');
      case 'not_an_option':
        return t('customFields.issues.notAnOption');
      case 'unknown':
      case 'inactive':
      case 'not_in_form':
        return t('customFields.issues.unavailable');
      case 'invalid':
        break;
    }
    const text = typeof value === 'string' ? value.trim() : null;
    switch (type) {
      case 'number':
        return t('customFields.issues.number');
      case 'date':
        return t('customFields.issues.date');
      case 'select':
      case 'multiselect':
        return t('customFields.issues.notAnOption');
      case 'text':
      case 'textarea':
      case 'email':
      case 'url':
      case 'phone':
        if (text !== null && text.length > MAX_LENGTH[type])
          return t('customFields.issues.tooLong', { max: MAX_LENGTH[type] });
        if (type === 'text') return t('customFields.issues.singleLine');
        if (type === 'textarea') return issue.message;
        return t(`customFields.issues.${type}`);
      case 'checkbox':
      case undefined:
        return issue.message;
    }
  };
}

/** A stored value as people read it: options by their label, yes/no, dates and numbers the language's way. */
export function useValueText() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  return (field: Pick<CustomField, 'type' | 'options'> | undefined, value: unknown): string => {
    if (field === undefined) return Array.isArray(value) ? value.join(', ') : String(value);
    if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      // A calendar day, not an instant: formatted in UTC so that no time zone moves it.
      const day = new Date(`${value}T00:00:00Z`);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
    }
    if (field.type === 'number' && typeof value === 'number')
      return new Intl.NumberFormat(locale).format(value);
    return formatValue(field, value as CustomFieldValue, language, {
      yes: t('customFields.yes'),
      no: t('customFields.no'),
    });
  };
}

/** A field's label in the interface language. */
export function useFieldLabel() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (field: Pick<CustomField, 'label'>) => field.label[language];
}
