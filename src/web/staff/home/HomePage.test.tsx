import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { json, makeUser, renderApp, stubApi } from '../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const stats = {
  byStatus: { unread: 4, read: 2, assigned: 3, in_progress: 5, waiting: 1, closed: 1200, deleted: 7 },
  myOpen: 3,
  unread: 4,
  overdue: 2,
};

function signedIn(language: 'fr' | 'en', permissions: Permission[] = ['ticket.read', 'ticket.write']) {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language, permissions }), csrfToken: 'csrf' }),
    'GET /tickets/stats': () => json(stats),
  };
}

describe('home page', () => {
  it('keeps the greeting and shows my open, unread and overdue counts, each opening the filtered list', async () => {
    stubApi(signedIn('fr'));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Bonjour, Ada Admin' })).toBeTruthy();
    const cards = {
      'Mes tickets ouverts: 3': '/tickets?assignee=me',
      'Tickets non lus: 4': '/tickets?status=unread',
      'Tickets en retard: 2': '/tickets?overdue=true',
    };
    for (const [name, href] of Object.entries(cards)) {
      expect((await screen.findByRole('link', { name })).getAttribute('href')).toBe(href);
    }
  });

  it('counts tickets by status in the interface language, deleted ones left out of the total', async () => {
    stubApi(signedIn('en'));
    renderApp('/', { language: 'en' });
    expect(await screen.findByText('Tickets by status')).toBeTruthy();
    const closed = await screen.findByRole('link', { name: /Closed/ });
    expect(closed.textContent).toBe('Closed1,200');
    expect(closed.getAttribute('href')).toBe('/tickets?status=closed');
    expect(screen.queryByRole('link', { name: /Deleted/ })).toBeNull();
    expect(screen.getByText('1,215')).toBeTruthy();
  });

  it('asks for no statistics when the user cannot read tickets', async () => {
    const calls = stubApi(signedIn('fr', []));
    renderApp('/');
    await screen.findByRole('heading', { name: 'Bonjour, Ada Admin' });
    expect(calls.some((c) => c.path === '/tickets/stats')).toBe(false);
    expect(screen.queryByText('Tickets par statut')).toBeNull();
  });
});
