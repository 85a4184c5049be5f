import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, makeUser, renderApp, stubApi } from '../../test-utils.js';

const noSession = {
  'GET /auth/me': () => apiError(401, 'unauthenticated', 'No'),
  'GET /auth/setup': () => json({ setupRequired: true }),
};

describe('first-time setup and set-password pages', () => {
  it('first-time setup creates the administrator with the token and signs them in', async () => {
    const calls = stubApi({
      ...noSession,
      'POST /auth/setup': () =>
        json({ user: makeUser({ name: 'Grace Hopper', language: 'en' }), csrfToken: 'c' }),
    });
    renderApp('/setup?token=tok-1', { language: 'fr' });
    await screen.findByRole('heading', { name: 'Bienvenue dans Guichet' });
    fireEvent.change(screen.getByLabelText('Nom complet'), { target: { value: 'Grace Hopper' } });
    fireEvent.change(screen.getByLabelText('Adresse e-mail'), { target: { value: 'grace@example.test' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the administrator' }));

    expect(await screen.findByRole('heading', { name: 'Hello, Grace Hopper' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/auth/setup' && c.method === 'POST')?.body).toEqual({
      token: 'tok-1',
      email: 'grace@example.test',
      name: 'Grace Hopper',
      password: 'a long password',
      language: 'en',
    });
  });

  it('first-time setup checks the password length before calling the server', async () => {
    const calls = stubApi(noSession);
    renderApp('/setup?token=tok-1', { language: 'fr' });
    fireEvent.change(await screen.findByLabelText(/^Mot de passe/), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’administrateur' }));
    expect(document.body.textContent).toContain('Trop court\u00a0: au moins 10 caractères');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('an invalid setup token is explained', async () => {
    stubApi({
      ...noSession,
      'POST /auth/setup': () => apiError(410, 'setup_token_invalid', 'Invalid token'),
    });
    renderApp('/setup?token=old', { language: 'en' });
    fireEvent.change(await screen.findByLabelText('Full name'), { target: { value: 'G' } });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'g@example.test' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the administrator' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This setup link is invalid or has expired',
    );
  });

  it('setting a password from a link sends token and password, then shows the login page with a confirmation', async () => {
    const calls = stubApi({ ...noSession, 'POST /auth/password': () => json({ ok: true }) });
    renderApp('/set-password?token=pw-1', { language: 'fr' });
    fireEvent.change(await screen.findByLabelText(/^Nouveau mot de passe/), {
      target: { value: 'a long password' },
    });
    fireEvent.change(screen.getByLabelText('Confirmer le mot de passe'), {
      target: { value: 'a long password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    expect(
      await screen.findByText('Votre mot de passe est enregistré. Vous pouvez vous connecter.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Connexion' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/auth/password')?.body).toEqual({
      token: 'pw-1',
      password: 'a long password',
    });
  });

  it('a used or expired set-password link is explained', async () => {
    stubApi({
      ...noSession,
      'POST /auth/password': () => apiError(400, 'password_token_invalid', 'Invalid'),
    });
    renderApp('/set-password?token=used', { language: 'en' });
    fireEvent.change(await screen.findByLabelText(/^New password/), { target: { value: 'a long password' } });
    fireEvent.change(screen.getByLabelText('Confirm the password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the password' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This link is invalid, already used or expired',
    );
  });
});
