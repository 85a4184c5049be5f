import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, makeUser, renderApp, stubApi } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const saved = {
  'portal.enabled': false,
  'portal.publicUrl': '',
  'portal.title.fr': 'Assistance',
  'portal.title.en': 'Support',
  'portal.homeText.fr': '',
  'portal.homeText.en': '',
  'portal.helpText.fr': '',
  'portal.helpText.en': '',
  'portal.ticketsPerIpPerMonth': 20,
  'portal.captcha': false,
  'portal.showDuration': false,
  'notifications.groupId': null,
  'tickets.reopenOnReplyDays': 30,
  'tickets.delayFirstResponseHours': 24,
  'tickets.delaySinceLastResponseHours': 72,
};

function routes(language: 'fr' | 'en' = 'fr') {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /settings': () => json(saved),
    'GET /groups': () =>
      json({
        items: [
          {
            id: 7,
            name: 'Support N1',
            description: '',
            permissions: [],
            memberIds: [],
            createdAt: '',
            updatedAt: '',
          },
        ],
      }),
  };
}

describe('parameters page', () => {
  it('turns the portal on, sets its address, texts and the notification group, and saves just that', async () => {
    const calls = stubApi({
      ...routes(),
      'PATCH /settings': (call) => json({ ...saved, ...(call.body as object) }),
    });
    renderApp('/admin/parameters');
    fireEvent.click(await screen.findByRole('switch', { name: /Portail activé/ }));
    fireEvent.change(screen.getByLabelText(/Adresse publique du portail/), {
      target: { value: 'https://support.dupont.fr' },
    });
    fireEvent.change(screen.getByLabelText('Titre du portail'), { target: { value: 'SAV Dupont' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Anglais' }));
    fireEvent.change(await screen.findByLabelText('Titre du portail'), {
      target: { value: 'Dupont support' },
    });
    fireEvent.click(screen.getByLabelText(/Groupe notifié/, { selector: 'input:not([type=hidden])' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Support N1' }));
    fireEvent.change(screen.getByLabelText(/Délai de première réponse/), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      'portal.enabled': true,
      'portal.publicUrl': 'https://support.dupont.fr',
      'portal.title.fr': 'SAV Dupont',
      'portal.title.en': 'Dupont support',
      'notifications.groupId': 7,
      'tickets.delayFirstResponseHours': 8,
    });
    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
  });

  it('an address that is not a URL is flagged and not sent; a refusal by the server marks its field', async () => {
    const calls = stubApi({
      ...routes('en'),
      'PATCH /settings': () =>
        apiError(400, 'validation_error', 'Invalid input', {
          issues: [{ path: 'body.portal.ticketsPerIpPerMonth', message: 'Too big: expected at most 100000' }],
        }),
    });
    renderApp('/admin/parameters', { language: 'en' });
    const url = await screen.findByLabelText(/Public portal address/);
    fireEvent.change(url, { target: { value: 'support.dupont.fr' } });
    expect(await screen.findByText('A full address starting with https:// or http://')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(url, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Tickets per IP address per month'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Too big: expected at most 100000')).toBeTruthy();
  });
});
