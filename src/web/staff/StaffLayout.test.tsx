import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../common/schemas/user.schema.js';
import { apiError, json, makeUser, renderApp, stubApi } from '../test-utils.js';

function signedInAs(user: User) {
  let current = user;
  return {
    'GET /auth/me': () => json({ user: current, csrfToken: 'csrf-abc' }),
    'PATCH /auth/me': (call: { body: unknown }) => {
      current = { ...current, ...(call.body as Partial<User>) };
      return json({ user: current, csrfToken: 'csrf-abc' });
    },
    'POST /auth/logout': () => json({ ok: true }),
    'GET /auth/setup': () => json({ setupRequired: false }),
  };
}

describe('staff layout', () => {
  it('speaks the user’s stored language, whatever the browser’s', async () => {
    stubApi(signedInAs(makeUser({ language: 'fr' })));
    renderApp('/', { language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Bonjour, Ada Admin' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Accueil' })).toBeTruthy();
  });

  it('the language switch translates the interface at once and stores the language on the user', async () => {
    const calls = stubApi(signedInAs(makeUser({ language: 'fr' })));
    renderApp('/tickets', { language: 'fr' });
    await screen.findByRole('link', { name: 'Clients' });

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('link', { name: 'Customers' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Accueil' })).toBeNull();
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch).toMatchObject({ path: '/auth/me', body: { language: 'en' } });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-abc');
  });

  it('shows Administration in the navigation only to users with the admin permission', async () => {
    stubApi(signedInAs(makeUser({ permissions: ['ticket.read', 'ticket.write'] })));
    renderApp('/', { language: 'fr' });
    await screen.findByRole('link', { name: 'Tickets' });
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('an admin sees Administration in the navigation and can open it', async () => {
    stubApi(signedInAs(makeUser({ permissions: ['admin'] })));
    renderApp('/admin', { language: 'fr' });
    expect(await screen.findByRole('heading', { name: 'Administration' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Administration' }).getAttribute('aria-current')).toBe('page');
  });

  it('a user without admin permission who opens /admin is told access is denied', async () => {
    stubApi(signedInAs(makeUser({ permissions: ['ticket.read'], language: 'en' })));
    renderApp('/admin', { language: 'en' });
    expect(await screen.findByText('Access denied')).toBeTruthy();
  });

  it('logging out calls the API with the CSRF token and returns to the login page', async () => {
    const routes = signedInAs(makeUser());
    const calls = stubApi({
      ...routes,
      'POST /auth/logout': () => {
        routes['GET /auth/me'] = () => apiError(401, 'unauthenticated', 'No');
        return json({ ok: true });
      },
    });
    renderApp('/', { language: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Menu de Ada Admin' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Se déconnecter' }));

    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeTruthy();
    const logout = calls.find((c) => c.path === '/auth/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-abc');
  });

  it('unknown addresses show a page-not-found message inside the layout', async () => {
    stubApi(signedInAs(makeUser({ language: 'en' })));
    renderApp('/no/such/page', { language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to home' })).toBeTruthy();
  });
});
