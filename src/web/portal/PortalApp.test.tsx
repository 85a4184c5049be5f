import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY, initialLanguage } from './i18n/i18n.js';
import { apiError, json, makeConfig, makeTicket, renderPortal, stubPortalApi } from './portal.testing.js';

configure({ asyncUtilTimeout: 5000 });

beforeEach(() => localStorage.clear());

describe('portal language', () => {
  it('starts in the browser’s language, switches on demand, and remembers the choice', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'fr']);
    stubPortalApi({ 'GET /config': () => json(makeConfig()) });
    renderPortal('/portal', initialLanguage());
    expect(await screen.findByRole('heading', { name: 'Assistance Acme' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('link', { name: /Ouvrir un ticket/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Acme Support' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Open a ticket/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(initialLanguage()).toBe('en'); // the next visit, whatever the browser says
    expect(screen.getByRole('button', { name: 'Français' }).getAttribute('lang')).toBe('fr');
  });
});

describe('portal home', () => {
  it('shows the configured text as plain text, never as HTML', async () => {
    const homeText = { fr: 'Bonjour <b>à tous</b>\n<img src=x onerror=alert(1)>', en: 'Hi' };
    stubPortalApi({ 'GET /config': () => json(makeConfig({ homeText })) });
    const { container } = renderPortal('/portal');
    const text = await screen.findByText(/Bonjour <b>à tous<\/b>/);
    expect(text.textContent).toBe(homeText.fr);
    expect(container.querySelector('main b, main img')).toBeNull();
    expect(screen.getByRole('link', { name: /Suivre un ticket/ }).getAttribute('href')).toBe(
      '/portal/follow',
    );
  });

  it('navigates in place and moves the focus to the new page’s title, as a page load would', async () => {
    const calls = stubPortalApi({ 'GET /config': () => json(makeConfig()) });
    renderPortal('/portal');
    fireEvent.click(await screen.findByRole('link', { name: /Ouvrir un ticket/ }));
    const title = await screen.findByRole('heading', { name: 'Ouvrir un ticket' });
    expect(location.pathname).toBe('/portal/new');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(document.title).toBe('Ouvrir un ticket – Assistance Acme');
    expect(calls.filter((c) => c.path === '/config')).toHaveLength(1); // no reload
  });

  it('says the portal is closed, on every page, when it is disabled', async () => {
    stubPortalApi({ 'GET /config': () => json(makeConfig({ enabled: false })) });
    renderPortal('/portal/new');
    expect(await screen.findByRole('heading', { name: 'Le portail est fermé' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Envoyer le ticket' })).toBeNull();
  });
});

describe('following a ticket', () => {
  it('opens the ticket with key and email, in place', async () => {
    const calls = stubPortalApi({
      'GET /config': () => json(makeConfig()),
      'POST /session': () => json({ ticket: makeTicket() }),
      'GET /tickets/K7QX2M4P9R': () => json(makeTicket()),
      'GET /tickets/K7QX2M4P9R/messages': () => json({ items: [] }),
      'GET /tickets/K7QX2M4P9R/documents': () => json({ items: [] }),
    });
    renderPortal('/portal/follow?key=K7QX2M4P9R');
    expect((await screen.findByLabelText<HTMLInputElement>(/Clé de suivi/)).value).toBe('K7QX2M4P9R');
    fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: 'ada@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher le ticket' }));
    expect(await screen.findByRole('heading', { name: 'The printer jams' })).toBeTruthy();
    expect(location.pathname).toBe('/portal/t/K7QX2M4P9R');
    const post = calls.find((c) => c.path === '/session');
    expect(post?.body).toEqual({ trackId: 'K7QX2M4P9R', email: 'ada@example.test' });
    expect(post?.headers['x-guichet-portal']).toBe('1');
  });

  it('gives the same translated answer for an unknown key, and the waiting time when throttled', async () => {
    let answer = apiError(404, 'portal_ticket_not_found');
    stubPortalApi({ 'GET /config': () => json(makeConfig()), 'POST /session': () => answer });
    renderPortal('/portal/follow', 'en');
    fireEvent.change(await screen.findByLabelText(/Tracking key/), { target: { value: 'NOPE' } });
    fireEvent.change(screen.getByLabelText(/Email address/), { target: { value: 'x@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show the ticket' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('No ticket matches this tracking key and email address.');
    await waitFor(() => expect(document.activeElement).toBe(alert));

    answer = apiError(429, 'too_many_requests', undefined, { 'retry-after': '30' });
    fireEvent.click(screen.getByRole('button', { name: 'Show the ticket' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Too many requests. Try again in 30 s.'),
    );
  });
});

describe('ticket view', () => {
  const ticketRoutes = (ticket = makeTicket()) => ({
    'GET /config': () => json(makeConfig()),
    'GET /tickets/K7QX2M4P9R': () => json(ticket),
    'GET /tickets/K7QX2M4P9R/messages': () =>
      json({
        items: [
          {
            id: 2,
            author: { kind: 'staff', name: 'Bob Tech' },
            body: '<p>Please restart it.</p>',
            createdAt: '2026-11-21T10:00:00.000Z',
            attachments: [
              {
                id: 9,
                filename: 'guide.pdf',
                mimeType: 'application/pdf',
                size: 2048,
                createdAt: '2026-11-21T10:00:00.000Z',
              },
            ],
          },
        ],
      }),
    'GET /tickets/K7QX2M4P9R/documents': () => json({ items: [] }),
  });

  it('opens the session of a signed link first, then takes the sig out of the address bar', async () => {
    const calls = stubPortalApi({
      ...ticketRoutes(),
      'POST /session/link': () => json({ ticket: makeTicket() }),
    });
    renderPortal('/portal/t/K7QX2M4P9R?sig=abc123');
    expect(await screen.findByRole('heading', { name: 'The printer jams' })).toBeTruthy();
    expect(calls.filter((c) => c.path === '/session/link').map((c) => c.body)).toEqual([
      { trackId: 'K7QX2M4P9R', sig: 'abc123' },
    ]);
    const link = calls.findIndex((c) => c.path === '/session/link');
    const ticket = calls.findIndex((c) => c.path === '/tickets/K7QX2M4P9R');
    expect(link).toBeLessThan(ticket);
    expect(location.search).toBe('');
    expect(screen.getByText('En attente de votre réponse')).toBeTruthy();
    expect(screen.getByText('Imprimante')).toBeTruthy();
    expect(screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Avancement' }).value).toBe(40);
    expect(screen.getByText('Please restart it.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Télécharger guide\.pdf/ }).getAttribute('href')).toBe(
      '/api/v1/portal/tickets/K7QX2M4P9R/documents/9',
    );
  });

  it('closes the ticket only after the confirmation', async () => {
    const calls = stubPortalApi({
      ...ticketRoutes(),
      'POST /tickets/K7QX2M4P9R/close': () =>
        json(
          makeTicket({
            status: 'closed',
            canReply: false,
            canClose: false,
            progress: 100,
            closedAt: '2026-11-22T08:00:00.000Z',
          }),
        ),
    });
    renderPortal('/portal/t/K7QX2M4P9R', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Close my ticket' }));
    expect(calls.some((c) => c.path.endsWith('/close'))).toBe(false);
    expect(screen.getByText('Close this ticket? You will no longer be able to answer it here.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, close it' }));
    expect(await screen.findByText('Your ticket is closed. Thank you!')).toBeTruthy();
    expect(screen.getByText('Closed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close my ticket' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /Your message/ })).toBeNull();
  });

  it('sends a reply and shows a closed ticket’s refusal in the visitor’s language', async () => {
    const calls = stubPortalApi({
      ...ticketRoutes(),
      'POST /tickets/K7QX2M4P9R/messages': () => apiError(409, 'ticket_not_open'),
    });
    renderPortal('/portal/t/K7QX2M4P9R');
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer' }));
    expect(await screen.findByText('Écrivez un message.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Votre message/ }), {
      target: { value: 'Still jams.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Ce ticket est clôturé/);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Still jams.', attachmentIds: [] });
  });
});

describe('personalized link', () => {
  it('shows the customer, its tickets with their status, and a form offering its contacts', async () => {
    const calls = stubPortalApi({
      'GET /config': () => json(makeConfig()),
      'POST /session/customer': () =>
        json({
          name: 'Acme Industries',
          contacts: [{ id: 5, name: 'Carla Contact' }],
          tickets: [
            {
              trackId: 'K7QX2M4P9R',
              ref: 'TS2611-0042',
              subject: 'The printer jams',
              status: 'in_progress',
              createdAt: '2026-11-20T09:30:00.000Z',
              updatedAt: '2026-11-21T10:00:00.000Z',
            },
          ],
        }),
    });
    renderPortal('/portal/c/secret-token', 'en');
    expect(await screen.findByRole('heading', { name: 'Customer space: Acme Industries' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/session/customer')?.body).toEqual({ token: 'secret-token' });
    expect(screen.getByRole('link', { name: /The printer jams/ }).getAttribute('href')).toBe(
      '/portal/t/K7QX2M4P9R',
    );
    expect(screen.getByText('In progress')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open a ticket' }));
    const contact = await screen.findByLabelText('Contact');
    expect(Array.from((contact as HTMLSelectElement).options).map((o) => o.textContent)).toEqual([
      'Me (no particular contact)',
      'Carla Contact',
    ]);
  });

  it('says a revoked link no longer works', async () => {
    stubPortalApi({
      'GET /config': () => json(makeConfig()),
      'POST /session/customer': () => apiError(404, 'portal_link_not_found'),
    });
    renderPortal('/portal/c/old-token');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ce lien n’est plus valable. Demandez-nous un nouveau lien.',
    );
  });
});
