import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PortalCustomField } from '../../../common/schemas/custom-field.schema.js';
import { apiError, json, makeConfig, makeTicket, renderPortal, stubPortalApi } from '../portal.testing.js';

configure({ asyncUtilTimeout: 5000 });

const option = (value: string, fr: string, en: string) => ({ value, label: { fr, en } });
const FIELDS: PortalCustomField[] = [
  {
    key: 'product',
    label: { fr: 'Produit concerné', en: 'Product' },
    type: 'select',
    required: true,
    options: [option('printer', 'Imprimante', 'Printer'), option('scanner', 'Scanner', 'Scanner')],
  },
  {
    key: 'rooms',
    label: { fr: 'Pièces', en: 'Rooms' },
    type: 'multiselect',
    required: false,
    options: [option('hall', 'Accueil', 'Lobby'), option('lab', 'Labo', 'Lab')],
  },
  {
    key: 'units',
    label: { fr: 'Nombre d’appareils', en: 'Devices' },
    type: 'number',
    required: false,
    options: [],
  },
  {
    key: 'consent',
    label: { fr: 'J’accepte d’être rappelé', en: 'Call me back' },
    type: 'checkbox',
    required: false,
    options: [],
  },
];

const created = { ref: 'TS2611-0042', trackId: 'K7QX2M4P9R', ticket: makeTicket() };

async function openForm(language: 'fr' | 'en', post: () => Response) {
  const calls = stubPortalApi({
    'GET /config': () => json(makeConfig({ customFields: FIELDS })),
    'POST /tickets': post,
  });
  renderPortal('/portal/new', language);
  await screen.findByRole('heading', { name: language === 'fr' ? 'Ouvrir un ticket' : 'Open a ticket' });
  return calls;
}

const fill = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('custom fields on the portal', () => {
  it('marks the required field, refuses to send without it, then sends the values by key', async () => {
    const calls = await openForm('fr', () => json(created, 201));
    const product = screen.getByLabelText<HTMLSelectElement>(/Produit concerné/);
    expect(product.required).toBe(true);
    fill(/Adresse e-mail/, 'ada@example.test');
    fill(/Objet/, 'The printer jams');
    fill(/Description/, 'Every page since Monday.');
    fill(/Nombre d’appareils/, '3 appareils');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));

    expect(await screen.findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(screen.getByText('Indiquez un nombre.')).toBeTruthy();
    expect(product.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(product));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(product, { target: { value: 'scanner' } });
    expect(screen.queryByText('Ce champ est obligatoire.')).toBeNull();
    fill(/Nombre d’appareils/, '2,5');
    const rooms = screen.getByRole('group', { name: 'Pièces' });
    fireEvent.click(within(rooms).getByLabelText('Labo'));
    fireEvent.click(within(rooms).getByLabelText('Accueil'));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));

    expect(await screen.findByRole('heading', { name: 'Votre ticket est créé' })).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/tickets');
    // Choices in the options' order; an unticked box is no answer.
    expect((post?.body as { customFields?: unknown }).customFields).toEqual({
      product: 'scanner',
      rooms: ['hall', 'lab'],
      units: 2.5,
    });
  });

  it('shows the server’s refusal next to its field, in English', async () => {
    await openForm('en', () =>
      apiError(400, 'invalid_custom_field', {
        issues: [{ key: 'product', code: 'not_an_option', message: '"printer" is not one of the options' }],
      }),
    );
    fill(/Email address/, 'ada@example.test');
    fill(/Subject/, 'The printer jams');
    fill(/Description/, 'Every page since Monday.');
    fill(/Product/, 'printer');
    fireEvent.click(screen.getByLabelText(/Call me back/));
    fireEvent.click(screen.getByRole('button', { name: 'Send the ticket' }));
    expect(await screen.findByText('This choice is not offered.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Product/)));
  });

  it('shows the ticket’s public custom fields read-only, options and boxes in words', async () => {
    const ticket = makeTicket({
      customFields: [
        {
          key: 'product',
          label: FIELDS[0]?.label ?? { fr: '', en: '' },
          type: 'select',
          options: FIELDS[0]?.options ?? [],
          value: 'printer',
        },
        {
          key: 'consent',
          label: { fr: 'J’accepte d’être rappelé', en: 'Call me back' },
          type: 'checkbox',
          options: [],
          value: true,
        },
        {
          key: 'visit',
          label: { fr: 'Date de passage', en: 'Visit' },
          type: 'date',
          options: [],
          value: '2026-11-28',
        },
      ],
    });
    stubPortalApi({
      'GET /config': () => json(makeConfig({ customFields: FIELDS })),
      'GET /tickets/K7QX2M4P9R': () => json(ticket),
      'GET /tickets/K7QX2M4P9R/messages': () => json({ items: [] }),
      'GET /tickets/K7QX2M4P9R/documents': () => json({ items: [] }),
    });
    renderPortal('/portal/t/K7QX2M4P9R');
    await screen.findByRole('heading', { name: 'The printer jams' });
    const fact = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Produit concerné')).toBe('Imprimante');
    expect(fact('J’accepte d’être rappelé')).toBe('Oui');
    expect(fact('Date de passage')).toBe('28 nov. 2026');
    // Read-only: nothing to type into but the reply.
    expect(screen.queryByLabelText('Produit concerné')).toBeNull();
  });
});
