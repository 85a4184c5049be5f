import { describe, expect, it } from 'vitest';
import { formatDuration, formatFileSize } from './format.js';

// Intl separates numbers and units with various no-break spaces: compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatting for people', () => {
  it('a duration reads as its two largest units, in the interface language', () => {
    expect(plain(formatDuration(2 * 3600 + 5 * 60 + 9, 'fr-FR'))).toBe('2 h 5 min');
    expect(plain(formatDuration(3 * 86400 + 4 * 3600, 'en-GB'))).toMatch(/^3 days 4 hrs?$/);
    expect(plain(formatDuration(42, 'en-GB'))).toMatch(/^42 secs?$/);
    expect(plain(formatDuration(0, 'fr-FR'))).toBe('0 s');
  });

  it('file sizes use the usual short units of each language', () => {
    expect(plain(formatFileSize(79, 'en-GB'))).toBe('79B');
    expect(plain(formatFileSize(79, 'fr-FR'))).toBe('79 o');
    expect(plain(formatFileSize(12.5 * 1024, 'fr-FR'))).toBe('12,5 ko');
    expect(plain(formatFileSize(3 * 1024 * 1024, 'en-GB'))).toBe('3 MB');
  });
});
