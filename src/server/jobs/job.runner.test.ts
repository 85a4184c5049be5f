import { describe, expect, it } from 'vitest';
import { backoffDelay } from './job.runner.js';

describe('backoffDelay', () => {
  const base = 30_000;
  const cap = 3_600_000;

  it('doubles from the base on each attempt when jitter is nil', () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, base, cap, none))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(20, base, cap, () => 0)).toBe(cap);
    expect(backoffDelay(1000, base, cap, () => 0)).toBe(cap);
  });

  it('removes at most a quarter with jitter, so each delay stays longer than the one before', () => {
    expect(backoffDelay(3, base, cap, () => 1)).toBe(90_000);
    for (let attempt = 2; attempt < 8; attempt++) {
      expect(backoffDelay(attempt, base, cap, () => 0.999)).toBeGreaterThan(
        backoffDelay(attempt - 1, base, cap, () => 0),
      );
    }
  });

  it('is at least one millisecond even with a zero base', () => {
    expect(backoffDelay(1, 0, cap)).toBe(1);
  });
});
