import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  json,
  makeConfig,
  makeTicket,
  renderPortal,
  stubPortalApi,
  UploadingXhr,
  type PortalCall,
} from '../portal.testing.js';

configure({ asyncUtilTimeout: 5000 });

const created = { ref: 'TS2611-0042', trackId: 'K7QX2M4P9R', ticket: makeTicket() };

async function openForm(config = makeConfig(), extra: Record<string, (call: PortalCall) => Response> = {}) {
  const calls = stubPortalApi({ 'GET /config': () => json(config), ...extra });
  renderPortal('/portal/new');
  await screen.findByRole('heading', { name: 'Ouvrir un ticket' });
  return calls;
}

const fill = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillRequired() {
  fill(/Adresse e-mail/, 'ada@example.test');
  fill(/Objet/, 'The printer jams');
  fill(/Description/, 'Every page since Monday.');
}

describe('portal new-ticket form', () => {
  it('refuses an empty form without calling the server, focuses the first field in error, and clears an error once corrected', async () => {
    const calls = await openForm();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));
    const email = screen.getByLabelText(/Adresse e-mail/);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Indiquez votre adresse e-mail.')).toBeTruthy();
    expect(screen.getByText('Indiquez l’objet.')).toBeTruthy();
    expect(screen.getByText('Décrivez votre demande.')).toBeTruthy();
    expect(email.getAttribute('aria-describedby')).toContain(
      screen.getByText('Indiquez votre adresse e-mail.').id,
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    // Correcting a field takes its error away; the others stay until they are corrected too.
    fill(/Adresse e-mail/, 'ada@example.test');
    expect(screen.queryByText('Indiquez votre adresse e-mail.')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Indiquez l’objet.')).toBeTruthy();
  });

  it('rejects an address that is not an email and a file over the configured size before sending', async () => {
    const calls = await openForm(makeConfig({ uploads: { maxFileMb: 1, maxFiles: 2 } }));
    fillRequired();
    fill(/Adresse e-mail/, 'ada-at-example');
    const big = new File([new Uint8Array(1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Pièces jointes'), { target: { files: [big] } });
    expect(screen.getByText('Jusqu’à 2 fichiers, 1 Mo au plus chacun.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));
    expect(await screen.findByText('Cette adresse e-mail n’est pas valide.')).toBeTruthy();
    expect(screen.getByText('« huge.pdf » dépasse 1 Mo.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('keeps the honeypot in the form for bots but out of sight, of the keyboard and of screen readers', async () => {
    await openForm();
    const honeypot = screen.getByLabelText('Ne remplissez pas ce champ');
    expect(honeypot.getAttribute('name')).toBe('website');
    expect(honeypot.getAttribute('tabindex')).toBe('-1');
    expect(honeypot.getAttribute('autocomplete')).toBe('off');
    const wrapper = honeypot.closest('[aria-hidden="true"]');
    expect(wrapper).not.toBeNull();
    expect(wrapper?.classList.contains('honeypot')).toBe(true);
    // Not a named textbox for assistive technologies: only the real fields are.
    expect(screen.queryByRole('textbox', { name: 'Ne remplissez pas ce champ' })).toBeNull();
    expect(screen.getAllByRole('textbox').map((e) => e.getAttribute('name'))).not.toContain('website');
  });

  it('sends the ticket with the portal header, uploads each file with its progress, then shows ref and key', async () => {
    UploadingXhr.sent = [];
    UploadingXhr.pending = [];
    vi.stubGlobal('XMLHttpRequest', UploadingXhr);
    const calls = await openForm(makeConfig(), { 'POST /tickets': () => json(created, 201) });
    fillRequired();
    fill('Votre nom', 'Ada');
    fill('Gravité', 'LOW');
    fill('Catégorie', 'PRINT');
    const png = new File([new Uint8Array(10)], 'screen.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Pièces jointes'), { target: { files: [png] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));

    const bar = await screen.findByRole('progressbar', { name: /^Envoi de «.screen\.png.»$/ });
    await waitFor(() => expect((bar as HTMLProgressElement).value).toBe(0.5));
    UploadingXhr.finishAll();
    expect(await screen.findByRole('heading', { name: 'Votre ticket est créé' })).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/tickets');
    expect(post?.headers['x-guichet-portal']).toBe('1');
    expect(post?.body).toEqual({
      email: 'ada@example.test',
      name: 'Ada',
      subject: 'The printer jams',
      message: 'Every page since Monday.',
      typeCode: 'ISSUE',
      categoryCode: 'PRINT',
      severityCode: 'LOW',
      language: 'fr',
    });
    expect(UploadingXhr.sent).toEqual([
      {
        url: '/api/v1/portal/tickets/K7QX2M4P9R/documents',
        headers: expect.objectContaining({ 'x-guichet-portal': '1' }) as unknown,
        files: ['screen.png'],
      },
    ]);
    expect(screen.getByText('TS2611-0042')).toBeTruthy();
    expect(screen.getByText('K7QX2M4P9R')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copier la clé' })).toBeTruthy();
    expect(screen.getByText(/Un e-mail de confirmation a été envoyé à ada@example\.test/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voir mon ticket' }).getAttribute('href')).toBe(
      '/portal/t/K7QX2M4P9R',
    );
  });

  it('offers categories with their parent and only the dictionaries of the configuration', async () => {
    await openForm();
    const category = screen.getByLabelText('Catégorie');
    expect(
      within(category)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Matériel', 'Matériel › Imprimante']);
    expect(screen.getByLabelText<HTMLSelectElement>('Type').value).toBe('ISSUE');
    expect(screen.getByLabelText<HTMLSelectElement>('Gravité').value).toBe('NORMAL');
  });

  it('shows a field the server refused next to that field, in the visitor’s language', async () => {
    await openForm(makeConfig(), {
      'POST /tickets': () =>
        json(
          {
            error: {
              code: 'validation_error',
              message: 'Invalid input: body.email: Invalid email',
              details: { issues: [{ path: 'body.email', message: 'Invalid email' }] },
            },
          },
          400,
        ),
    });
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));
    expect(await screen.findByText('Le champ « Adresse e-mail » n’est pas valide.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Adresse e-mail/)));
  });
});
