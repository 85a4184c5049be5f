import {
  OPTION_TYPES,
  type CustomFieldGroup,
  type CustomFieldType,
} from '../../../../common/customFields.js';
import type { CustomFieldOption } from '../../../../common/schemas/custom-field.schema.js';
import type { CustomField, NewCustomField, UpdateCustomFieldInput } from '../../../api/customFields.api.js';

/** One choice as the options editor holds it; `saved` options keep their value (tickets store it). */
export interface OptionDraft {
  value: string;
  labelFr: string;
  labelEn: string;
  saved: boolean;
}

/** The form's state: plain strings and flags, as the inputs hold them. */
export interface FieldFormValues {
  key: string;
  type: CustomFieldType;
  labelFr: string;
  labelEn: string;
  group: CustomFieldGroup;
  required: boolean;
  active: boolean;
  options: OptionDraft[];
}

/** The rules of custom-field.schema.ts, so the form says what is wrong before sending. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const LABEL_MAX = 100;
const OPTION_VALUE = /^[^,]{1,64}$/;

export const hasOptions = (type: CustomFieldType) => (OPTION_TYPES as readonly string[]).includes(type);

export function initialValues(field: CustomField | null): FieldFormValues {
  return {
    key: field?.key ?? '',
    type: field?.type ?? 'text',
    labelFr: field?.label.fr ?? '',
    labelEn: field?.label.en ?? '',
    group: field?.group ?? 'IN',
    required: field?.required ?? false,
    active: field?.active ?? true,
    options: (field?.options ?? []).map((o) => ({
      value: o.value,
      labelFr: o.label.fr,
      labelEn: o.label.en,
      saved: true,
    })),
  };
}

export const emptyOption = (): OptionDraft => ({ value: '', labelFr: '', labelEn: '', saved: false });

type Problem = 'required' | 'invalid' | 'tooLong' | 'duplicate';
export interface FieldFormErrors {
  key?: Problem;
  labelFr?: Problem;
  labelEn?: Problem;
  /** No option at all for a select. */
  options?: 'required';
  /** By row index. */
  optionRows?: Record<number, { value?: Problem; labelFr?: Problem; labelEn?: Problem }>;
}

function labelProblem(text: string): Problem | undefined {
  const v = text.trim();
  if (v === '') return 'required';
  return v.length > LABEL_MAX ? 'tooLong' : undefined;
}

export function validateField(v: FieldFormValues, creating: boolean): FieldFormErrors {
  const errors: FieldFormErrors = {};
  if (creating) {
    if (v.key.trim() === '') errors.key = 'required';
    else if (!KEY_PATTERN.test(v.key.trim())) errors.key = 'invalid';
  }
  const fr = labelProblem(v.labelFr);
  if (fr) errors.labelFr = fr;
  const en = labelProblem(v.labelEn);
  if (en) errors.labelEn = en;
  if (hasOptions(v.type)) {
    if (v.options.length === 0) errors.options = 'required';
    const seen = new Set<string>();
    v.options.forEach((o, i) => {
      const row: NonNullable<FieldFormErrors['optionRows']>[number] = {};
      const value = o.value.trim();
      if (value === '') row.value = 'required';
      else if (!OPTION_VALUE.test(value)) row.value = 'invalid';
      else if (seen.has(value)) row.value = 'duplicate';
      seen.add(value);
      const lfr = labelProblem(o.labelFr);
      if (lfr) row.labelFr = lfr;
      const len = labelProblem(o.labelEn);
      if (len) row.labelEn = len;
      if (Object.keys(row).length > 0) errors.optionRows = { ...errors.optionRows, [i]: row };
    });
  }
  return errors;
}

export const hasErrors = (errors: FieldFormErrors) => Object.keys(errors).length > 0;

function optionsOf(v: FieldFormValues): CustomFieldOption[] {
  if (!hasOptions(v.type)) return [];
  return v.options.map((o) => ({
    value: o.value.trim(),
    label: { fr: o.labelFr.trim(), en: o.labelEn.trim() },
  }));
}

export function toCreateInput(v: FieldFormValues): NewCustomField {
  return {
    key: v.key.trim(),
    type: v.type,
    label: { fr: v.labelFr.trim(), en: v.labelEn.trim() },
    group: v.group,
    required: v.required,
    active: v.active,
    ...(hasOptions(v.type) ? { options: optionsOf(v) } : {}),
  };
}

/** Only what changed, so an edit never resends (and re-audits) what it did not touch. */
export function toUpdateInput(v: FieldFormValues, field: CustomField): UpdateCustomFieldInput {
  const patch: UpdateCustomFieldInput = {};
  const label = { fr: v.labelFr.trim(), en: v.labelEn.trim() };
  if (label.fr !== field.label.fr || label.en !== field.label.en) patch.label = label;
  if (v.group !== field.group) patch.group = v.group;
  if (v.required !== field.required) patch.required = v.required;
  if (v.active !== field.active) patch.active = v.active;
  if (hasOptions(v.type)) {
    const options = optionsOf(v);
    const same =
      options.length === field.options.length &&
      options.every((o, i) => {
        const was = field.options[i];
        return was?.value === o.value && was.label.fr === o.label.fr && was.label.en === o.label.en;
      });
    if (!same) patch.options = options;
  }
  return patch;
}

/** `ids` with the item at `from` moved to index `to` (drag and drop, or one step with the arrows). */
export function moveId(ids: readonly number[], from: number, to: number): number[] {
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  if (moved === undefined || to < 0 || to > next.length) return [...ids];
  next.splice(to, 0, moved);
  return next;
}
