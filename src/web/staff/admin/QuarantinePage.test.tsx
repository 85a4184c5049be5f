import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IngestResult, QuarantinedMail } from '../../../common/schemas/inbox.schema.js';
import { json, makeUser, renderApp, stubApi, type RecordedCall } from '../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const mail = (id: number, overrides: Partial<QuarantinedMail> = {}): QuarantinedMail => ({
  id,
  mailbox: 'support@imap.example.com/INBOX',
  receivedAt: '2026-11-28T09:00:00.000Z',
  from: 'Jeanne Dupont <jeanne@dupont.fr>',
  subject: `Panne n°${id}`,
  messageId: `<m${id}@dupont.fr>`,
  reason: 'unparseable',
  error: 'Unexpected end of multipart body',
  size: 2048,
  attempts: 1,
  ...overrides,
});

const firstPage = [
  mail(3, { reason: 'no_sender', from: null, error: null }),
  mail(2, { reason: 'too_large', size: 30 * 1024 * 1024, attempts: 3 }),
];
const secondPage = [mail(1, { reason: 'import_failed', subject: null, error: 'Customer lookup failed' })];

function server(language: 'fr' | 'en', routes: Record<string, (call: RecordedCall) => Response> = {}) {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /settings/mail/quarantine?limit=25': () => json({ items: firstPage, total: 3, nextCursor: 'c2' }),
    'GET /settings/mail/quarantine?limit=25&cursor=c2': () =>
      json({ items: secondPage, total: 3, nextCursor: null }),
    ...routes,
  };
}

const row = (name: string) => {
  const tr = screen.getByText(name).closest('tr');
  if (!tr) throw new Error(`no row for ${name}`);
  return within(tr);
};

describe('email quarantine', () => {
  it('lists the kept messages with their reason, size and attempts, then the next page on "more"', async () => {
    const calls = stubApi(server('fr'));
    renderApp('/admin/email/quarantine');
    expect(await screen.findByText('Panne n°3')).toBeTruthy();
    expect(row('Panne n°3').getByText('Pas d’expéditeur utilisable')).toBeTruthy();
    expect(row('Panne n°3').getByText('(expéditeur inconnu)')).toBeTruthy();
    expect(row('Panne n°2').getByText('Message trop volumineux')).toBeTruthy();
    expect(row('Panne n°2').getByText('Jeanne Dupont <jeanne@dupont.fr>')).toBeTruthy();
    expect(row('Panne n°2').getByText('3')).toBeTruthy();
    expect(row('Panne n°2').getByText(/^30([,.]0)?\sMo$/)).toBeTruthy();
    const download = row('Panne n°2').getByRole('link', { name: /Télécharger le \.eml de «\sPanne n°2\s»/ });
    expect(download.getAttribute('href')).toBe('/api/v1/settings/mail/quarantine/2/raw');
    expect(screen.getByText('3 messages en quarantaine')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('Échec de l’import')).toBeTruthy();
    expect(row('(sans objet)').getByText('Customer lookup failed')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/settings/mail/quarantine?limit=25&cursor=c2');
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });

  it('reasons read in English for an English user', async () => {
    stubApi(server('en'));
    renderApp('/admin/email/quarantine', { language: 'en' });
    expect(await screen.findByText('No usable sender')).toBeTruthy();
    expect(screen.getByText('Message too large')).toBeTruthy();
    expect(screen.getByText('(unknown sender)')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Attempts' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Import failed')).toBeTruthy();
    expect(screen.getByText('(no subject)')).toBeTruthy();
  });

  it('with nothing kept aside, says so', async () => {
    stubApi(
      server('fr', {
        'GET /settings/mail/quarantine?limit=25': () => json({ items: [], total: 0, nextCursor: null }),
      }),
    );
    renderApp('/admin/email/quarantine');
    expect(await screen.findByText('Aucun message en quarantaine.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('a retry that imports shows the ticket with its link, and the message leaves the list', async () => {
    let imported = false;
    const calls = stubApi(
      server('fr', {
        'GET /settings/mail/quarantine?limit=25': () =>
          json({
            items: imported ? firstPage.slice(1) : firstPage,
            total: imported ? 1 : 2,
            nextCursor: null,
          }),
        'POST /settings/mail/quarantine/3/retry': () => {
          imported = true;
          return json({
            outcome: 'created',
            ticketId: 42,
            ticketRef: 'TS2611-0042',
            reason: null,
          } satisfies IngestResult);
        },
      }),
    );
    renderApp('/admin/email/quarantine');
    await screen.findByText('Panne n°3');
    fireEvent.click(row('Panne n°3').getByRole('button', { name: /Réessayer l’import de «\sPanne n°3\s»/ }));

    const outcome = await screen.findByRole('status');
    expect(outcome.textContent).toContain('Message importé\u00a0: le ticket TS2611-0042 a été créé.');
    expect(
      within(outcome).getByRole('link', { name: 'Ouvrir le ticket TS2611-0042' }).getAttribute('href'),
    ).toBe('/tickets/42');
    await waitFor(() => expect(screen.queryByText('Panne n°3')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/settings/mail/quarantine/3/retry');
  });

  it('a retry says why a message was ignored, or why it stays in quarantine', async () => {
    let answer: IngestResult = { outcome: 'ignored', ticketId: null, ticketRef: null, reason: 'auto_reply' };
    stubApi(server('en', { 'POST /settings/mail/quarantine/2/retry': () => json(answer) }));
    renderApp('/admin/email/quarantine', { language: 'en' });
    await screen.findByText('Panne n°2');
    const retry = () =>
      fireEvent.click(row('Panne n°2').getByRole('button', { name: 'Retry the import of “Panne n°2”' }));

    retry();
    expect((await screen.findByRole('status')).textContent).toContain('Message ignored: automatic reply.');
    expect(screen.queryByRole('link', { name: /Open ticket/ })).toBeNull();

    answer = { outcome: 'quarantined', ticketId: null, ticketRef: null, reason: 'too_large' };
    retry();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Still in quarantine: Message too large.'),
    );
  });

  it('delete asks first: cancelling keeps the message, confirming deletes it', async () => {
    let deleted = false;
    const calls = stubApi(
      server('fr', {
        'GET /settings/mail/quarantine?limit=25': () =>
          json({
            items: deleted ? firstPage.slice(0, 1) : firstPage,
            total: deleted ? 1 : 2,
            nextCursor: null,
          }),
        'DELETE /settings/mail/quarantine/2': () => {
          deleted = true;
          return new Response(null, { status: 204 });
        },
      }),
    );
    renderApp('/admin/email/quarantine');
    await screen.findByText('Panne n°2');
    const askDelete = () =>
      fireEvent.click(row('Panne n°2').getByRole('button', { name: /Supprimer «\sPanne n°2\s»/ }));

    askDelete();
    let dialog = await screen.findByRole('dialog', { name: 'Supprimer ce message\u00a0?' });
    expect(dialog.textContent).toContain('Jeanne Dupont <jeanne@dupont.fr> sera supprimé définitivement');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    askDelete();
    dialog = await screen.findByRole('dialog', { name: 'Supprimer ce message\u00a0?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText('Message supprimé de la quarantaine.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Panne n°2')).toBeNull());
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/settings/mail/quarantine/2');
    expect(screen.getByText('Panne n°3')).toBeTruthy();
  });

  it('the administration page links to the quarantine', async () => {
    stubApi(server('fr'));
    renderApp('/admin');
    const link = await screen.findByRole('link', { name: /Quarantaine des e-mails/ });
    expect(link.getAttribute('href')).toBe('/admin/email/quarantine');
  });

  it('refuses a user without the admin permission', async () => {
    const calls = stubApi({
      ...server('fr'),
      'GET /auth/me': () => json({ user: makeUser({ permissions: ['ticket.read'] }), csrfToken: 'csrf' }),
    });
    renderApp('/admin/email/quarantine');
    expect(await screen.findByText('Accès refusé')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/settings/mail/quarantine'))).toBe(false);
  });
});
