import { badRequest } from '../http/errors.js';

/** Opaque keyset cursor `[sortKey, id]` (base64url JSON), the position after the last row of a page. */
export function encodeKeyset(key: string, id: number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeKeyset(cursor: string): [string, number] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1])) {
      return [v[0], v[1] as number];
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('Invalid cursor');
}
