import { describe, expect, it } from 'vitest';
import { describeDetails, type DiffWords } from './auditDiff.js';

const words: DiffWords = {
  field: (key) => ({ name: 'Name', groupIds: 'Groups', memberIds: 'Members' })[key] ?? null,
  yes: 'yes',
  no: 'no',
  empty: '(empty)',
  marker: (v) => ({ changed: 'changed', link: 'one-time link' })[v] ?? null,
  added: (v) => `added: ${v}`,
  removed: (v) => `removed: ${v}`,
  userName: (id) => ({ 7: 'Bob' })[id],
  groupName: (id) => ({ 2: 'Support' })[id],
};

const lines = (details: Record<string, unknown>) =>
  describeDetails(details, words).map((l) => `${l.field} | ${l.text}`);

describe('audit details as readable lines', () => {
  it('a change reads "before → after"; empty values and booleans in words', () => {
    expect(
      lines({ name: { from: 'Dan', to: 'Daniel' }, 'portal.enabled': { from: false, to: true } }),
    ).toEqual(['Name | Dan → Daniel', 'portal.enabled | no → yes']);
    expect(lines({ 'mail.from': { from: '', to: 'a@b.c' } })).toEqual(['mail.from | (empty) → a@b.c']);
  });

  it('lists say what was added and removed, with ids named', () => {
    expect(lines({ memberIds: { from: [7, 8], to: [8, 9] } })).toEqual(['Members | added: 9 · removed: Bob']);
    expect(lines({ groupIds: [2, 3] })).toEqual(['Groups | Support, 3']);
  });

  it('marker words are translated only under secret keys; labels in two languages read side by side', () => {
    expect(lines({ password: 'link', 'mail.smtp.password': 'changed', name: 'changed' })).toEqual([
      'password | one-time link',
      'mail.smtp.password | changed',
      'Name | changed',
    ]);
    expect(lines({ label: { fr: 'Réseau', en: 'Network' } })).toEqual(['label | fr: Réseau · en: Network']);
  });

  it('long values are cut', () => {
    const [line] = lines({ 'portal.homeText.fr': 'x'.repeat(500) });
    expect(line?.length).toBeLessThan(250);
    expect(line?.endsWith('…')).toBe(true);
  });
});
