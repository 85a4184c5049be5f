import { describe, expect, it } from 'vitest';
import { isOverdue } from './ticket.overdue.js';

const now = new Date('2026-11-27T12:00:00Z');
const delays = { delayFirstResponseHours: 24, delaySinceLastResponseHours: 48 };
const base = {
  is_open: true,
  status: 'read',
  created_at: '2026-11-27T11:00:00.000Z',
  first_response_at: null,
  last_customer_message_at: null,
  last_staff_message_at: null,
};

describe('overdue tickets', () => {
  it('a ticket without a staff answer past the first-response delay is overdue', () => {
    expect(isOverdue({ ...base, created_at: '2026-11-26T11:59:00.000Z' }, delays, now)).toBe(true);
    expect(isOverdue({ ...base, created_at: '2026-11-26T12:01:00.000Z' }, delays, now)).toBe(false);
  });

  it('an answered ticket is late again when the customer waits past the second delay', () => {
    const answered = {
      ...base,
      created_at: '2026-11-20T00:00:00.000Z',
      first_response_at: '2026-11-20T01:00:00.000Z',
    };
    expect(isOverdue(answered, delays, now)).toBe(false);
    const waiting = {
      ...answered,
      last_staff_message_at: '2026-11-20T01:00:00.000Z',
      last_customer_message_at: '2026-11-25T11:00:00.000Z',
    };
    expect(isOverdue(waiting, delays, now)).toBe(true);
    expect(isOverdue({ ...waiting, last_staff_message_at: '2026-11-25T12:00:00.000Z' }, delays, now)).toBe(
      false,
    );
  });

  it('closed tickets, tickets waiting for the customer and zero delays are never overdue', () => {
    const old = { ...base, created_at: '2026-01-01T00:00:00.000Z' };
    expect(isOverdue({ ...old, is_open: false, status: 'closed' }, delays, now)).toBe(false);
    expect(isOverdue({ ...old, status: 'waiting' }, delays, now)).toBe(false);
    expect(isOverdue(old, { delayFirstResponseHours: 0, delaySinceLastResponseHours: 0 }, now)).toBe(false);
  });
});
