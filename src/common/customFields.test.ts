import { describe, expect, it } from 'vitest';
import {
  fieldsForForm,
  formatValue,
  isEmptyValue,
  isPublicField,
  normalizeValue,
  validateCustomFieldValues,
  type CustomFieldType,
  type FieldRule,
} from './customFields.js';

const options = [
  { value: 'gold', label: { fr: 'Or', en: 'Gold' } },
  { value: 'silver', label: { fr: 'Argent', en: 'Silver' } },
];
const rule = (type: CustomFieldType, over: Partial<FieldRule> = {}): FieldRule => ({
  key: type,
  type,
  required: false,
  options: type === 'select' || type === 'multiselect' ? options : [],
  group: 'BOTH',
  active: true,
  ...over,
});

describe('normalizeValue', () => {
  const good: [CustomFieldType, unknown, unknown][] = [
    ['text', '  Hello  ', 'Hello'],
    ['textarea', 'a\r\nb ', 'a\nb'],
    ['number', 12.5, 12.5],
    ['number', ' -3,25 ', -3.25],
    ['date', '2026-02-28', '2026-02-28'],
    ['select', 'gold', 'gold'],
    ['multiselect', ['silver', 'gold', 'gold'], ['gold', 'silver']],
    ['checkbox', false, false],
    ['email', ' Claire@Client.Example ', 'claire@client.example'],
    ['url', 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['phone', '+33 (0)1 23-45.67', '+33 (0)1 23-45.67'],
  ];
  it.each(good)('accepts a good %s value and normalizes it', (type, value, expected) => {
    expect(normalizeValue(rule(type), value)).toEqual({ ok: true, value: expected });
  });

  const bad: [CustomFieldType, unknown, string][] = [
    ['text', 42, 'invalid'],
    ['text', 'two\nlines', 'invalid'],
    ['text', 'x'.repeat(501), 'invalid'],
    ['textarea', 'x'.repeat(10_001), 'invalid'],
    ['number', 'twelve', 'invalid'],
    ['number', Number.POSITIVE_INFINITY, 'invalid'],
    ['number', 1e16, 'invalid'],
    ['date', '2026-02-30', 'invalid'],
    ['date', '28/02/2026', 'invalid'],
    ['select', 'bronze', 'not_an_option'],
    ['select', ['gold'], 'invalid'],
    ['multiselect', 'gold', 'invalid'],
    ['multiselect', ['gold', 'bronze'], 'not_an_option'],
    ['checkbox', 'true', 'invalid'],
    ['email', 'claire@', 'invalid'],
    ['url', 'javascript:alert(1)', 'invalid'],
    ['url', 'example.com', 'invalid'],
    ['phone', 'call me', 'invalid'],
    ['phone', '---', 'invalid'],
  ];
  it.each(bad)('refuses a bad %s value (%j)', (type, value, code) => {
    expect(normalizeValue(rule(type), value)).toMatchObject({ ok: false, code });
  });
});

describe('isEmptyValue', () => {
  it('counts null, blank text and empty lists as no value, but not false or 0', () => {
    expect([null, undefined, '', '  ', []].every(isEmptyValue)).toBe(true);
    expect([false, 0, 'x', ['a']].some(isEmptyValue)).toBe(false);
  });
});

describe('forms', () => {
  const defs = [
    rule('text', { key: 'inside', group: 'IN', required: true }),
    rule('text', { key: 'outside', group: 'OUT', required: true }),
    rule('text', { key: 'shared', group: 'BOTH' }),
    rule('text', { key: 'old', group: 'BOTH', active: false }),
  ];

  it('the staff form offers IN and BOTH fields, the portal form OUT and BOTH, active ones only', () => {
    expect(fieldsForForm(defs, 'staff').map((d) => d.key)).toEqual(['inside', 'shared']);
    expect(fieldsForForm(defs, 'portal').map((d) => d.key)).toEqual(['outside', 'shared']);
    expect(defs.filter(isPublicField).map((d) => d.key)).toEqual(['outside', 'shared', 'old']);
  });

  it('a required IN field blocks the staff form; a required OUT field does not', () => {
    expect(validateCustomFieldValues(defs, {}, 'staff').issues).toEqual([
      { key: 'inside', code: 'required', message: '"inside" is required' },
    ]);
    expect(validateCustomFieldValues(defs, { inside: 'x' }, 'staff')).toEqual({
      values: { inside: 'x' },
      issues: [],
    });
  });

  it('each form refuses the other form’s fields, inactive fields and unknown keys', () => {
    const { issues } = validateCustomFieldValues(
      defs,
      { outside: 'a', inside: 'b', old: 'c', nope: 'd' },
      'portal',
    );
    expect(issues.map((i) => [i.key, i.code])).toEqual([
      ['inside', 'not_in_form'],
      ['old', 'inactive'],
      ['nope', 'unknown'],
    ]);
  });

  it('a required checkbox must be ticked on creation', () => {
    const box = [rule('checkbox', { key: 'agree', group: 'OUT', required: true })];
    expect(validateCustomFieldValues(box, { agree: false }, 'portal').issues[0]?.code).toBe('required');
    expect(validateCustomFieldValues(box, { agree: true }, 'portal').issues).toEqual([]);
  });

  it('an edit takes any active field, clears with an empty value, but never clears a required one', () => {
    expect(validateCustomFieldValues(defs, { outside: 'x', shared: '' }, 'edit')).toEqual({
      values: { outside: 'x', shared: null },
      issues: [],
    });
    expect(validateCustomFieldValues(defs, { inside: null }, 'edit').issues[0]?.code).toBe('required');
    expect(validateCustomFieldValues(defs, { old: 'x' }, 'edit').issues[0]?.code).toBe('inactive');
  });
});

describe('formatValue', () => {
  const yesNo = { yes: 'Oui', no: 'Non' };
  const def = (type: CustomFieldType) => ({ type, options });
  it('shows options by their label, boxes as yes/no, the rest as text', () => {
    expect(formatValue(def('select'), 'gold', 'fr', yesNo)).toBe('Or');
    expect(formatValue(def('multiselect'), ['gold', 'silver'], 'en', yesNo)).toBe('Gold, Silver');
    expect(formatValue(def('select'), 'removed', 'en', yesNo)).toBe('removed');
    expect(formatValue(def('checkbox'), true, 'fr', yesNo)).toBe('Oui');
    expect(formatValue(def('checkbox'), false, 'fr', yesNo)).toBe('Non');
    expect(formatValue(def('number'), 2.5, 'fr', yesNo)).toBe('2.5');
    expect(formatValue(def('checkbox'), undefined, 'fr', yesNo)).toBe('');
  });
});
