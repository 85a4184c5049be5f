import { describe, expect, it } from 'vitest';
import { catalogKeys } from './catalog.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { browserLanguage, createI18n } from './i18n.js';

describe('message catalogs', () => {
  it('French and English have exactly the same keys', () => {
    const frKeys = catalogKeys(fr);
    expect(frKeys.length).toBeGreaterThan(50);
    expect(catalogKeys(en)).toEqual(frKeys);
  });

  it('every message is a non-empty string and uses the same placeholders in both languages', () => {
    const flat = (catalog: object) =>
      Object.fromEntries(
        catalogKeys(catalog).map((key) => [
          key,
          key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string,
        ]),
      );
    const frFlat = flat(fr);
    const enFlat = flat(en);
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(frFlat)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(enFlat[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('language choice before sign-in', () => {
  it('a French browser gets French, any other gets English', () => {
    expect(browserLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(browserLanguage(['FR'])).toBe('fr');
    expect(browserLanguage(['de-DE', 'fr'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('an instance translates at once in the language asked', () => {
    expect(createI18n('en').t('nav.customers')).toBe('Customers');
    expect(createI18n('fr').t('nav.customers')).toBe('Clients');
  });
});
