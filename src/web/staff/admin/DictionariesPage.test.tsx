import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../../../common/schemas/dictionary.schema.js';
import { apiError, json, makeUser, renderApp, stubApi } from '../../test-utils.js';

// The first render of the whole app (Mantine, router, queries) can take over a second on a busy machine.
configure({ asyncUtilTimeout: 3000 });

function entry(code: string, overrides: Partial<DictionaryEntry> = {}): DictionaryEntry {
  return {
    code,
    label: { fr: `${code} fr`, en: `${code} en` },
    position: 10,
    active: true,
    isDefault: false,
    public: false,
    parentCode: null,
    color: null,
    inUse: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

const list = (items: DictionaryEntry[]) => json({ items, nextCursor: null, total: items.length });
const types = [
  entry('HELP', { isDefault: true, inUse: true }),
  entry('ISSUE', { inUse: true, position: 20 }),
  entry('OTHER', { position: 30 }),
];

function session(language: 'fr' | 'en' = 'fr', permissions: string[] = ['admin']) {
  return {
    'GET /auth/me': () =>
      json({ user: makeUser({ language, permissions: permissions as never }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
  };
}

describe('dictionaries administration', () => {
  it('delete is disabled, with the reason, for an entry in use or the default; allowed otherwise', async () => {
    const calls = stubApi({
      ...session(),
      'GET /dictionaries/ticket-types': () => list(types),
      'DELETE /dictionaries/ticket-types/OTHER': () => new Response(null, { status: 204 }),
    });
    renderApp('/admin/dictionaries');
    const inUse = await screen.findByRole<HTMLButtonElement>('button', { name: 'Supprimer ISSUE' });
    expect(inUse.disabled).toBe(true);
    expect(inUse.parentElement?.getAttribute('title')).toBe(
      'Utilisée par des tickets ou par une sous-catégorie\u00a0: désactivez-la plutôt.',
    );
    const isDefault = screen.getByRole<HTMLButtonElement>('button', { name: 'Supprimer HELP' });
    expect(isDefault.disabled).toBe(true);
    expect(isDefault.parentElement?.getAttribute('title')).toBe(
      'L’entrée par défaut ne peut être ni désactivée ni supprimée.',
    );

    const free = screen.getByRole<HTMLButtonElement>('button', { name: 'Supprimer OTHER' });
    expect(free.disabled).toBe(false);
    fireEvent.click(free);
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer une entrée' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/dictionaries/ticket-types/OTHER');
  });

  it('the create form checks the code and the labels before sending', async () => {
    const calls = stubApi({
      ...session('en'),
      'GET /dictionaries/ticket-types': () => list(types),
      'POST /dictionaries/ticket-types': (call) =>
        json(entry('TRAINING', call.body as Partial<DictionaryEntry>), 201),
    });
    renderApp('/admin/dictionaries', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add' }));
    const dialog = await screen.findByRole('dialog', { name: 'New entry' });
    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'has space' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Only letters, digits and _ . - are allowed')).toBeTruthy();
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'TRAINING' } });
    fireEvent.change(within(dialog).getByLabelText(/^French label/), { target: { value: 'Formation' } });
    fireEvent.change(within(dialog).getByLabelText(/^English label/), { target: { value: 'Training' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'TRAINING',
      label: { fr: 'Formation', en: 'Training' },
      active: true,
      isDefault: false,
    });
  });

  it('a taken code comes back as a readable message', async () => {
    stubApi({
      ...session('en'),
      'GET /dictionaries/ticket-types': () => list(types),
      'POST /dictionaries/ticket-types': () => apiError(409, 'dictionary_code_taken', 'taken'),
    });
    renderApp('/admin/dictionaries', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add' }));
    const dialog = await screen.findByRole('dialog', { name: 'New entry' });
    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'OTHER' } });
    fireEvent.change(within(dialog).getByLabelText(/^French label/), { target: { value: 'Autre' } });
    fireEvent.change(within(dialog).getByLabelText(/^English label/), { target: { value: 'Other' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This code already exists in this dictionary.')).toBeTruthy();
  });

  it('deactivating an entry sends only active: false; the default cannot be switched off', async () => {
    const calls = stubApi({
      ...session(),
      'GET /dictionaries/ticket-types': () => list(types),
      'PATCH /dictionaries/ticket-types/ISSUE': () => json(entry('ISSUE', { active: false })),
    });
    renderApp('/admin/dictionaries');
    const toggle = await screen.findByRole<HTMLInputElement>('switch', { name: 'Désactiver ISSUE' });
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Désactiver HELP' }).disabled).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false });
  });

  it('severities show their colour; categories their parent and portal flag', async () => {
    stubApi({
      ...session(),
      'GET /dictionaries/ticket-types': () => list(types),
      'GET /dictionaries/ticket-severities': () =>
        list([entry('LOW', { color: '#868e96' }), entry('NORMAL', { isDefault: true, color: '#228be6' })]),
      'GET /dictionaries/ticket-categories': () =>
        list([
          entry('NET', { label: { fr: 'Réseau', en: 'Network' }, inUse: true }),
          entry('WIFI', { parentCode: 'NET', public: true }),
        ]),
    });
    renderApp('/admin/dictionaries');
    fireEvent.click(await screen.findByRole('tab', { name: 'Sévérités' }));
    expect(await screen.findByText('#228be6')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Catégories' }));
    const wifi = (await screen.findByText('WIFI')).closest('tr') as HTMLElement;
    expect(within(wifi).getByText('Réseau')).toBeTruthy();
    expect(within(wifi).getByText('Oui')).toBeTruthy();
  });

  it('is for administrators only', async () => {
    stubApi(session('fr', ['ticket.read']));
    renderApp('/admin/dictionaries');
    expect(await screen.findByText('Accès refusé')).toBeTruthy();
  });

  it('the administration page links to the dictionaries', async () => {
    stubApi(session());
    renderApp('/admin');
    const link = await screen.findByRole('link', { name: /Dictionnaires/ });
    expect(link.getAttribute('href')).toBe('/admin/dictionaries');
  });
});
