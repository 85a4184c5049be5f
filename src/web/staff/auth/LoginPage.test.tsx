import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, makeUser, renderApp, stubApi } from '../../test-utils.js';

const signedOut = {
  'GET /auth/me': () => apiError(401, 'unauthenticated', 'Not signed in'),
  'GET /auth/setup': () => json({ setupRequired: false }),
};

function fillAndSubmit(
  email: string,
  password: string,
  labels = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
) {
  fireEvent.change(screen.getByLabelText(labels.email), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: labels.submit }));
}

describe('login page', () => {
  it('shows the French error message when the server answers 401 invalid_credentials', async () => {
    const calls = stubApi({
      ...signedOut,
      'POST /auth/login': () => apiError(401, 'invalid_credentials', 'Invalid email or password'),
    });
    renderApp('/login', { language: 'fr' });
    await screen.findByRole('heading', { name: 'Connexion' });
    fillAndSubmit('ada@example.test', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Adresse e-mail ou mot de passe invalide.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'ada@example.test',
      password: 'wrong password',
    });
    expect(screen.getByRole('heading', { name: 'Connexion' })).toBeTruthy();
  });

  it('after too many attempts (429) says how many seconds to wait and holds the button', async () => {
    stubApi({
      ...signedOut,
      'POST /auth/login': () =>
        apiError(
          429,
          'too_many_requests',
          'Too many attempts',
          { retryAfterSeconds: 42 },
          { 'retry-after': '42' },
        ),
    });
    renderApp('/login', { language: 'fr' });
    await screen.findByRole('heading', { name: 'Connexion' });
    fillAndSubmit('ada@example.test', 'whatever1234');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Trop de tentatives. Réessayez dans 42\u00a0s.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Se connecter' }).disabled).toBe(true);
  });

  it('uses the Retry-After header when the 429 has no details, in English too', async () => {
    stubApi({
      ...signedOut,
      'POST /auth/login': () =>
        apiError(429, 'too_many_requests', 'Too many attempts', undefined, { 'retry-after': '7' }),
    });
    renderApp('/login', { language: 'en' });
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('ada@example.test', 'whatever1234', {
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts. Retry in 7 s.');
  });

  it('the language switch changes the visible texts at once, without calling the server', async () => {
    const calls = stubApi(signedOut);
    renderApp('/login', { language: 'fr' });
    await screen.findByRole('heading', { name: 'Connexion' });
    expect(screen.getByLabelText('Mot de passe')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('Connexion')).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('asks for the missing fields instead of calling the server', async () => {
    const calls = stubApi(signedOut);
    renderApp('/login', { language: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect(screen.getAllByText('Champ obligatoire')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('sends an unauthenticated visitor to login, then back to the page asked for, in the user’s language', async () => {
    let signedIn = false;
    stubApi({
      'GET /auth/me': () =>
        signedIn
          ? json({ user: makeUser({ language: 'en' }), csrfToken: 'c1' })
          : apiError(401, 'unauthenticated', 'No'),
      'GET /auth/setup': () => json({ setupRequired: false }),
      'POST /auth/login': () => {
        signedIn = true;
        return json({ user: makeUser({ language: 'en' }), csrfToken: 'c1' });
      },
    });
    renderApp('/customers', { language: 'fr' });

    await screen.findByRole('heading', { name: 'Connexion' });
    fillAndSubmit('ada@example.test', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Customers' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' })).toBeTruthy();
  });

  it('tells the visitor when the first administrator is still to be created', async () => {
    stubApi({ ...signedOut, 'GET /auth/setup': () => json({ setupRequired: true }) });
    renderApp('/login', { language: 'en' });
    expect(await screen.findByText('Setup to complete')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/setup link printed in the server console/)).toBeTruthy());
  });
});
