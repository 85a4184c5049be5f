import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../common/tickets.js';
import {
  COMMANDS,
  EVENTS,
  TransitionRefused,
  applyCommand,
  applyEvent,
  canApply,
  type TicketCommand,
} from './ticket.workflow.js';

const ctx = { hasAssignee: false, previousStatus: null };
const open: TicketStatus[] = ['unread', 'read', 'assigned', 'in_progress', 'waiting'];

/** SPEC 2.2, row by row: command, statuses it applies to, and where it leads. */
const allowed: [TicketCommand, TicketStatus[], TicketStatus][] = [
  ['markRead', ['unread'], 'read'],
  ['assign', open, 'assigned'],
  ['unassign', ['assigned'], 'read'],
  ['setWaiting', ['read', 'assigned', 'in_progress', 'waiting'], 'waiting'],
  ['setInProgress', ['read', 'assigned', 'in_progress', 'waiting'], 'in_progress'],
  ['close', open, 'closed'],
  ['reopen', ['closed'], 'read'],
  ['delete', [...open, 'closed'], 'deleted'],
];

describe('ticket workflow table', () => {
  for (const [command, from, to] of allowed) {
    for (const status of from) {
      it(`${command} moves ${status} to ${to}`, () => {
        expect(applyCommand(command, status, ctx)).toBe(to);
      });
    }
    for (const status of TICKET_STATUSES.filter((s) => !from.includes(s))) {
      it(`${command} is refused from ${status}`, () => {
        expect(canApply(command, status)).toBe(false);
        expect(() => applyCommand(command, status, ctx)).toThrow(TransitionRefused);
      });
    }
  }

  it('reopen goes back to assigned when the ticket has an assignee', () => {
    expect(applyCommand('reopen', 'closed', { hasAssignee: true, previousStatus: null })).toBe('assigned');
  });

  it('restore returns to the status the ticket had before deletion', () => {
    for (const previous of [...open, 'closed'] as TicketStatus[]) {
      expect(applyCommand('restore', 'deleted', { hasAssignee: false, previousStatus: previous })).toBe(
        previous,
      );
    }
    expect(applyCommand('restore', 'deleted', ctx)).toBe('read');
  });

  for (const status of TICKET_STATUSES.filter((s) => s !== 'deleted')) {
    it(`restore and purge are refused from ${status}`, () => {
      expect(() => applyCommand('restore', status, ctx)).toThrow(TransitionRefused);
      expect(() => applyCommand('purge', status, ctx)).toThrow(TransitionRefused);
    });
  }

  it('purge applies only to deleted tickets', () => {
    expect(canApply('purge', 'deleted')).toBe(true);
  });

  it('a staff public message moves read and assigned to in_progress and leaves other statuses alone', () => {
    expect(applyEvent('staffPublicMessage', 'read', ctx)).toBe('in_progress');
    expect(applyEvent('staffPublicMessage', 'assigned', ctx)).toBe('in_progress');
    for (const s of ['unread', 'in_progress', 'waiting', 'closed', 'deleted'] as TicketStatus[]) {
      expect(applyEvent('staffPublicMessage', s, ctx)).toBe(s);
    }
  });

  it('a customer reply moves waiting to in_progress and leaves other statuses alone', () => {
    expect(applyEvent('customerReply', 'waiting', ctx)).toBe('in_progress');
    for (const s of TICKET_STATUSES.filter((x) => x !== 'waiting'))
      expect(applyEvent('customerReply', s, ctx)).toBe(s);
  });

  it('the refusal names the action and the status', () => {
    expect(() => applyCommand('unassign', 'read', ctx)).toThrow(
      'The action "unassign" is not possible on a ticket with status "read"',
    );
  });

  it('every command and event of the table is covered above', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(
      [
        'assign',
        'close',
        'delete',
        'markRead',
        'purge',
        'reopen',
        'restore',
        'setInProgress',
        'setWaiting',
        'unassign',
      ].sort(),
    );
    expect(Object.keys(EVENTS).sort()).toEqual(['customerReply', 'staffPublicMessage']);
  });
});
