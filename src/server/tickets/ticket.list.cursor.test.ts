import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCursorCodec } from './ticket.list.cursor.js';
import type { TicketFilter, TicketOrder } from './ticket.list.filter.js';

const sign = (v: string) => crypto.createHmac('sha256', 'k').update(v).digest('base64url');
const codec = createCursorCodec(sign);
const filter: TicketFilter = { statuses: ['read', 'unread'], severities: ['HIGH'] };
const order: TicketOrder = { sort: 'subject', order: 'asc' };
const state = { after: { value: 'Écran noir, "vraiment"', id: 7 }, total: 12, totalCapped: false };

describe('list cursors', () => {
  it('come back as they were made, for the same filter and order', () => {
    const c = codec.encode(filter, order, state);
    expect(codec.decode(c, { severities: ['HIGH'], statuses: ['read', 'unread'] }, order, 'string')).toEqual(
      state,
    );
  });

  it('carry empty sort values (the rows listed last)', () => {
    const c = codec.encode(filter, order, { ...state, after: { value: null, id: 3 } });
    expect(codec.decode(c, filter, order, 'string').after).toEqual({ value: null, id: 3 });
  });

  it('are refused for another filter, another order, or another sort', () => {
    const c = codec.encode(filter, order, state);
    for (const [f, o] of [
      [{ ...filter, severities: ['LOW'] }, order],
      [{ ...filter, text: ['x'] }, order],
      [filter, { ...order, order: 'desc' }],
      [filter, { ...order, sort: 'type' }],
    ] as [TicketFilter, TicketOrder][]) {
      expect(() => codec.decode(c, f, o, 'string')).toThrow(
        expect.objectContaining({ code: 'invalid_cursor', status: 400 }),
      );
    }
  });

  it('are refused when altered, truncated, signed with another key, or not cursors at all', () => {
    const c = codec.encode(filter, order, state);
    const [body = '', mac = ''] = c.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...payload, i: 8 })).toString('base64url')}.${mac}`;
    const other = createCursorCodec((v) =>
      crypto.createHmac('sha256', 'other').update(v).digest('base64url'),
    );
    for (const bad of [
      altered,
      c.slice(0, -1),
      body,
      `${c}.x`,
      'garbage',
      '',
      other.encode(filter, order, state),
    ]) {
      expect(() => codec.decode(bad, filter, order, 'string')).toThrow(
        expect.objectContaining({ code: 'invalid_cursor' }),
      );
    }
  });

  it('are refused when their value does not fit the sort column', () => {
    const c = codec.encode(filter, order, state);
    expect(() => codec.decode(c, filter, order, 'number')).toThrow(
      expect.objectContaining({ code: 'invalid_cursor' }),
    );
  });
});
