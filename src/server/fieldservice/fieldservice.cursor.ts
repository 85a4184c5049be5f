import { AppError } from '../http/errors.js';

/**
 * Opaque keyset cursors (base64url JSON). Lists of contracts, equipment, interventions and proposals go
 * newest first by id: the cursor is the last id shown. The agenda goes by start then id.
 */
const invalid = () => new AppError('invalid_cursor', 400, 'Invalid cursor');

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalid();
  }
}

export const encodeIdCursor = (id: number): string => Buffer.from(JSON.stringify([id])).toString('base64url');

export function decodeIdCursor(cursor: string): number {
  const v = decode(cursor);
  if (Array.isArray(v) && v.length === 1 && Number.isInteger(v[0])) return v[0] as number;
  throw invalid();
}

export const encodeStartCursor = (start: string, id: number): string =>
  Buffer.from(JSON.stringify([start, id])).toString('base64url');

export function decodeStartCursor(cursor: string): [string, number] {
  const v = decode(cursor);
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1])) {
    return [v[0], v[1] as number];
  }
  throw invalid();
}
