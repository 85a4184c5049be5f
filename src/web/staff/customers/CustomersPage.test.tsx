import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, makeUser, renderApp, stubApi } from '../../test-utils.js';
import { makeThirdparty, page, signedInAs } from './testing.js';

// The first render of the whole app (Mantine, router, queries) can take over a second on a busy machine.
configure({ asyncUtilTimeout: 3000 });

const admin = makeUser({ permissions: ['admin'] });
const acme = makeThirdparty({
  id: 8,
  name: 'Acme',
  code: null,
  email: null,
  phone: null,
  contactCount: 0,
  openTicketCount: 0,
});

describe('customers page', () => {
  it('lists the customers with their counts, each row leading to its page', async () => {
    stubApi({
      ...signedInAs(admin),
      'GET /thirdparties?limit=25': () => page([acme, makeThirdparty()]),
    });
    renderApp('/customers');
    const link = await screen.findByRole('link', { name: 'Société Générale des Eaux' });
    expect(link.getAttribute('href')).toBe('/customers/7');
    const row = link.closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Société Générale des Eaux',
      'SGE',
      'contact@sge.example',
      '01 23 45 67 89',
      '1',
      '2',
    ]);
    expect(screen.getByText('2 clients')).toBeTruthy();
  });

  it('searching sends q to the server and starts again from the first page', async () => {
    const calls = stubApi({
      ...signedInAs(admin),
      'GET /thirdparties?limit=25': () => page([acme], 'CURSOR1', 30),
      'GET /thirdparties?limit=25&cursor=CURSOR1': () =>
        page([makeThirdparty({ id: 9, name: 'Zeta' })], null, 30),
      'GET /thirdparties?limit=25&q=societe': () => page([makeThirdparty()]),
    });
    renderApp('/customers');
    await screen.findByRole('link', { name: 'Acme' });
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    await screen.findByRole('link', { name: 'Zeta' });

    fireEvent.change(screen.getByLabelText('Rechercher'), { target: { value: 'societe' } });
    await screen.findByRole('link', { name: 'Société Générale des Eaux' });
    expect(calls.map((c) => c.path)).toContain('/thirdparties?limit=25&q=societe');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Précédent' }).disabled).toBe(true);
  });

  it('says when a search finds nothing', async () => {
    stubApi({
      ...signedInAs(admin),
      'GET /thirdparties?limit=25': () => page([acme]),
      'GET /thirdparties?limit=25&q=zzz': () => page([]),
    });
    renderApp('/customers');
    await screen.findByRole('link', { name: 'Acme' });
    fireEvent.change(screen.getByLabelText('Rechercher'), { target: { value: 'zzz' } });
    // Testing Library folds the no-break spaces of French typography into plain spaces.
    expect(await screen.findByText('Aucun client ne correspond à « zzz ».')).toBeTruthy();
  });

  it('the new customer form requires a name and a valid email before sending anything', async () => {
    const calls = stubApi({
      ...signedInAs(admin),
      'GET /thirdparties?limit=25': () => page([]),
      'POST /thirdparties': (call) => json(makeThirdparty({ id: 42, ...(call.body as object) }), 201),
      'GET /thirdparties/42': () => json(makeThirdparty({ id: 42, name: 'Boulangerie Dupont' })),
      'GET /contacts?thirdpartyId=42&limit=200': () => page([]),
    });
    renderApp('/customers');
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau client' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Champ obligatoire')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Nom/), { target: { value: 'Boulangerie Dupont' } });
    fireEvent.change(within(dialog).getByLabelText('E-mail'), { target: { value: 'not an email' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Adresse e-mail invalide')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('E-mail'), { target: { value: 'pain@dupont.example' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('heading', { name: 'Boulangerie Dupont' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Boulangerie Dupont',
      code: null,
      email: 'pain@dupont.example',
      phone: null,
      address: null,
      notes: null,
    });
  });

  it('a taken code is shown on the code field', async () => {
    stubApi({
      ...signedInAs(makeUser({ permissions: ['admin'], language: 'en' })),
      'GET /thirdparties?limit=25': () => page([]),
      'POST /thirdparties': () =>
        json(
          { error: { code: 'thirdparty_code_taken', message: 'A third party already has the code' } },
          409,
        ),
    });
    renderApp('/customers', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'New customer' }));
    const dialog = await screen.findByRole('dialog', { name: 'New customer' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Acme' } });
    fireEvent.change(within(dialog).getByLabelText('Code'), { target: { value: 'SGE' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Another customer already uses this code.')).toBeTruthy();
  });

  it('a user who may only read customers gets no "new customer" button', async () => {
    stubApi({
      ...signedInAs(makeUser({ permissions: ['thirdparty.read'], language: 'en' })),
      'GET /thirdparties?limit=25': () => page([acme]),
    });
    renderApp('/customers', { language: 'en' });
    await screen.findByRole('link', { name: 'Acme' });
    expect(screen.queryByRole('button', { name: 'New customer' })).toBeNull();
    await waitFor(() => expect(screen.getByText('1 customer')).toBeTruthy());
  });
});
