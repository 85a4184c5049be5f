import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/schemas/ticket.schema.js';
import { apiError, json, makeUser, renderApp } from '../../test-utils.js';
import { abilities, baseRoutes, makeMessage, makeTicket, stubRoutes, typeRichText } from './testing.js';

configure({ asyncUtilTimeout: 5000 });

function ticketRoutes(ticket: Ticket, user = makeUser()) {
  return {
    ...baseRoutes(user),
    'GET /tickets/1': () => json(ticket),
    'GET /tickets/1/messages': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /tickets/1/history': () => json({ items: [] }),
    'GET /tickets/1/documents': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
  };
}

const toolbar = () => screen.getByRole('toolbar', { name: 'Actions sur le ticket' });
const buttonNames = () =>
  within(toolbar())
    .queryAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? b.textContent);

describe('ticket page', () => {
  it('shows only the actions the server’s abilities allow', async () => {
    stubRoutes(ticketRoutes(makeTicket({ abilities: abilities({ close: true, setWaiting: true }) })));
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    expect(buttonNames()).toEqual(['Mettre en attente', 'Clôturer']);
  });

  it('a reader with no ability sees no action button at all', async () => {
    stubRoutes(
      ticketRoutes(makeTicket({ abilities: abilities() }), makeUser({ permissions: ['ticket.read'] })),
    );
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    expect(buttonNames()).toEqual([]);
    expect(screen.queryByRole('form', { name: 'Répondre' })).toBeNull();
  });

  it('a deleted ticket offers restore and, to an administrator, purge only after typing the reference', async () => {
    const calls = stubRoutes({
      ...ticketRoutes(
        makeTicket({ status: 'deleted', abilities: abilities({ restore: true, purge: true }) }),
      ),
      'DELETE /tickets/1?purge=true': () => new Response(null, { status: 204 }),
      'GET /tickets': () => json({ items: [], nextCursor: null, total: 0 }),
    });
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    expect(buttonNames()).toEqual(['Restaurer', 'Plus d’actions']);

    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Plus d’actions' }));
    expect(screen.queryByRole('menuitem', { name: 'Effacer' })).toBeNull();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Supprimer définitivement' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Supprimer définitivement',
    });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/saisissez la référence/), {
      target: { value: 'TS2611-0001' },
    });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(await screen.findByRole('heading', { name: 'Tickets', level: 1 })).toBeTruthy();
  });

  it('offers “assign to me” alone when the server refuses the list of users', async () => {
    const ticket = makeTicket({ version: 2, abilities: abilities({ assign: true }) });
    const calls = stubRoutes({
      ...ticketRoutes(ticket, makeUser({ id: 5, permissions: ['ticket.read', 'ticket.write'] })),
      'GET /users/assignable': () => apiError(403, 'forbidden', 'No'),
      'POST /tickets/1/assign': () => json({ ...ticket, status: 'assigned', assigneeId: 5 }),
    });
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    await waitFor(() => expect(buttonNames()).toEqual(['M’assigner']));
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'M’assigner' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/tickets/1/assign')).toBe(true));
    expect(calls.find((c) => c.path === '/tickets/1/assign')?.body).toEqual({ userId: 5, version: 2 });
  });

  it('opening an unread ticket marks it read, with its version, when the user may', async () => {
    const unread = makeTicket({ status: 'unread', version: 3, abilities: abilities({ markRead: true }) });
    const calls = stubRoutes({
      ...ticketRoutes(unread),
      'POST /tickets/1/read': () => json({ ...unread, status: 'read', version: 4 }),
    });
    renderApp('/tickets/1');
    await waitFor(() => expect(calls.filter((c) => c.path === '/tickets/1/read')).toHaveLength(1));
    expect(calls.find((c) => c.path === '/tickets/1/read')?.body).toEqual({ version: 3 });
    const header = (await screen.findByRole('heading', { name: 'Printer jams on every page' })).parentElement;
    await waitFor(() => expect(within(header as HTMLElement).getByText('Lu')).toBeTruthy());
  });

  it('an unread ticket stays unread for a user who may not mark it', async () => {
    const calls = stubRoutes(ticketRoutes(makeTicket({ status: 'unread', abilities: abilities() })));
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    await screen.findByText('Aucun message pour l’instant.');
    expect(calls.some((c) => c.path === '/tickets/1/read')).toBe(false);
  });

  it('closing asks for the resolution and whether to notify, and sends both with the version', async () => {
    const ticket = makeTicket({ version: 5, contactId: 9, abilities: abilities({ close: true }) });
    const calls = stubRoutes({
      ...ticketRoutes(ticket),
      'POST /tickets/1/close': () => json({ ...ticket, status: 'closed', resolution: 'abandoned' }),
    });
    renderApp('/tickets/1');
    fireEvent.click(await screen.findByRole('button', { name: 'Clôturer' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Abandonné'));
    fireEvent.click(within(dialog).getByLabelText('Prévenir le client par e-mail'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clôturer' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/tickets/1/close')).toBe(true));
    expect(calls.find((c) => c.path === '/tickets/1/close')?.body).toEqual({
      resolution: 'abandoned',
      notifyCustomer: true,
      version: 5,
    });
    expect(await screen.findByText('Ticket clôturé.')).toBeTruthy();
  });

  it('an edit refused as stale reloads the ticket and tells the user someone else changed it', async () => {
    let version = 2;
    const calls = stubRoutes({
      ...ticketRoutes(makeTicket({ abilities: abilities({ update: true }) })),
      'GET /tickets/1': () => json(makeTicket({ version, abilities: abilities({ update: true }) })),
      'PATCH /tickets/1': () => {
        version = 3;
        return apiError(409, 'stale_version', 'The ticket was changed by someone else meanwhile');
      },
    });
    renderApp('/tickets/1');
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    const form = await screen.findByRole('form', { name: 'Modifier le ticket' });
    fireEvent.change(within(form).getByLabelText(/Sujet/), { target: { value: 'Printer jams badly' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText(/Quelqu’un d’autre a modifié ce ticket/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      version: 2,
      subject: 'Printer jams badly',
    });
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'GET' && c.path === '/tickets/1')).toHaveLength(2),
    );
  });

  it('lists messages newest first as the server sends them, private notes marked as such', async () => {
    stubRoutes({
      ...ticketRoutes(makeTicket()),
      'GET /tickets/1/messages': () =>
        json({
          items: [
            makeMessage({ id: 2, private: true, body: '<p>Call them back</p>' }),
            makeMessage({ id: 1, body: '<p>Hello</p>', sendByEmail: true }),
          ],
          nextCursor: null,
          total: 2,
        }),
    });
    renderApp('/tickets/1');
    const articles = await screen.findAllByRole('article');
    expect(articles.map((a) => a.textContent)).toEqual([
      expect.stringContaining('Call them back'),
      expect.stringContaining('Hello'),
    ]);
    expect(within(articles[0] as HTMLElement).getByText('Note privée')).toBeTruthy();
    expect(within(articles[1] as HTMLElement).queryByText('Note privée')).toBeNull();
    expect(within(articles[1] as HTMLElement).getByText('Envoyé par e-mail')).toBeTruthy();
  });
});

describe('message composer', () => {
  const writable = makeTicket({ abilities: abilities({ addMessage: true, addNote: true }) });

  it('sends a public message, by email when ticked', async () => {
    const calls = stubRoutes({
      ...ticketRoutes(writable),
      'POST /tickets/1/messages': () => json(makeMessage(), 201),
    });
    renderApp('/tickets/1');
    const form = await screen.findByRole('form', { name: 'Répondre' });
    typeRichText(within(form).getByRole('textbox', { name: 'Message' }), 'We will come on Monday.');
    fireEvent.click(within(form).getByLabelText('Envoyer aussi par e-mail au client'));
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: '<p>We will come on Monday.</p>',
      private: false,
      sendByEmail: true,
      attachmentIds: [],
    });
    expect(await screen.findByText('Message ajouté.')).toBeTruthy();
  });

  it('sends a private note, never by email, and refuses an empty one', async () => {
    const calls = stubRoutes({
      ...ticketRoutes(writable),
      'POST /tickets/1/messages': () => json(makeMessage({ private: true }), 201),
    });
    renderApp('/tickets/1');
    const form = await screen.findByRole('form', { name: 'Répondre' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Note privée' }));
    expect(within(form).queryByLabelText('Envoyer aussi par e-mail au client')).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la note' }));
    expect(await within(form).findByText('Écrivez un message avant d’envoyer.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    typeRichText(within(form).getByRole('textbox', { name: 'Note interne' }), 'Customer is difficult.');
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la note' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: '<p>Customer is difficult.</p>',
      private: true,
      sendByEmail: false,
      attachmentIds: [],
    });
  });

  it('offers only private notes when public messages are not allowed (a closed ticket)', async () => {
    stubRoutes(ticketRoutes(makeTicket({ status: 'closed', abilities: abilities({ addNote: true }) })));
    renderApp('/tickets/1');
    const form = await screen.findByRole('form', { name: 'Répondre' });
    expect(within(form).queryByRole('radio')).toBeNull();
    expect(within(form).getByRole('button', { name: 'Ajouter la note' })).toBeTruthy();
  });
});
