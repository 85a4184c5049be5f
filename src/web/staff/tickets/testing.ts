/**
 * Fixtures of the ticket screens' component tests: API objects as the server sends them, and a fetch stub
 * that matches routes with or without their query string. Imported by tests only.
 */
import type { Editor } from '@tiptap/react';
import { act } from '@testing-library/react';
import type { DictionaryEntry } from '../../../common/schemas/dictionary.schema.js';
import type { Message } from '../../../common/schemas/message.schema.js';
import type { Ticket, TicketListItem } from '../../../common/schemas/ticket.schema.js';
import { TICKET_ABILITIES, type TicketAbilities } from '../../../common/tickets.js';
import { json, stubApi, type RecordedCall } from '../../test-utils.js';

type Handler = (call: RecordedCall) => Response | Promise<Response>;

const AT = '2026-11-20T09:30:00.000Z';

export function makeListItem(overrides: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id: 1,
    ref: 'TS2611-0001',
    trackId: 'K7M2P9QX4TW8RZ3H',
    subject: 'Printer jams on every page',
    typeCode: 'ISSUE',
    categoryCode: 'OTHER',
    severityCode: 'HIGH',
    status: 'read',
    resolution: null,
    origin: 'staff',
    createdAt: AT,
    updatedAt: AT,
    readAt: AT,
    closedAt: null,
    elapsedBeforeReadSeconds: 0,
    authorUserId: 1,
    authorEmail: null,
    assigneeId: null,
    assigneeName: null,
    thirdpartyId: null,
    thirdpartyName: null,
    contactId: null,
    equipmentId: null,
    progress: 0,
    durationMinutes: 0,
    customFields: {},
    version: 1,
    overdue: false,
    ...overrides,
  };
}

export function abilities(allowed: Partial<TicketAbilities> = {}): TicketAbilities {
  return { ...(Object.fromEntries(TICKET_ABILITIES.map((a) => [a, false])) as TicketAbilities), ...allowed };
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...makeListItem(),
    message: '<p>The printer in room 2 jams.</p>',
    authorName: 'Ada Admin',
    contactName: null,
    abilities: abilities(),
    defaults: { notifyCustomerOnClose: false },
    ...overrides,
  };
}

export function makeMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: 1,
    ticketId: 1,
    author: { type: 'user', userId: 1, name: 'Ada Admin', email: null },
    body: '<p>We are on it.</p>',
    private: false,
    sendByEmail: false,
    delivery: null,
    createdAt: AT,
    attachments: [],
    ...overrides,
  };
}

function entry(code: string, fr: string, en: string, extra: Partial<DictionaryEntry> = {}): DictionaryEntry {
  return {
    code,
    label: { fr, en },
    position: 0,
    active: true,
    isDefault: false,
    public: false,
    parentCode: null,
    color: null,
    inUse: false,
    updatedAt: AT,
    ...extra,
  };
}

export const DICTIONARIES: Record<string, DictionaryEntry[]> = {
  'ticket-types': [
    entry('HELP', 'Demande d’aide', 'Help request', { isDefault: true }),
    entry('ISSUE', 'Anomalie', 'Issue or bug'),
  ],
  'ticket-categories': [entry('OTHER', 'Autre', 'Other', { isDefault: true })],
  'ticket-severities': [
    entry('NORMAL', 'Normale', 'Normal', { isDefault: true, color: '#228be6' }),
    entry('HIGH', 'Haute', 'High', { color: '#fd7e14' }),
  ],
};

/** The answers every signed-in screen needs: the session, the dictionaries, the assignable users. */
export function baseRoutes(user: unknown): Record<string, Handler> {
  return {
    'GET /auth/me': () => json({ user, csrfToken: 'csrf-abc' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /users/assignable': () =>
      json({
        items: [
          { id: 1, name: 'Ada Admin', email: 'ada@example.test' },
          { id: 2, name: 'Bob Tech', email: 'bob@example.test' },
        ],
      }),
    ...Object.fromEntries(
      Object.entries(DICTIONARIES).map(([kind, items]) => [
        `GET /dictionaries/${kind}`,
        () => json({ items, nextCursor: null, total: items.length }),
      ]),
    ),
  };
}

/**
 * Like stubApi, but a key without a query string also answers that path with any query ("GET /tickets"
 * answers "GET /tickets?status=all"); an exact key still wins.
 */
export function stubRoutes(routes: Record<string, Handler>): RecordedCall[] {
  const lookup = new Proxy(routes, {
    get: (target, key) =>
      typeof key === 'string' ? (target[key] ?? target[key.split('?')[0] ?? '']) : undefined,
  });
  return stubApi(lookup);
}

/** Query strings of the calls to one path, parsed, in order. */
export function queriesTo(calls: RecordedCall[], method: string, path: string): URLSearchParams[] {
  return calls
    .filter((c) => c.method === method && c.path.split('?')[0] === path)
    .map((c) => new URLSearchParams(c.path.split('?')[1] ?? ''));
}

/**
 * Types into a rich-text editor found by its label. jsdom has no real editing (no selection, no input
 * events), so the text goes in through the editor's own command, the way a keystroke would end up.
 */
export function typeRichText(textbox: HTMLElement, text: string): void {
  const editor = (textbox as HTMLElement & { editor?: Editor }).editor;
  if (!editor) throw new Error('not a rich-text editor');
  act(() => {
    editor.commands.insertContent(text);
  });
}
