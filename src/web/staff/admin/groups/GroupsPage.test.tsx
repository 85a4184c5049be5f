import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../../../common/schemas/group.schema.js';
import { apiError, json, makeUser, renderApp, stubApi, type RecordedCall } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const group = (id: number, name: string, overrides: Partial<Group> = {}): Group => ({
  id,
  name,
  description: '',
  permissions: [],
  memberIds: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});
const admins = group(1, 'Administrators', {
  permissions: ['admin'],
  memberIds: [1],
  description: 'Full access',
});
const support = group(2, 'Support', { permissions: ['ticket.read', 'ticket.write'], memberIds: [2] });
const users = [
  makeUser({ id: 1, name: 'Ada Admin' }),
  makeUser({ id: 2, name: 'Bob Agent', email: 'bob@example.test' }),
  makeUser({ id: 3, name: 'Carl Tech', email: 'carl@example.test' }),
];

function server(routes: Record<string, (call: RecordedCall) => Response> = {}, language: 'fr' | 'en' = 'fr') {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language, permissions: ['admin'] }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /groups': () => json({ items: [admins, support] }),
    'GET /users?limit=200': () => json({ items: users, nextCursor: null, total: users.length }),
    ...routes,
  };
}

const box = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });

describe('groups and the permission matrix', () => {
  it('ticking a box saves the group’s whole new permission list at once', async () => {
    // The server keeps what it was sent: the list read again after the save shows it too.
    let current = support;
    const calls = stubApi(
      server({
        'GET /groups': () => json({ items: [admins, current] }),
        'PUT /groups/2/permissions': (call) => {
          current = { ...support, ...(call.body as object) };
          return json(current);
        },
      }),
    );
    renderApp('/admin/groups');
    const manage = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: /^Gérer les tickets .* pour Support$/,
    });
    expect(manage.checked).toBe(false);
    expect(box('Voir les tickets pour Support').checked).toBe(true);
    fireEvent.click(manage);
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      permissions: ['ticket.read', 'ticket.write', 'ticket.manage'],
    });
    // The answer is shown at once: the box stays ticked.
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLInputElement>('checkbox', { name: /^Gérer les tickets .* pour Support$/ })
          .checked,
      ).toBe(true),
    );
  });

  it('unticking removes only that permission', async () => {
    const calls = stubApi(
      server({ 'PUT /groups/2/permissions': (call) => json({ ...support, ...(call.body as object) }) }, 'en'),
    );
    renderApp('/admin/groups', { language: 'en' });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Create and handle tickets for Support' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ permissions: ['ticket.read'] });
  });

  it('administration implies every other permission: those boxes are ticked and locked', async () => {
    stubApi(server());
    renderApp('/admin/groups');
    const adminBox = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Administration (toutes les permissions) pour Administrators',
    });
    expect(adminBox.checked).toBe(true);
    expect(adminBox.disabled).toBe(false);
    const implied = box('Exporter les tickets (CSV) pour Administrators');
    expect(implied.checked).toBe(true);
    expect(implied.disabled).toBe(true);
    expect(box('Exporter les tickets (CSV) pour Support').disabled).toBe(false);
  });

  it('the server’s refusal to leave no administrator is shown above the matrix', async () => {
    stubApi(server({ 'PUT /groups/1/permissions': () => apiError(409, 'last_admin', 'last') }));
    renderApp('/admin/groups');
    fireEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Administration (toutes les permissions) pour Administrators',
      }),
    );
    expect(
      await screen.findByText('Ce changement ne laisserait aucun administrateur actif : il est refusé.'),
    ).toBeTruthy();
  });

  it('members are added and removed from the members window', async () => {
    let current = support;
    const answer = (memberIds: number[]) => {
      current = { ...support, memberIds };
      return json(current);
    };
    const calls = stubApi(
      server({
        'GET /groups': () => json({ items: [admins, current] }),
        'POST /groups/2/members': () => answer([2, 3]),
        'DELETE /groups/2/members/2': () => answer([3]),
      }),
    );
    renderApp('/admin/groups');
    fireEvent.click(await screen.findByRole('button', { name: 'Membres de Support' }));
    const dialog = await screen.findByRole('dialog', { name: 'Membres de Support' });
    expect(await within(dialog).findByText('Bob Agent')).toBeTruthy();

    fireEvent.click(
      within(dialog).getByLabelText('Ajouter un membre', { selector: 'input:not([type=hidden])' }),
    );
    fireEvent.click(await screen.findByRole('option', { name: 'Carl Tech (carl@example.test)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter' }));
    expect(await within(dialog).findByText('Carl Tech')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: 3 });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer Bob Agent du groupe' }));
    await waitFor(() => expect(within(dialog).queryByText('Bob Agent')).toBeNull());
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/groups/2/members/2');
  });

  it('creates, renames and deletes a group', async () => {
    const calls = stubApi(
      server({
        'POST /groups': (call) => json(group(5, 'Field', call.body as Partial<Group>), 201),
        'PATCH /groups/2': (call) => json({ ...support, ...(call.body as object) }),
        'DELETE /groups/2': () => new Response(null, { status: 204 }),
      }),
    );
    renderApp('/admin/groups');
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau groupe' }));
    let dialog = await screen.findByRole('dialog', { name: 'Nouveau groupe' });
    fireEvent.change(within(dialog).getByLabelText(/^Nom/), { target: { value: 'Field' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Field', description: '' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Renommer Support' }));
    dialog = await screen.findByRole('dialog', { name: 'Modifier le groupe Support' });
    fireEvent.change(within(dialog).getByLabelText(/^Nom/), { target: { value: 'First line' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'First line', description: '' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer Support' }));
    dialog = await screen.findByRole('dialog', { name: 'Supprimer un groupe' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/groups/2');
  });
});
