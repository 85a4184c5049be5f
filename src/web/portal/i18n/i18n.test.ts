import { describe, expect, it } from 'vitest';
import { catalogKeys } from '../../i18n/catalog.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { browserLanguage, translator } from './i18n.js';

function flat(catalog: object): Record<string, string> {
  return Object.fromEntries(
    catalogKeys(catalog).map((key) => [
      key,
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string,
    ]),
  );
}

describe('portal message catalogs', () => {
  it('French and English have exactly the same keys and placeholders, and no empty message', () => {
    expect(catalogKeys(en)).toEqual(catalogKeys(fr));
    const frFlat = flat(fr);
    const enFlat = flat(en);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(frFlat)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(enFlat[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('French puts a no-break space before : ; ? ! » and after «', () => {
    for (const [key, text] of Object.entries(flat(fr))) {
      expect(text, key).not.toMatch(/[^\u00a0][:;?!»]|«[^\u00a0]/u);
    }
  });

  it('has a label for each of the seven ticket statuses in both languages', () => {
    const statuses = ['unread', 'read', 'assigned', 'in_progress', 'waiting', 'closed', 'deleted'];
    expect(Object.keys(fr.ticket.statuses).sort()).toEqual([...statuses].sort());
    expect(Object.keys(en.ticket.statuses).sort()).toEqual([...statuses].sort());
  });
});

describe('portal translation', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('form.attachmentsHint', { count: 3, mb: 20 })).toBe('Up to 3 files, 20 MB at most each.');
    expect(t('form.attachmentsHint', { count: 3 })).toBe('Up to 3 files, {mb} MB at most each.');
    expect(translator('fr')('ticket.statuses.waiting')).toBe('En attente de votre réponse');
  });

  it('picks French for a French browser and English for any other', () => {
    expect(browserLanguage(['fr-BE', 'en'])).toBe('fr');
    expect(browserLanguage(['en-GB', 'fr'])).toBe('en');
    expect(browserLanguage(['de'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
