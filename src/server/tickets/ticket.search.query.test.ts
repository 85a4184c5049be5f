import { describe, expect, it } from 'vitest';
import { fts5Query, searchTokens, tsQuery } from './ticket.search.query.js';

describe('search input', () => {
  it('keeps only words (letters and digits, any script), each once, at most eight', () => {
    expect(searchTokens(` l'imprimante "réseau" OR *vpn* {subject}: NEAR(a b) `)).toEqual([
      'l',
      'imprimante',
      'réseau',
      'OR',
      'vpn',
      'subject',
      'NEAR',
      'a',
    ]);
    expect(searchTokens('écran écran Ecran')).toEqual(['écran', 'Ecran']);
    expect(searchTokens('% _ \\ " * : & | ! ( )')).toEqual([]);
    expect(searchTokens('Ωmega 東京 0x80070005')).toEqual(['Ωmega', '東京', '0x80070005']);
  });

  it('joins decomposed accents, so "é" typed either way is one letter', () => {
    expect(searchTokens('re\u0301seau')).toEqual(['réseau']);
  });

  it('makes FTS5 prefix phrases that must all match, in the fields asked for', () => {
    expect(fts5Query(['rés', 'imprim'])).toBe('"rés"* AND "imprim"*');
    expect(fts5Query(['dupont'], ['subject', 'company'])).toBe('{subject company} : ("dupont"*)');
  });

  it('searches a prefix as the whole words it stands for when they are known, else as a prefix', () => {
    const terms = new Map([
      ['certif', ['certificat', 'certificate']],
      ['réseau', ['reseau']],
    ]);
    expect(fts5Query(['certif', 'réseau', 'vpn'], [], true, terms)).toBe(
      '("certificat" OR "certificate") AND "reseau" AND "vpn"*',
    );
    expect(fts5Query(['certif'], [], false, terms)).toBe('"certif"');
  });

  it('makes tsquery prefixes that must all match, weighted by field', () => {
    expect(tsQuery(['rés', 'imprim'])).toBe('rés:* & imprim:*');
    expect(tsQuery(['dupont'], ['company'])).toBe('dupont:*B');
    expect(tsQuery(['a', 'b'], ['subject', 'company'])).toBe('a:*AB & b:*AB');
  });

  it('makes tsquery words to match whole, weighted by field', () => {
    expect(tsQuery(['rés', 'imprim'], [], false)).toBe('rés & imprim');
    expect(tsQuery(['a', 'b'], ['subject', 'company'], false)).toBe('a:AB & b:AB');
  });
});
