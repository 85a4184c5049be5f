import type { UpdateDictionaryEntryInput } from '../../../../common/schemas/dictionary.schema.js';
import type { DictionaryKind } from '../../../../common/tickets.js';
import type { DictionaryEntry, NewDictionaryEntry } from '../../../api/dictionaries.api.js';

/** The form's state: plain strings and flags, as the inputs hold them. */
export interface EntryFormValues {
  code: string;
  labelFr: string;
  labelEn: string;
  position: number | '';
  active: boolean;
  isDefault: boolean;
  public: boolean;
  parentCode: string | null;
  color: string;
}

export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export function initialValues(entry: DictionaryEntry | null): EntryFormValues {
  return {
    code: entry?.code ?? '',
    labelFr: entry?.label.fr ?? '',
    labelEn: entry?.label.en ?? '',
    position: entry?.position ?? '',
    active: entry?.active ?? true,
    isDefault: entry?.isDefault ?? false,
    public: entry?.public ?? false,
    parentCode: entry?.parentCode ?? null,
    color: entry?.color ?? '',
  };
}

export type EntryFormErrors = Partial<
  Record<'code' | 'labelFr' | 'labelEn' | 'color', 'required' | 'invalid'>
>;

/** The checks the server makes too, so the form can say what is wrong before sending. */
export function validateEntry(v: EntryFormValues, kind: DictionaryKind, creating: boolean): EntryFormErrors {
  const errors: EntryFormErrors = {};
  if (creating) {
    if (v.code.trim() === '') errors.code = 'required';
    else if (!CODE_PATTERN.test(v.code.trim())) errors.code = 'invalid';
  }
  if (v.labelFr.trim() === '') errors.labelFr = 'required';
  if (v.labelEn.trim() === '') errors.labelEn = 'required';
  if (kind === 'ticket-severities' && v.color !== '' && !COLOR_PATTERN.test(v.color))
    errors.color = 'invalid';
  return errors;
}

/** The body of POST: kind-specific fields only on their kind. */
export function toCreateInput(v: EntryFormValues, kind: DictionaryKind): NewDictionaryEntry {
  return {
    code: v.code.trim(),
    label: { fr: v.labelFr.trim(), en: v.labelEn.trim() },
    ...(v.position === '' ? {} : { position: v.position }),
    active: v.active,
    isDefault: v.isDefault,
    ...(kind === 'ticket-categories' ? { public: v.public, parentCode: v.parentCode } : {}),
    ...(kind === 'ticket-severities' ? { color: v.color === '' ? null : v.color } : {}),
  };
}

/** The body of PATCH: only what changed, so an untouched default is never sent as `isDefault`. */
export function toUpdateInput(v: EntryFormValues, entry: DictionaryEntry, kind: DictionaryKind) {
  const patch: UpdateDictionaryEntryInput = {};
  const label = { fr: v.labelFr.trim(), en: v.labelEn.trim() };
  if (label.fr !== entry.label.fr || label.en !== entry.label.en) patch.label = label;
  if (v.position !== '' && v.position !== entry.position) patch.position = v.position;
  if (v.active !== entry.active) patch.active = v.active;
  if (v.isDefault !== entry.isDefault) patch.isDefault = v.isDefault;
  if (kind === 'ticket-categories') {
    if (v.public !== entry.public) patch.public = v.public;
    if (v.parentCode !== entry.parentCode) patch.parentCode = v.parentCode;
  }
  if (kind === 'ticket-severities') {
    const color = v.color === '' ? null : v.color;
    if (color !== entry.color) patch.color = color;
  }
  return patch;
}
