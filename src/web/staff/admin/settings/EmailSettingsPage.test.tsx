import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, makeUser, renderApp, stubApi } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const saved = {
  'mail.smtp.host': 'smtp.example.com',
  'mail.smtp.port': 587,
  'mail.smtp.security': 'starttls',
  'mail.smtp.user': 'guichet',
  'mail.smtp.password': true,
  'mail.from': 'support@company.example',
  'mail.fromName': 'Support',
  'mail.noticeOnAssign': false,
  'mail.noticeOnClose': false,
};

function session(language: 'fr' | 'en' = 'fr') {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /settings': () => json(saved),
  };
}

describe('email settings page', () => {
  it('never shows the stored password, and sends only what changed, the new password included', async () => {
    const calls = stubApi({
      ...session(),
      'PATCH /settings': (call) => json({ ...saved, ...(call.body as object), 'mail.smtp.password': true }),
    });
    renderApp('/admin/email');
    expect(await screen.findByText('Un mot de passe est enregistré.')).toBeTruthy();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Serveur').value).toBe('smtp.example.com');

    fireEvent.change(screen.getByLabelText('Serveur'), { target: { value: 'mail.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 's3cret!' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Prévenir le client quand son ticket est assigné' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      'mail.smtp.host': 'mail.example.org',
      'mail.smtp.password': 's3cret!',
      'mail.noticeOnAssign': true,
    });
  });

  it('an invalid support address blocks saving', async () => {
    const calls = stubApi(session());
    renderApp('/admin/email');
    const from = await screen.findByLabelText(/Adresse du support/);
    fireEvent.change(from, { target: { value: 'not-an-address' } });
    expect(await screen.findByText('Une adresse e-mail valide')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('the test email reports success, and the server’s reason when SMTP refuses', async () => {
    let fail = false;
    const calls = stubApi({
      ...session('en'),
      'POST /settings/mail/test': () =>
        fail
          ? apiError(422, 'smtp_failed', 'The SMTP server refused: connect ECONNREFUSED', {
              reason: 'connect ECONNREFUSED 127.0.0.1:587',
            })
          : json({ ok: true, messageId: '<test.1@guichet.test>' }),
    });
    renderApp('/admin/email', { language: 'en' });
    fireEvent.change(await screen.findByLabelText('Recipient'), { target: { value: 'ops@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send a test email' }));
    expect(await screen.findByText('Test email sent to ops@example.test.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ to: 'ops@example.test' });

    fail = true;
    fireEvent.click(screen.getByRole('button', { name: 'Send a test email' }));
    expect(await screen.findByText('Sending failed: connect ECONNREFUSED 127.0.0.1:587')).toBeTruthy();
  });
});
