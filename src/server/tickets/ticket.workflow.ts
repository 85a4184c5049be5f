import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from '../../common/tickets.js';

/**
 * The ticket workflow of SPEC 2.2, as data. Commands are asked for by someone and refused (409) when the
 * ticket is not in one of their `from` statuses; events happen anyway (a message is always stored) and
 * move the status only when it is in their `from` statuses.
 */
export interface TransitionContext {
  /** The ticket has an assignee (reopen goes back to assigned). */
  hasAssignee: boolean;
  /** Status before deletion (restore goes back to it). */
  previousStatus: TicketStatus | null;
}

interface Transition {
  from: readonly TicketStatus[];
  to: (ctx: TransitionContext) => TicketStatus;
}

const OPEN: readonly TicketStatus[] = OPEN_STATUSES;
const OPEN_BUT_UNREAD: readonly TicketStatus[] = OPEN.filter((s) => s !== 'unread');
const NOT_DELETED: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'deleted');

export const COMMANDS = {
  markRead: { from: ['unread'], to: () => 'read' },
  assign: { from: OPEN, to: () => 'assigned' },
  unassign: { from: ['assigned'], to: () => 'read' },
  setWaiting: { from: OPEN_BUT_UNREAD, to: () => 'waiting' },
  setInProgress: { from: OPEN_BUT_UNREAD, to: () => 'in_progress' },
  close: { from: OPEN, to: () => 'closed' },
  reopen: { from: ['closed'], to: (ctx) => (ctx.hasAssignee ? 'assigned' : 'read') },
  delete: { from: NOT_DELETED, to: () => 'deleted' },
  restore: {
    from: ['deleted'],
    // A ticket deleted before previous_status existed (or with a bad value) comes back readable.
    to: (ctx) => (ctx.previousStatus && ctx.previousStatus !== 'deleted' ? ctx.previousStatus : 'read'),
  },
  /** The row disappears; `to` is never stored. */
  purge: { from: ['deleted'], to: () => 'deleted' },
} as const satisfies Record<string, Transition>;

export const EVENTS = {
  staffPublicMessage: { from: ['read', 'assigned'], to: () => 'in_progress' },
  customerReply: { from: ['waiting'], to: () => 'in_progress' },
} as const satisfies Record<string, Transition>;

export type TicketCommand = keyof typeof COMMANDS;
export type TicketEvent = keyof typeof EVENTS;

export class TransitionRefused extends Error {
  readonly command: TicketCommand;
  readonly from: TicketStatus;
  constructor(command: TicketCommand, from: TicketStatus) {
    super(`The action "${command}" is not possible on a ticket with status "${from}"`);
    this.command = command;
    this.from = from;
  }
}

export function canApply(command: TicketCommand, status: TicketStatus): boolean {
  return (COMMANDS[command].from as readonly TicketStatus[]).includes(status);
}

/** The status after `command`, or TransitionRefused. */
export function applyCommand(
  command: TicketCommand,
  status: TicketStatus,
  ctx: TransitionContext,
): TicketStatus {
  if (!canApply(command, status)) throw new TransitionRefused(command, status);
  const t: Transition = COMMANDS[command];
  return t.to(ctx);
}

/** The status after `event`: moved when the event applies, unchanged otherwise. */
export function applyEvent(event: TicketEvent, status: TicketStatus, ctx: TransitionContext): TicketStatus {
  const t: Transition = EVENTS[event];
  return t.from.includes(status) ? t.to(ctx) : status;
}
