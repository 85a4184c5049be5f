import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, makeUser, renderApp } from '../../test-utils.js';
import { baseRoutes, makeTicket, stubRoutes, typeRichText } from './testing.js';

configure({ asyncUtilTimeout: 5000 });

const acme = {
  id: 7,
  name: 'Acme Industries',
  code: 'ACME',
  email: 'it@acme.example',
  phone: null,
  address: null,
  notes: null,
  contactCount: 1,
  openTicketCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function routes(language: 'fr' | 'en' = 'fr') {
  return {
    ...baseRoutes(makeUser({ language })),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
    'GET /thirdparties/7': () => json(acme),
    'GET /thirdparties': () => json({ items: [acme], nextCursor: null, total: 1 }),
    'GET /contacts': () =>
      json({
        items: [{ id: 3, thirdpartyId: 7, thirdpartyName: 'Acme Industries', name: 'Carla Contact' }],
        nextCursor: null,
        total: 1,
      }),
    'POST /tickets': () => json(makeTicket({ id: 42, ref: 'TS2611-0042' }), 201),
    'GET /tickets/42': () => json(makeTicket({ id: 42, ref: 'TS2611-0042' })),
    'GET /tickets/42/messages': () => json({ items: [], nextCursor: null, total: 0 }),
  };
}

describe('new ticket form', () => {
  it('says in French what is missing and sends nothing', async () => {
    const calls = stubRoutes(routes('fr'));
    renderApp('/tickets/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Créer le ticket' }));
    expect(await screen.findAllByText('Champ obligatoire')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('says it in English for an English-speaking user, and refuses an overlong subject', async () => {
    stubRoutes(routes('en'));
    renderApp('/tickets/new', { language: 'en' });
    fireEvent.change(await screen.findByLabelText(/Subject/), { target: { value: 'x'.repeat(256) } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the ticket' }));
    expect(await screen.findByText('At most 255 characters')).toBeTruthy();
    expect(screen.getByText('Required')).toBeTruthy();
  });

  it('creates the ticket with the dictionary defaults and the customer from the link, then opens it', async () => {
    const calls = stubRoutes(routes('fr'));
    renderApp('/tickets/new?thirdpartyId=7');
    const form = await screen.findByRole('form', { name: 'Nouveau ticket' });
    await waitFor(() =>
      expect(
        within(form).getByLabelText<HTMLInputElement>('Client', { selector: 'input:not([type=hidden])' })
          .value,
      ).toBe('Acme Industries'),
    );
    fireEvent.change(within(form).getByLabelText(/Sujet/), { target: { value: '  Label printer offline ' } });
    typeRichText(within(form).getByRole('textbox', { name: /Description/ }), 'It stopped this morning.');
    fireEvent.click(within(form).getByRole('radio', { name: 'Téléphone' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Créer le ticket' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      subject: 'Label printer offline',
      message: '<p>It stopped this morning.</p>',
      origin: 'phone',
      typeCode: 'HELP',
      categoryCode: 'OTHER',
      severityCode: 'NORMAL',
      thirdpartyId: 7,
      contactId: null,
      assigneeId: null,
    });
    expect(await screen.findByText('Ticket TS2611-0042 créé.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Printer jams on every page' })).toBeTruthy();
  });
});
