import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../common/schemas/ticket.schema.js';
import { apiError, json, makeUser, renderApp } from '../../../test-utils.js';
import { abilities, baseRoutes, makeTicket, stubRoutes } from '../testing.js';
import { customFieldRoutes } from './testing.js';

configure({ asyncUtilTimeout: 5000 });

const VALUES = {
  serial: 'SN-9',
  site: 'lyon',
  units: 1250.5,
  warranty: false,
  visit: '2026-11-28',
  legacy: 'OLD-1',
};

function ticketRoutes(ticket: Ticket, language: 'fr' | 'en' = 'fr') {
  return {
    ...baseRoutes(makeUser({ language })),
    ...customFieldRoutes(),
    'GET /tickets/1': () => json(ticket),
    'GET /tickets/1/messages': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
  };
}

const card = (name: string) => screen.findByRole('region', { name });
const valueOf = (region: HTMLElement, label: string) =>
  within(region)
    .getByText(label)
    .closest('.mantine-DataList-item')
    ?.querySelector('dd, .mantine-DataList-itemValue')?.textContent;

describe('custom fields on the ticket page', () => {
  it('shows every field that holds a value in the reader’s words, an inactive one marked', async () => {
    stubRoutes(ticketRoutes(makeTicket({ customFields: VALUES, abilities: abilities({ update: true }) })));
    renderApp('/tickets/1');
    const region = await card('Champs personnalisés');
    await within(region).findByText('Numéro de série');
    expect(valueOf(region, 'Numéro de série')).toBe('SN-9');
    expect(valueOf(region, 'Site')).toBe('Lyon');
    // French groups digits with a narrow no-break space.
    expect(valueOf(region, 'Unités')).toBe('1\u202f250,5');
    expect(valueOf(region, 'Sous garantie')).toBe('Non');
    expect(valueOf(region, 'Date de visite')).toBe('28 nov. 2026');
    const legacy = within(region).getByText('Ancien code').closest('.mantine-DataList-item') as HTMLElement;
    expect(within(legacy).getByText('inactif')).toBeTruthy();
    expect(valueOf(region, 'Ancien code')).toBe('OLD-1');
    // A field with no value is not listed.
    expect(within(region).queryByText('Référence client')).toBeNull();
  });

  it('edits the active fields and sends only what changed, with the version; an emptied field is cleared', async () => {
    const ticket = makeTicket({ version: 3, customFields: VALUES, abilities: abilities({ update: true }) });
    const calls = stubRoutes({
      ...ticketRoutes(ticket, 'en'),
      'PATCH /tickets/1': () =>
        json({ ...ticket, version: 4, customFields: { ...VALUES, serial: 'SN-10', units: undefined } }),
    });
    renderApp('/tickets/1', { language: 'en' });
    const region = await card('Custom fields');
    fireEvent.click(await within(region).findByRole('button', { name: 'Edit the custom fields' }));
    const form = within(region).getByRole('form', { name: 'Edit the custom fields' });
    // Inactive fields are not offered for editing.
    expect(within(form).queryByLabelText(/Old code/)).toBeNull();
    fireEvent.change(within(form).getByLabelText(/Serial number/), { target: { value: 'SN-10' } });
    fireEvent.change(within(form).getByLabelText(/Units/), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      version: 3,
      customFields: { serial: 'SN-10', units: null },
    });
    expect(await screen.findByText('Custom fields saved.')).toBeTruthy();
    await waitFor(() => expect(valueOf(region, 'Serial number')).toBe('SN-10'));
  });

  it('refuses to clear a required field, shows the server’s refusal on its field, and reloads on a stale version', async () => {
    const ticket = makeTicket({ customFields: VALUES, abilities: abilities({ update: true }) });
    let answer = () =>
      apiError(400, 'invalid_custom_field', 'Invalid', {
        issues: [{ key: 'site', code: 'not_an_option', message: '"x" is not one of the options' }],
      });
    const calls = stubRoutes({ ...ticketRoutes(ticket), 'PATCH /tickets/1': () => answer() });
    renderApp('/tickets/1');
    const region = await card('Champs personnalisés');
    fireEvent.click(await within(region).findByRole('button', { name: 'Modifier les champs personnalisés' }));
    const form = within(region).getByRole('form');
    const serial = within(form).getByLabelText(/Numéro de série/);
    fireEvent.change(serial, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Champ obligatoire')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(serial, { target: { value: 'SN-11' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Ce choix n’est pas proposé')).toBeTruthy();
    expect(screen.queryByText(/Action refusée/)).toBeNull();

    answer = () => apiError(409, 'stale_version', 'Stale');
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Quelqu’un d’autre a modifié ce ticket/)).toBeTruthy();
  });

  it('the journal names the changed fields by their labels and values in words', async () => {
    stubRoutes({
      ...ticketRoutes(makeTicket({ customFields: { site: 'lyon', units: 3 } })),
      'GET /tickets/1/history': () =>
        json({
          items: [
            {
              id: 9,
              at: '2026-11-20T10:00:00.000Z',
              actor: { type: 'user', userId: 1, name: 'Ada Admin', email: null },
              kind: 'field_changed',
              field: 'customFields',
              oldValue: { site: 'paris', units: null },
              newValue: { site: 'lyon', units: 3 },
              details: {},
            },
          ],
        }),
    });
    renderApp('/tickets/1?tab=history');
    expect(await screen.findByText(/^Site.: Paris · Unités.: vide$/)).toBeTruthy();
    expect(screen.getByText(/^Site.: Lyon · Unités.: 3$/)).toBeTruthy();
  });

  it('offers no edit to a reader, and shows nothing when no field holds a value', async () => {
    stubRoutes(ticketRoutes(makeTicket({ customFields: { site: 'paris' } })));
    const { unmount } = renderApp('/tickets/1');
    const region = await card('Champs personnalisés');
    expect(await within(region).findByText('Paris')).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
    unmount();

    stubRoutes(ticketRoutes(makeTicket({ customFields: {} })));
    renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    expect(screen.queryByRole('region', { name: 'Champs personnalisés' })).toBeNull();
  });
});
