import { describe, expect, it } from 'vitest';
import { ticketListQuerySchema } from '../../common/schemas/ticket.schema.js';
import { OPEN_STATUSES } from '../../common/tickets.js';
import { readTicketQuery } from './ticket.list.filter.js';

const read = (query: Record<string, string>) =>
  readTicketQuery(ticketListQuerySchema.parse(query), { userId: 7 });

describe('reading the list query', () => {
  it('defaults to the open statuses, newest first', () => {
    expect(read({})).toEqual({
      filter: { statuses: [...OPEN_STATUSES] },
      order: { sort: 'createdAt', order: 'desc' },
    });
  });

  it('reads status words and lists', () => {
    expect(read({ status: 'all' }).filter.statuses).toEqual([
      'unread',
      'read',
      'assigned',
      'in_progress',
      'waiting',
      'closed',
    ]);
    expect(read({ status: 'deleted' }).filter.statuses).toEqual(['deleted']);
    expect(read({ status: 'closed, unread' }).filter.statuses).toEqual(['unread', 'closed']);
  });

  it('turns dates into whole days and date-times into exact instants, both ends included', () => {
    expect(read({ createdFrom: '2026-03-02', createdTo: '2026-03-02' }).filter).toMatchObject({
      createdFrom: '2026-03-02T00:00:00.000Z',
      createdBefore: '2026-03-03T00:00:00.000Z',
    });
    expect(
      read({ updatedFrom: '2026-03-02T10:00:00Z', updatedTo: '2026-03-02T11:00:00.000Z' }).filter,
    ).toMatchObject({
      updatedFrom: '2026-03-02T10:00:00.000Z',
      updatedBefore: '2026-03-02T11:00:00.001Z',
    });
  });

  it('reads assignee me/unassigned/id, code lists and search words', () => {
    expect(read({ assignee: 'me' }).filter.assigneeId).toBe(7);
    expect(read({ assignee: 'unassigned' }).filter.assigneeId).toBeNull();
    expect(read({ assignee: '12' }).filter.assigneeId).toBe(12);
    expect(read({ type: 'HELP, ISSUE,,HELP' }).filter.types).toEqual(['HELP', 'ISSUE']);
    expect(read({ q: 'Réseau  panne', searchIn: 'company' }).filter.search).toEqual({
      in: 'company',
      tokens: ['Réseau', 'panne'],
    });
    expect(read({ text: '!!!' }).filter.text).toEqual([]);
  });

  it('refuses custom fields (none is defined yet) and unknown parameters', () => {
    expect(() => read({ 'cf.contract': 'gold' })).toThrow(
      expect.objectContaining({ code: 'unknown_custom_field', status: 400 }),
    );
    expect(() => read({ colour: 'red' })).toThrow(
      expect.objectContaining({ code: 'validation_error', status: 400 }),
    );
    expect(() => read({ severity: 'HIGH;DROP' })).toThrow(
      expect.objectContaining({ code: 'validation_error' }),
    );
  });
});
