import { describe, expect, it } from 'vitest';
import { formatTicketRef, generateTrackId, TRACK_ID_ALPHABET, TRACK_ID_LENGTH } from './ticket.ref.js';

describe('ticket references', () => {
  it('a ref is TS<yymm>-<nnnn> from the UTC creation date', () => {
    expect(formatTicketRef(new Date('2026-11-03T10:00:00Z'), 42)).toBe('TS2611-0042');
    // 23:30 in Paris on 31 December is still December in UTC.
    expect(formatTicketRef(new Date('2026-12-31T23:30:00-01:00'), 1)).toBe('TS2701-0001');
    expect(formatTicketRef(new Date('2030-01-01T00:00:00Z'), 7)).toBe('TS3001-0007');
  });

  it('the number grows past 9999 instead of wrapping', () => {
    expect(formatTicketRef(new Date('2026-11-03T10:00:00Z'), 9999)).toBe('TS2611-9999');
    expect(formatTicketRef(new Date('2026-11-03T10:00:00Z'), 10000)).toBe('TS2611-10000');
  });
});

describe('tracking keys', () => {
  it('are 20 characters of an alphabet without 0, O, 1, I or L', () => {
    expect(TRACK_ID_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(TRACK_ID_ALPHABET).size).toBe(TRACK_ID_ALPHABET.length);
    for (let i = 0; i < 200; i++) {
      expect(generateTrackId()).toMatch(new RegExp(`^[${TRACK_ID_ALPHABET}]{${TRACK_ID_LENGTH}}$`));
    }
  });

  it('carry at least 80 bits of randomness', () => {
    expect(TRACK_ID_LENGTH * Math.log2(TRACK_ID_ALPHABET.length)).toBeGreaterThanOrEqual(80);
  });

  it('draw every character from the random source, over the whole alphabet', () => {
    const draws: number[] = [];
    const id = generateTrackId((max) => {
      draws.push(max);
      return (draws.length - 1) % max;
    });
    expect(draws).toEqual(Array(TRACK_ID_LENGTH).fill(TRACK_ID_ALPHABET.length));
    expect(id.startsWith(TRACK_ID_ALPHABET.slice(0, TRACK_ID_LENGTH))).toBe(true);
  });
});
