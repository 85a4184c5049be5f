import crypto from 'node:crypto';
import { AppError } from '../http/errors.js';
import type { TicketFilter, TicketOrder } from './ticket.list.filter.js';

/** Where the next page starts: after the row with this sort value (null: among the empty values) and id. */
export interface KeysetPosition {
  value: string | number | null;
  id: number;
}

/** What a cursor carries besides the position: the total counted for the first page, reused after. */
export interface CursorState {
  after: KeysetPosition;
  total: number;
  totalCapped: boolean;
}

interface Payload {
  /** Fingerprint of the filter and order the cursor was made for. */
  f: string;
  v: string | number | null;
  i: number;
  t: number;
  c: boolean;
}

export const invalidCursor = (
  message = 'This cursor is not valid for this list; start from the first page',
) => new AppError('invalid_cursor', 400, message);

/** Same filter and order give the same fingerprint, whatever the order of keys in the query. */
export function fingerprint(filter: TicketFilter, order: TicketOrder): string {
  const canonical = JSON.stringify([
    order.sort,
    order.order,
    Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return crypto.createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/**
 * Cursors are opaque: base64url JSON plus an HMAC, so a cursor changed by hand, or made for another
 * filter or sort, is refused (400 invalid_cursor) instead of silently paging something else.
 */
export function createCursorCodec(sign: (value: string) => string) {
  const mac = (body: string) => sign(`ticket-list:${body}`).slice(0, 22);
  return {
    encode(filter: TicketFilter, order: TicketOrder, state: CursorState): string {
      const payload: Payload = {
        f: fingerprint(filter, order),
        v: state.after.value,
        i: state.after.id,
        t: state.total,
        c: state.totalCapped,
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body)}`;
    },

    decode(
      cursor: string,
      filter: TicketFilter,
      order: TicketOrder,
      valueType: 'string' | 'number',
    ): CursorState {
      const [body, signature, ...rest] = cursor.split('.');
      if (!body || !signature || rest.length > 0) throw invalidCursor('Malformed cursor');
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
        throw invalidCursor('This cursor was altered');
      }
      let p: Payload;
      try {
        p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
      } catch {
        throw invalidCursor('Malformed cursor');
      }
      if (p.f !== fingerprint(filter, order)) throw invalidCursor();
      const valueOk = p.v === null || typeof p.v === valueType;
      if (!valueOk || !Number.isInteger(p.i) || !Number.isInteger(p.t) || typeof p.c !== 'boolean') {
        throw invalidCursor('Malformed cursor');
      }
      return { after: { value: p.v, id: p.i }, total: p.t, totalCapped: p.c };
    },
  };
}

export type CursorCodec = ReturnType<typeof createCursorCodec>;
