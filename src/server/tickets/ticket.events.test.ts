import { describe, expect, it } from 'vitest';
import { SETTINGS, SETTING_KEYS, type Settings } from '../../common/settings.js';
import type { TicketEvent } from '../jobs/job.types.js';
import { jobsOfTicketEvent } from './ticket.events.js';

const defaults = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
const withGroup: Settings = { ...defaults, 'notifications.groupId': 3 };
const noticeOnAssign: Settings = { ...defaults, 'mail.noticeOnAssign': true };

const names = (event: TicketEvent, s: Settings = defaults) => jobsOfTicketEvent(event, s).map((j) => j.name);

const created = (origin: 'staff' | 'api' | 'portal' | 'email', autoSubmitted = false): TicketEvent => ({
  kind: 'created',
  ticketId: 1,
  actorUserId: origin === 'staff' || origin === 'api' ? 7 : null,
  origin,
  ...(autoSubmitted ? { autoSubmitted } : {}),
});

const message = (
  authorType: 'user' | 'customer',
  opts: { private?: boolean; sendByEmail?: boolean } = {},
): TicketEvent => ({
  kind: 'message',
  ticketId: 1,
  messageId: 2,
  actorUserId: authorType === 'user' ? 7 : null,
  authorType,
  private: opts.private ?? false,
  sendByEmail: opts.sendByEmail ?? false,
});

describe('which domains hear of a ticket event', () => {
  it('a creation: the customer is mailed a confirmation of portal and email tickets, never of staff ones', () => {
    expect(names(created('portal'))).toEqual(['mail.ticketEvent']);
    expect(names(created('email'))).toEqual(['mail.ticketEvent']);
    expect(names(created('email', true))).toEqual([]);
    expect(names(created('staff'))).toEqual([]);
    expect(names(created('api'))).toEqual([]);
  });

  it('a creation: staff hear of it only when a notification group is set', () => {
    expect(names(created('staff'), withGroup)).toEqual(['notifications.ticketEvent']);
    expect(names(created('portal'), withGroup)).toEqual(['mail.ticketEvent', 'notifications.ticketEvent']);
  });

  it('a message: staff messages go to the customer when sent by email; customer messages go to staff', () => {
    expect(names(message('user', { sendByEmail: true }))).toEqual(['mail.ticketEvent']);
    expect(names(message('user'))).toEqual([]);
    expect(names(message('user', { private: true, sendByEmail: true }))).toEqual([]);
    expect(names(message('customer'))).toEqual(['notifications.ticketEvent']);
  });

  it('an assignment: the assignee hears of it; the customer only with the assignment notice on', () => {
    const assigned: TicketEvent = { kind: 'assigned', ticketId: 1, assigneeId: 4, actorUserId: 7 };
    expect(names(assigned)).toEqual(['notifications.ticketEvent']);
    expect(names(assigned, noticeOnAssign)).toEqual(['mail.ticketEvent', 'notifications.ticketEvent']);
  });

  it('a closing: field service always, the customer when asked, staff never', () => {
    const closed = (notifyCustomer: boolean): TicketEvent => ({
      kind: 'closed',
      ticketId: 1,
      actorUserId: 7,
      notifyCustomer,
    });
    expect(names(closed(false))).toEqual(['fieldservice.ticketEvent']);
    expect(names(closed(true), withGroup)).toEqual(['mail.ticketEvent', 'fieldservice.ticketEvent']);
  });
});
