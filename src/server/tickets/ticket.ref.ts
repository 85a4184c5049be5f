import crypto from 'node:crypto';

/**
 * Tracking keys are read over the phone and typed from paper: no 0/O, 1/I/L. 31 symbols × 20 characters
 * give about 99 bits, well above the 80 bits the portal needs against guessing.
 */
export const TRACK_ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACK_ID_LENGTH = 20;

export function generateTrackId(randomInt: (max: number) => number = crypto.randomInt): string {
  let out = '';
  for (let i = 0; i < TRACK_ID_LENGTH; i++) out += TRACK_ID_ALPHABET[randomInt(TRACK_ID_ALPHABET.length)];
  return out;
}

/** `TS<yymm>-<nnnn>` from the creation instant (UTC); the number grows past 9999 rather than wrapping. */
export function formatTicketRef(createdAt: Date, counter: number): string {
  const yy = String(createdAt.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(createdAt.getUTCMonth() + 1).padStart(2, '0');
  return `TS${yy}${mm}-${String(counter).padStart(4, '0')}`;
}
