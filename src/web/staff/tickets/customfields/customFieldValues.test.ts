import { describe, expect, it } from 'vitest';
import { creationValues, editedValues } from './customFieldValues.js';
import { decodeFilter, emptyFilterDraft, encodeFilter } from './customFilter.js';
import { FIELDS } from './testing.js';

describe('custom-field values of the staff forms', () => {
  it('creation sends what was filled in: no empty input, no unticked box', () => {
    expect(
      creationValues(FIELDS, { serial: 'SN-1', site: null, units: '', warranty: false, visit: '2026-11-28' }),
    ).toEqual({ serial: 'SN-1', visit: '2026-11-28' });
    expect(creationValues(FIELDS, { warranty: true })).toEqual({ warranty: true });
  });

  it('an edit sends the changed fields only, an emptied one as null, an unticked box as false', () => {
    const current = { serial: 'SN-1', units: 5, warranty: true, site: 'paris' };
    expect(
      editedValues(FIELDS, { serial: 'SN-1', units: 5, warranty: false, site: null, visit: null }, current),
    ).toEqual({ warranty: false, site: null });
    // A box nobody ticked stays without a value; numbers typed as text compare by value.
    expect(editedValues(FIELDS, { warranty: false, units: '5' }, { units: 5 })).toEqual({});
  });
});

describe('custom-field filter values', () => {
  it('encodes each type the way the list API reads cf.<key>', () => {
    const draft = {
      ...emptyFilterDraft(),
      choices: ['lyon', 'paris'],
      text: ' acme ',
      flag: 'false' as const,
    };
    expect(encodeFilter({ type: 'multiselect' }, draft)).toBe('lyon,paris');
    expect(encodeFilter({ type: 'text' }, draft)).toBe('acme');
    expect(encodeFilter({ type: 'checkbox' }, draft)).toBe('false');
    expect(encodeFilter({ type: 'number' }, { ...draft, min: 5, max: '' })).toBe('5..');
    expect(encodeFilter({ type: 'number' }, { ...draft, min: '', max: '7,5' })).toBe('..7.5');
    expect(encodeFilter({ type: 'number' }, { ...draft, min: 3, max: 3 })).toBe('3');
    expect(encodeFilter({ type: 'date' }, { ...draft, from: '2026-11-01', to: '2026-11-30' })).toBe(
      '2026-11-01..2026-11-30',
    );
    expect(encodeFilter({ type: 'date' }, emptyFilterDraft())).toBeNull();
  });

  it('reads a URL value back for its chip', () => {
    expect(decodeFilter({ type: 'select' }, 'a,b')).toEqual({ kind: 'list', values: ['a', 'b'] });
    expect(decodeFilter({ type: 'number' }, '..10')).toEqual({ kind: 'range', low: '', high: '10' });
    expect(decodeFilter({ type: 'date' }, '2026-11-28')).toEqual({
      kind: 'range',
      low: '2026-11-28',
      high: '2026-11-28',
    });
    expect(decodeFilter(undefined, 'x..y')).toEqual({ kind: 'text', value: 'x..y' });
  });
});
