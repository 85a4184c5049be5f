import { sha256, toHex } from './sha256.js';

/** What the proof of work needs from the server's challenge. */
export interface PowTask {
  challenge: string;
  salt: string;
  maxNumber: number;
}

const encoder = new TextEncoder();

/**
 * Searches [from, to) for the number whose hex(sha256(salt + number)) is the challenge. Returns it, or
 * null when it is not in the range.
 */
export function searchRange(task: PowTask, from: number, to: number): number | null {
  const target = task.challenge.toLowerCase();
  const end = Math.min(to, task.maxNumber + 1);
  for (let n = from; n < end; n++) {
    if (toHex(sha256(encoder.encode(task.salt + String(n)))) === target) return n;
  }
  return null;
}
