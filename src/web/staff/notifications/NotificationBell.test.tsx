import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../../common/schemas/notification.schema.js';
import type { User } from '../../../common/schemas/user.schema.js';
import { json, makeUser, renderApp, stubApi, type RecordedCall } from '../../test-utils.js';

function makeNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 1,
    kind: 'created',
    ticketId: 10,
    ticketRef: 'TS2611-0010',
    ticketSubject: 'Printer on fire',
    actorName: 'Anna Agent',
    actorEmail: 'anna@example.test',
    excerpt: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}

const NOTIFICATIONS = [
  makeNotification({
    id: 3,
    kind: 'message',
    ticketId: 12,
    ticketRef: 'TS2611-0012',
    ticketSubject: 'Invoice question',
    actorName: 'client@example.test',
    excerpt: 'Is it paid?',
  }),
  makeNotification({ id: 2, kind: 'assigned', ticketId: 11, ticketRef: 'TS2611-0011', actorName: 'Bob' }),
  makeNotification({ id: 1, readAt: new Date().toISOString() }),
];

/** A signed-in user whose server holds `items`; reads and read-all change what the server answers. */
function notificationServer(items: Notification[], user: User = makeUser()) {
  let current = items.map((n) => ({ ...n }));
  let me = user;
  const unread = () => current.filter((n) => n.readAt === null).length;
  const routes: Record<string, (call: RecordedCall) => Response> = {
    'GET /auth/me': () => json({ user: me, csrfToken: 'csrf-abc' }),
    'PATCH /auth/me': (call) => {
      me = { ...me, ...(call.body as Partial<User>) };
      return json({ user: me, csrfToken: 'csrf-abc' });
    },
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /notifications/unread-count': () => json({ unreadCount: unread() }),
    'GET /notifications?limit=20': () =>
      json({ items: current, nextCursor: null, total: current.length, unreadCount: unread() }),
    'POST /notifications/read-all': () => {
      const updated = unread();
      current = current.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }));
      return json({ updated, unreadCount: 0 });
    },
  };
  for (const n of items) {
    routes[`POST /notifications/${n.id}/read`] = () => {
      current = current.map((c) =>
        c.id === n.id ? { ...c, readAt: c.readAt ?? new Date().toISOString() } : c,
      );
      return json(current.find((c) => c.id === n.id));
    };
  }
  return routes;
}

// The machine is shared: give the first render of the whole app time.
configure({ asyncUtilTimeout: 5000 });

const bell = (name: string | RegExp) => screen.findByRole('button', { name });

afterEach(() => {
  vi.useRealTimers();
});

describe('notification bell', () => {
  it('shows my unread count and lists my notifications, newest first, unread ones highlighted', async () => {
    stubApi(notificationServer(NOTIFICATIONS));
    renderApp('/', { language: 'fr' });

    fireEvent.click(await bell('Notifications\u00a0: 2 non lues'));
    const list = await screen.findByRole('list', { name: 'Notifications' });
    const rows = within(list).getAllByRole('button');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('client@example.test a écrit sur le ticket TS2611-0012'),
      expect.stringContaining('Bob vous a assigné le ticket TS2611-0011'),
      expect.stringContaining('Anna Agent a ouvert le ticket TS2611-0010'),
    ]);
    expect(rows[0]!.textContent).toContain('Is it paid?');
    expect(rows.map((r) => r.hasAttribute('data-unread'))).toEqual([true, true, false]);
  });

  it('“mark all as read” clears the count and the highlighting', async () => {
    const calls = stubApi(notificationServer(NOTIFICATIONS));
    renderApp('/', { language: 'fr' });
    fireEvent.click(await bell('Notifications\u00a0: 2 non lues'));
    await screen.findByRole('list', { name: 'Notifications' });

    fireEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));

    expect(await bell('Notifications')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Notifications' }))
          .getAllByRole('button')
          .some((r) => r.hasAttribute('data-unread')),
      ).toBe(false),
    );
    const readAll = calls.find((c) => c.path === '/notifications/read-all');
    expect(readAll).toMatchObject({ method: 'POST' });
    expect(readAll?.headers['x-csrf-token']).toBe('csrf-abc');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Tout marquer comme lu' }).disabled).toBe(
      true,
    );
  });

  it('opening a notification marks it read and goes to its ticket', async () => {
    const calls = stubApi(notificationServer(NOTIFICATIONS));
    renderApp('/', { language: 'fr' });
    fireEvent.click(await bell('Notifications\u00a0: 2 non lues'));
    const list = await screen.findByRole('list', { name: 'Notifications' });

    fireEvent.click(within(list).getByRole('button', { name: /Bob vous a assigné/ }));

    await waitFor(() => expect(calls.some((c) => c.path === '/tickets/11')).toBe(true));
    expect(calls.find((c) => c.path === '/notifications/2/read')?.method).toBe('POST');
    expect(screen.queryByRole('list', { name: 'Notifications' })).toBeNull();
    expect(await bell('Notifications\u00a0: 1 non lue')).toBeTruthy();
  });

  it('opening an already read notification goes to its ticket without marking it again', async () => {
    const calls = stubApi(notificationServer(NOTIFICATIONS));
    renderApp('/', { language: 'fr' });
    fireEvent.click(await bell('Notifications\u00a0: 2 non lues'));
    const list = await screen.findByRole('list', { name: 'Notifications' });
    fireEvent.click(within(list).getByRole('button', { name: /Anna Agent a ouvert/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/tickets/10')).toBe(true));
    expect(calls.some((c) => c.path === '/notifications/1/read')).toBe(false);
  });

  it('with nothing yet, says so, in English too', async () => {
    stubApi(notificationServer([], makeUser({ language: 'en' })));
    renderApp('/', { language: 'en' });
    fireEvent.click(await bell('Notifications'));
    expect(await screen.findByText('No notifications yet.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Mark all as read' }).disabled).toBe(true);
  });

  it('asks the server again every 30 seconds and shows the new count', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const items = [makeNotification({ id: 1 })];
    const server = notificationServer(items, makeUser({ language: 'en' }));
    let count = 1;
    const calls = stubApi({
      ...server,
      'GET /notifications/unread-count': () => json({ unreadCount: count }),
    });
    renderApp('/', { language: 'en' });
    await bell('Notifications: 1 unread');

    count = 4;
    await vi.advanceTimersByTimeAsync(30_000);

    expect(await bell('Notifications: 4 unread')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/notifications/unread-count').length).toBeGreaterThanOrEqual(2);
  });

  it('the user menu turns the email part of my notifications off and on', async () => {
    const calls = stubApi(notificationServer([]));
    renderApp('/', { language: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Menu de Ada Admin' }));
    const toggle = await screen.findByRole<HTMLInputElement>('switch', {
      name: 'M’envoyer mes notifications par e-mail',
    });
    expect(toggle.checked).toBe(true);

    fireEvent.click(toggle);

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/auth/me',
      body: { notifyByEmail: false },
    });
    expect(await screen.findByText('Vous ne recevrez plus vos notifications par e-mail.')).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLInputElement>('switch', { name: 'M’envoyer mes notifications par e-mail' })
          .checked,
      ).toBe(false),
    );
  });
});
