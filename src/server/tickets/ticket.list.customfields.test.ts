import { describe, expect, it } from 'vitest';
import type { CustomFieldType, FieldRule } from '../../common/customFields.js';
import { readCustomFieldFilters } from './ticket.list.customfields.js';

const def = (key: string, type: CustomFieldType): FieldRule => ({
  key,
  type,
  required: false,
  options: [{ value: 'a' }, { value: 'b' }],
  group: 'BOTH',
  active: false,
});
const defs = [
  def('site', 'text'),
  def('qty', 'number'),
  def('due', 'date'),
  def('level', 'select'),
  def('tags', 'multiselect'),
  def('ok', 'checkbox'),
];
const read = (params: Record<string, string>) => readCustomFieldFilters(params, defs);

describe('cf.<key> list filters', () => {
  it('reads each kind of value, sorted by key whatever the order of the URL', () => {
    expect(read({ tags: 'b, a,b', site: ' Paris ', ok: 'false', level: 'a' })).toEqual([
      { key: 'level', op: 'in', values: ['a'] },
      { key: 'ok', op: 'checked', value: false },
      { key: 'site', op: 'contains', text: 'Paris' },
      { key: 'tags', op: 'any', values: ['b', 'a'] },
    ]);
  });

  it('a number or date is one value or a range with either bound left out', () => {
    expect(read({ qty: '-1,5' })).toEqual([
      { key: 'qty', op: 'range', kind: 'number', min: -1.5, max: -1.5 },
    ]);
    expect(read({ qty: '..10' })).toEqual([{ key: 'qty', op: 'range', kind: 'number', min: null, max: 10 }]);
    expect(read({ due: '2026-01-01..' })).toEqual([
      { key: 'due', op: 'range', kind: 'date', min: '2026-01-01', max: null },
    ]);
  });

  it('refuses unknown keys (unknown_custom_field) and values unfit for the type (validation_error)', () => {
    expect(() => read({ nope: 'x' })).toThrow(expect.objectContaining({ code: 'unknown_custom_field' }));
    for (const params of [
      { qty: '..' } as Record<string, string>,
      { qty: 'x..2' },
      { due: '2026-13-01' },
      { ok: '1' },
      { level: '' },
    ]) {
      expect(() => read(params)).toThrow(expect.objectContaining({ code: 'validation_error', status: 400 }));
    }
  });
});
