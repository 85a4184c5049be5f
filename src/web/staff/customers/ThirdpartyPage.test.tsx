import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketListItem } from '../../../common/schemas/ticket.schema.js';
import { apiError, json, makeUser, renderApp, stubApi } from '../../test-utils.js';
import { makeContact, makeThirdparty, page, signedInAs } from './testing.js';

// The first render of the whole app (Mantine, router, queries) can take over a second on a busy machine.
configure({ asyncUtilTimeout: 3000 });

const admin = makeUser({ permissions: ['admin'] });

function makeTicket(overrides: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id: 101,
    ref: 'TS2611-0042',
    trackId: 'ABCDEFGHJKLMNPQR',
    subject: 'Fuite au compteur',
    typeCode: 'ISSUE',
    categoryCode: 'OTHER',
    severityCode: 'HIGH',
    status: 'closed',
    resolution: 'solved',
    origin: 'staff',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    readAt: null,
    closedAt: null,
    elapsedBeforeReadSeconds: null,
    authorUserId: 1,
    authorEmail: null,
    assigneeId: null,
    assigneeName: null,
    thirdpartyId: 7,
    thirdpartyName: 'Société Générale des Eaux',
    contactId: null,
    equipmentId: null,
    progress: 100,
    durationMinutes: 0,
    customFields: {},
    version: 3,
    overdue: false,
    ...overrides,
  };
}

const severities = {
  items: [
    {
      code: 'HIGH',
      label: { fr: 'Haute', en: 'High' },
      position: 30,
      active: true,
      isDefault: false,
      public: false,
      parentCode: null,
      color: '#fd7e14',
      inUse: true,
      updatedAt: '2026-11-01T00:00:00.000Z',
    },
  ],
  nextCursor: null,
  total: 1,
};

const routes = {
  ...signedInAs(admin),
  'GET /thirdparties/7': () => json(makeThirdparty()),
  'GET /contacts?thirdpartyId=7&limit=200': () => page([makeContact()]),
};

describe('third party page', () => {
  it('shows the details and offers a new ticket for this customer', async () => {
    stubApi(routes);
    renderApp('/customers/7');
    expect(await screen.findByRole('heading', { name: 'Société Générale des Eaux' })).toBeTruthy();
    expect(screen.getByText('contact@sge.example')).toBeTruthy();
    const newTicket = screen.getByRole('link', { name: 'Nouveau ticket pour ce client' });
    expect(newTicket.getAttribute('href')).toBe('/tickets/new?thirdpartyId=7');
  });

  it('the Tickets tab lists its tickets, closed included, each linking to the ticket', async () => {
    const calls = stubApi({
      ...routes,
      'GET /tickets?thirdparty=7&status=all&limit=25': () => page([makeTicket()], null, 1),
      'GET /dictionaries/ticket-severities': () => json(severities),
    });
    renderApp('/customers/7');
    fireEvent.click(await screen.findByRole('tab', { name: 'Tickets' }));
    const ref = await screen.findByRole('link', { name: 'TS2611-0042' });
    expect(ref.getAttribute('href')).toBe('/tickets/101');
    const row = ref.closest('tr') as HTMLElement;
    expect(within(row).getByText('Fuite au compteur')).toBeTruthy();
    expect(within(row).getByText('Clôturé')).toBeTruthy();
    expect(await within(row).findByText('Haute')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/tickets?thirdparty=7&status=all&limit=25');
  });

  it('adds a contact through the form', async () => {
    const calls = stubApi({
      ...routes,
      'POST /contacts': (call) => json(makeContact({ id: 4, ...(call.body as object) }), 201),
    });
    renderApp('/customers/7', { language: 'fr' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Contacts (1)' }));
    expect(await screen.findByText('Alice Martin')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau contact' });
    fireEvent.change(within(dialog).getByLabelText(/^Nom/), { target: { value: 'Bruno Petit' } });
    fireEvent.change(within(dialog).getByLabelText('Fonction'), { target: { value: 'Technicien' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      thirdpartyId: 7,
      name: 'Bruno Petit',
      email: null,
      phone: null,
      role: 'Technicien',
    });
  });

  it('explains that a customer with tickets cannot be deleted', async () => {
    stubApi({
      ...signedInAs(makeUser({ permissions: ['admin'], language: 'en' })),
      'GET /thirdparties/7': () => json(makeThirdparty()),
      'DELETE /thirdparties/7': () => apiError(409, 'thirdparty_has_tickets', 'has tickets'),
    });
    renderApp('/customers/7', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete customer' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This customer has tickets: it cannot be deleted.',
    );
  });

  it('an unknown customer says so, with a way back', async () => {
    stubApi({
      ...signedInAs(admin),
      'GET /thirdparties/99': () => apiError(404, 'thirdparty_not_found', 'No such third party'),
    });
    renderApp('/customers/99');
    const alert = await screen.findByText('Ce client n’existe pas ou a été supprimé.');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Tous les clients' }).getAttribute('href')).toBe('/customers');
  });

  it('a reader sees no edit, delete or add contact buttons', async () => {
    stubApi({
      ...routes,
      ...signedInAs(makeUser({ permissions: ['thirdparty.read'] })),
    });
    renderApp('/customers/7');
    await screen.findByRole('heading', { name: 'Société Générale des Eaux' });
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Supprimer' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nouveau ticket pour ce client' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Contacts (1)' }));
    await screen.findByText('Alice Martin');
    expect(screen.queryByRole('button', { name: 'Ajouter un contact' })).toBeNull();
  });
});
