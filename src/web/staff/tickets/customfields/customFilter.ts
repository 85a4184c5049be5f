import type { CustomField } from '../../../api/customFields.api.js';

/**
 * What the value inputs of the custom-field filter hold, and the URL value they make (`cf.<key>=…`):
 * text types "contains", choices a comma list (any of), a box `true`/`false`, numbers and dates a range
 * `min..max` (either side may be empty) or one value.
 */
export interface FilterDraft {
  text: string;
  choices: string[];
  flag: 'true' | 'false' | null;
  min: number | string;
  max: number | string;
  from: string | null;
  to: string | null;
}

export const emptyFilterDraft = (): FilterDraft => ({
  text: '',
  choices: [],
  flag: null,
  min: '',
  max: '',
  from: null,
  to: null,
});

const numberText = (v: number | string) =>
  typeof v === 'number' ? String(v) : /^-?\d+([.,]\d+)?$/.test(v.trim()) ? v.trim().replace(',', '.') : '';

function range(low: string, high: string): string | null {
  if (!low && !high) return null;
  if (low === high) return low;
  return `${low}..${high}`;
}

/** The URL value of a draft, or null while it says nothing yet. */
export function encodeFilter(field: Pick<CustomField, 'type'>, draft: FilterDraft): string | null {
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return draft.choices.length > 0 ? draft.choices.join(',') : null;
    case 'checkbox':
      return draft.flag;
    case 'number':
      return range(numberText(draft.min), numberText(draft.max));
    case 'date':
      return range(draft.from ?? '', draft.to ?? '');
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone': {
      const text = draft.text.trim();
      return text === '' ? null : text;
    }
  }
}

/** A URL value read back: its parts, for the chip that shows it. */
export type DecodedFilter =
  | { kind: 'list'; values: string[] }
  | { kind: 'range'; low: string; high: string }
  | { kind: 'text'; value: string };

export function decodeFilter(field: Pick<CustomField, 'type'> | undefined, value: string): DecodedFilter {
  switch (field?.type) {
    case 'select':
    case 'multiselect':
      return { kind: 'list', values: value.split(',').filter(Boolean) };
    case 'number':
    case 'date': {
      if (!value.includes('..')) return { kind: 'range', low: value, high: value };
      const [low = '', high = ''] = value.split('..');
      return { kind: 'range', low, high };
    }
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone':
    case 'checkbox':
    case undefined:
      return { kind: 'text', value };
  }
}
