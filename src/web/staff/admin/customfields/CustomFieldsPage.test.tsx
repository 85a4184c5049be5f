import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../../common/schemas/custom-field.schema.js';
import { apiError, json, makeUser, renderApp, stubApi, type RecordedCall } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const AT = '2026-11-01T00:00:00.000Z';

function field(id: number, key: string, overrides: Partial<CustomField> = {}): CustomField {
  return {
    id,
    key,
    label: { fr: `${key} fr`, en: `${key} en` },
    type: 'text',
    required: false,
    options: [],
    position: id * 10,
    active: true,
    group: 'IN',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

const FIELDS = [
  field(1, 'serial', { label: { fr: 'Numéro de série', en: 'Serial number' } }),
  field(2, 'site', {
    type: 'select',
    group: 'OUT',
    required: true,
    options: [
      { value: 'paris', label: { fr: 'Paris', en: 'Paris' } },
      { value: 'lyon', label: { fr: 'Lyon', en: 'Lyon' } },
    ],
  }),
  field(3, 'warranty', { type: 'checkbox', group: 'BOTH' }),
];

function session(language: 'fr' | 'en' = 'fr', permissions: string[] = ['admin']) {
  return {
    'GET /auth/me': () =>
      json({ user: makeUser({ language, permissions: permissions as never }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
  };
}

const listed = (items: CustomField[]) => () => json({ items });
const sent = (calls: RecordedCall[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path).map((c) => c.body);
const row = (key: string) => screen.getByText(key, { selector: 'td' }).closest('tr') as HTMLElement;

describe('custom fields administration', () => {
  it('lists the fields in form order with their group explained, and says what each group means', async () => {
    stubApi({ ...session('en'), 'GET /custom-fields': listed(FIELDS) });
    renderApp('/admin/custom-fields', { language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Custom fields' })).toBeTruthy();
    await screen.findByText('serial', { selector: 'td' });
    const keys = screen.getAllByRole('row').map((r) => r.getAttribute('data-field-key'));
    expect(keys.filter(Boolean)).toEqual(['serial', 'site', 'warranty']);

    const site = row('site');
    expect(within(site).getByText('List (one choice)')).toBeTruthy();
    const badge = within(site).getByTitle(
      'The public portal’s form, and shown to the customer on their ticket.',
    );
    expect(badge.textContent).toBe('OUT · Portal');
    expect(within(site).getByText('Yes')).toBeTruthy();
    expect(within(row('warranty')).getByText('BOTH · Both')).toBeTruthy();
    const legend = screen.getByRole('region', { name: 'Where a field shows' });
    expect(
      within(legend).getByText('The team’s creation form (the app). Never shown to the customer.'),
    ).toBeTruthy();
  });

  it('creates a required portal select with its choices, after checking the key, labels and choices', async () => {
    const calls = stubApi({
      ...session('en'),
      'GET /custom-fields': listed(FIELDS),
      'POST /custom-fields': (call) => json(field(4, 'product', call.body as Partial<CustomField>), 201),
    });
    renderApp('/admin/custom-fields', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a field' }));
    const dialog = await screen.findByRole('dialog', { name: 'New field' });

    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'Product Line' } });
    fireEvent.click(within(dialog).getByLabelText(/^Type/, { selector: 'input:not([type=hidden])' }));
    fireEvent.click(await screen.findByRole('option', { name: 'List (one choice)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Lower-case letters, digits and _, starting with a letter'),
    ).toBeTruthy();
    // The key, both labels, and the value and labels of the empty first choice.
    expect(dialog.querySelectorAll('input[aria-invalid="true"]')).toHaveLength(6);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'product' } });
    // The field's labels come first; each choice has its own (tested within its row below).
    const [frLabel, enLabel] = [/^French label/, /^English label/].map(
      (name) => within(dialog).getAllByLabelText(name)[0] as HTMLElement,
    );
    fireEvent.change(frLabel as HTMLElement, { target: { value: 'Produit' } });
    fireEvent.change(enLabel as HTMLElement, { target: { value: 'Product' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: /OUT · Portal/ }));
    const first = within(dialog).getByRole('group', { name: 'Choice 1' });
    fireEvent.change(within(first).getByLabelText('Value'), { target: { value: 'printer' } });
    fireEvent.change(within(first).getByLabelText('French label'), { target: { value: 'Imprimante' } });
    fireEvent.change(within(first).getByLabelText('English label'), { target: { value: 'Printer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a choice' }));
    const second = within(dialog).getByRole('group', { name: 'Choice 2' });
    fireEvent.change(within(second).getByLabelText('Value'), { target: { value: 'printer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This value is already used')).toBeTruthy();
    fireEvent.change(within(second).getByLabelText('Value'), { target: { value: 'scanner' } });
    fireEvent.change(within(second).getByLabelText('French label'), { target: { value: 'Scanner' } });
    fireEvent.change(within(second).getByLabelText('English label'), { target: { value: 'Scanner' } });
    fireEvent.click(within(dialog).getByRole('switch', { name: /^Required/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(sent(calls, 'POST', '/custom-fields')).toHaveLength(1));
    expect(sent(calls, 'POST', '/custom-fields')[0]).toEqual({
      key: 'product',
      type: 'select',
      label: { fr: 'Produit', en: 'Product' },
      group: 'OUT',
      required: true,
      active: true,
      options: [
        { value: 'printer', label: { fr: 'Imprimante', en: 'Printer' } },
        { value: 'scanner', label: { fr: 'Scanner', en: 'Scanner' } },
      ],
    });
    expect(await screen.findByText('Field saved.')).toBeTruthy();
  });

  it('a key already taken comes back as a readable message', async () => {
    stubApi({
      ...session('en'),
      'GET /custom-fields': listed(FIELDS),
      'POST /custom-fields': () => apiError(409, 'custom_field_key_taken', 'taken'),
    });
    renderApp('/admin/custom-fields', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a field' }));
    const dialog = await screen.findByRole('dialog', { name: 'New field' });
    fireEvent.change(within(dialog).getByLabelText(/^Key/), { target: { value: 'serial' } });
    fireEvent.change(within(dialog).getByLabelText(/^French label/), { target: { value: 'Série' } });
    fireEvent.change(within(dialog).getByLabelText(/^English label/), { target: { value: 'Serial' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'This key already exists (a deactivated field keeps it): choose another one.',
      ),
    ).toBeTruthy();
  });

  it('editing keeps the key, the type and saved choice values, and sends only what changed', async () => {
    const calls = stubApi({
      ...session('fr'),
      'GET /custom-fields': listed(FIELDS),
      'PATCH /custom-fields/2': () => json(FIELDS[1]),
    });
    renderApp('/admin/custom-fields');
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier site' }));
    const dialog = await screen.findByRole('dialog', { name: /^Modifier «.site.»$/ });
    expect(within(dialog).queryByLabelText(/^Clé/)).toBeNull();
    expect(
      within(dialog).getByText(/^Type.: Liste \(un choix\) \(il ne change plus une fois le champ créé\)\.$/),
    ).toBeTruthy();
    const paris = within(dialog).getByRole('group', { name: 'Choix 1' });
    expect(within(paris).getByLabelText<HTMLInputElement>('Valeur').disabled).toBe(true);

    fireEvent.change(within(paris).getByLabelText('Libellé anglais'), { target: { value: 'Paris HQ' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: /BOTH · Les deux/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(sent(calls, 'PATCH', '/custom-fields/2')).toHaveLength(1));
    expect(sent(calls, 'PATCH', '/custom-fields/2')[0]).toEqual({
      group: 'BOTH',
      options: [
        { value: 'paris', label: { fr: 'Paris', en: 'Paris HQ' } },
        { value: 'lyon', label: { fr: 'Lyon', en: 'Lyon' } },
      ],
    });
  });

  it('dragging a row onto another sends the new order of every field, and shows it at once', async () => {
    let release: (r: Response) => void = () => {};
    const calls = stubApi({
      ...session(),
      'GET /custom-fields': listed(FIELDS),
      'POST /custom-fields/order': () => new Promise<Response>((resolve) => (release = resolve)),
    });
    renderApp('/admin/custom-fields');
    await screen.findByText('warranty', { selector: 'td' });
    fireEvent.dragStart(row('warranty'));
    fireEvent.dragOver(row('serial'));
    fireEvent.drop(row('serial'));
    await waitFor(() => expect(sent(calls, 'POST', '/custom-fields/order')).toEqual([{ ids: [3, 1, 2] }]));
    const keys = () =>
      screen
        .getAllByRole('row')
        .map((r) => r.getAttribute('data-field-key'))
        .filter(Boolean);
    expect(keys()).toEqual(['warranty', 'serial', 'site']);
    release(json({ items: FIELDS }));
    expect(await screen.findByText('Ordre enregistré.')).toBeTruthy();
  });

  it('the arrows move a field one step for keyboard users; the ends cannot move further', async () => {
    const calls = stubApi({
      ...session(),
      'GET /custom-fields': listed(FIELDS),
      'POST /custom-fields/order': () => json({ items: FIELDS }),
    });
    renderApp('/admin/custom-fields');
    const up = await screen.findByRole<HTMLButtonElement>('button', { name: 'Monter serial' });
    expect(up.disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Descendre warranty' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Descendre serial' }));
    await waitFor(() => expect(sent(calls, 'POST', '/custom-fields/order')).toEqual([{ ids: [2, 1, 3] }]));
  });

  it('a refused order puts the previous one back and says why', async () => {
    stubApi({
      ...session('en'),
      'GET /custom-fields': listed(FIELDS),
      'POST /custom-fields/order': () => apiError(400, 'validation_error', 'ids must list every field'),
    });
    renderApp('/admin/custom-fields', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Move site up' }));
    expect(
      await screen.findByText(/The order could not be saved: the list changed meanwhile and is reloaded\./),
    ).toBeTruthy();
    const keys = screen
      .getAllByRole('row')
      .map((r) => r.getAttribute('data-field-key'))
      .filter(Boolean);
    expect(keys).toEqual(['serial', 'site', 'warranty']);
  });

  it('deactivating a field sends only active: false', async () => {
    const calls = stubApi({
      ...session(),
      'GET /custom-fields': listed(FIELDS),
      'PATCH /custom-fields/1': () => json({ ...FIELDS[0], active: false }),
    });
    renderApp('/admin/custom-fields');
    fireEvent.click(await screen.findByRole('switch', { name: 'Désactiver serial' }));
    await waitFor(() => expect(sent(calls, 'PATCH', '/custom-fields/1')).toEqual([{ active: false }]));
  });

  it('is for administrators only', async () => {
    stubApi(session('fr', ['ticket.read']));
    renderApp('/admin/custom-fields');
    expect(await screen.findByText('Accès refusé')).toBeTruthy();
  });
});
