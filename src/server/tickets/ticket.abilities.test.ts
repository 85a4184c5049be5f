import { describe, expect, it } from 'vitest';
import type { Permission } from '../../common/permissions.js';
import type { TicketAbility, TicketStatus } from '../../common/tickets.js';
import type { Actor } from '../auth/actor.js';
import { ticketAbilities } from './ticket.abilities.js';

const actor = (...permissions: Permission[]): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'a@example.test',
  name: 'A',
  language: 'en',
  permissions: new Set(permissions),
  via: 'session',
});

const allowed = (a: Actor | null, status: TicketStatus, assigneeId: number | null = null): TicketAbility[] =>
  Object.entries(ticketAbilities(a, { status, assigneeId }))
    .filter(([, v]) => v)
    .map(([k]) => k as TicketAbility)
    .sort();

describe('ticket abilities', () => {
  const writer = actor('ticket.read', 'ticket.write');

  it('a reader may do nothing, whatever the status', () => {
    for (const status of ['unread', 'read', 'closed', 'deleted'] as const) {
      expect(allowed(actor('ticket.read'), status, 1)).toEqual([]);
    }
    expect(allowed(null, 'read')).toEqual([]);
  });

  it('a writer on an unread ticket may read, assign, close and write, but not set a status', () => {
    expect(allowed(writer, 'unread')).toEqual(
      ['addMessage', 'addNote', 'assign', 'close', 'markRead', 'update', 'uploadDocument'].sort(),
    );
  });

  it('unassign needs an assignee; waiting/in progress follow the workflow table', () => {
    expect(allowed(writer, 'in_progress', 3)).toEqual(
      [
        'addMessage',
        'addNote',
        'assign',
        'close',
        'setInProgress',
        'setWaiting',
        'unassign',
        'update',
        'uploadDocument',
      ].sort(),
    );
    expect(ticketAbilities(writer, { status: 'read', assigneeId: null }).unassign).toBe(false);
  });

  it('a closed ticket takes notes and documents; reopening needs ticket.manage', () => {
    expect(allowed(writer, 'closed')).toEqual(['addNote', 'uploadDocument']);
    expect(allowed(actor('ticket.write', 'ticket.manage'), 'closed')).toContain('reopen');
  });

  it('a deleted ticket: restore with ticket.manage, purge for administrators only', () => {
    expect(allowed(actor('ticket.write', 'ticket.manage', 'ticket.delete'), 'deleted')).toEqual(['restore']);
    expect(allowed(actor('admin'), 'deleted')).toEqual(['purge', 'restore']);
  });

  it('delete needs ticket.delete and a ticket not yet deleted', () => {
    expect(ticketAbilities(actor('ticket.delete'), { status: 'closed', assigneeId: null }).delete).toBe(true);
    expect(ticketAbilities(writer, { status: 'closed', assigneeId: null }).delete).toBe(false);
  });
});
