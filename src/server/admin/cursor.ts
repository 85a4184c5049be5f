import { badRequest } from '../http/errors.js';

/** Opaque keyset cursors: base64url of a small JSON value. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof v === 'number' && Number.isInteger(v)) return v;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('Invalid cursor');
}
