import { describe, expect, it } from 'vitest';
import type { DictionaryEntryRow } from '../db/schema.js';
import { resolveClassificationFrom } from './dictionary.classification.js';

let id = 0;
function entry(kind: string, code: string, opts: Partial<DictionaryEntryRow> = {}): DictionaryEntryRow {
  return {
    id: ++id,
    kind,
    code,
    label_fr: code,
    label_en: code,
    position: 10,
    active: true,
    is_default: false,
    is_public: false,
    parent_code: null,
    color: null,
    created_at: '2026-11-28T00:00:00.000Z',
    updated_at: '2026-11-28T00:00:00.000Z',
    ...opts,
  };
}

const rows = [
  entry('ticket-types', 'HELP', { is_default: true }),
  entry('ticket-types', 'ISSUE'),
  entry('ticket-types', 'OLD', { active: false }),
  entry('ticket-categories', 'OTHER', { is_default: true }),
  entry('ticket-categories', 'NET'),
  entry('ticket-severities', 'LOW', { position: 10 }),
  entry('ticket-severities', 'NORMAL', { position: 20, is_default: true }),
  entry('ticket-severities', 'HIGH', { position: 30 }),
  entry('ticket-severities', 'GONE', { position: 40, active: false }),
];

describe('resolveClassificationFrom', () => {
  it('a new ticket without codes takes each dictionary default and the default severity rank', () => {
    expect(resolveClassificationFrom(rows, {})).toEqual({
      typeCode: 'HELP',
      categoryCode: 'OTHER',
      severityCode: 'NORMAL',
      severityRank: 20,
    });
  });

  it('given codes are kept and the rank is the severity position', () => {
    expect(
      resolveClassificationFrom(rows, { typeCode: 'ISSUE', categoryCode: 'NET', severityCode: 'HIGH' }),
    ).toEqual({ typeCode: 'ISSUE', categoryCode: 'NET', severityCode: 'HIGH', severityRank: 30 });
  });

  it('missing codes keep the current ones, even when they were deactivated since', () => {
    const current = { typeCode: 'OLD', categoryCode: 'NET', severityCode: 'GONE' };
    expect(resolveClassificationFrom(rows, { categoryCode: 'OTHER' }, current)).toEqual({
      typeCode: 'OLD',
      categoryCode: 'OTHER',
      severityCode: 'GONE',
      severityRank: 40,
    });
    expect(resolveClassificationFrom(rows, { typeCode: 'OLD' }, current).typeCode).toBe('OLD');
  });

  it('an unknown code is refused with a message naming the field', () => {
    expect(() => resolveClassificationFrom(rows, { typeCode: 'XYZ' })).toThrow(
      'typeCode "XYZ" is not an active ticket type',
    );
  });

  it('an inactive code that differs from the current one is refused', () => {
    const current = { typeCode: 'HELP', categoryCode: 'OTHER', severityCode: 'NORMAL' };
    expect(() => resolveClassificationFrom(rows, { severityCode: 'GONE' }, current)).toThrow(
      expect.objectContaining({ code: 'invalid_classification', status: 400 }),
    );
  });

  it('codes are matched exactly: a lower-case code is not the upper-case one', () => {
    expect(() => resolveClassificationFrom(rows, { categoryCode: 'net' })).toThrow(
      'categoryCode "net" is not an active ticket category',
    );
  });
});
