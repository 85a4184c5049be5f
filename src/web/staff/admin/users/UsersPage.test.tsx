import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../../../common/schemas/group.schema.js';
import type { User } from '../../../../common/schemas/user.schema.js';
import { apiError, json, makeUser, renderApp, stubApi, type RecordedCall } from '../../../test-utils.js';

// The first render of the whole app (Mantine, router, queries) can take over a second on a busy machine.
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
const groups = [group(1, 'Administrators', { permissions: ['admin'] }), group(2, 'Support')];
const me = makeUser({ id: 1, name: 'Ada Admin', permissions: ['admin'] });
const bob = makeUser({
  id: 2,
  email: 'bob@example.test',
  name: 'Bob Agent',
  language: 'en',
  groups: [{ id: 2, name: 'Support' }],
  permissions: ['ticket.read'],
});
const carl = makeUser({ id: 3, email: 'carl@example.test', name: 'Carl Gone', active: false, groups: [] });
const page = (items: User[]) => json({ items, nextCursor: null, total: items.length });

function server(routes: Record<string, (call: RecordedCall) => Response> = {}, language: 'fr' | 'en' = 'fr') {
  return {
    'GET /auth/me': () => json({ user: { ...me, language }, csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /users?limit=50': () => page([me, bob, carl]),
    'GET /groups': () => json({ items: groups }),
    ...routes,
  };
}

const row = (name: string) => {
  const tr = screen.getByText(name).closest('tr');
  if (!tr) throw new Error(`no row for ${name}`);
  return within(tr);
};

describe('users administration', () => {
  it('lists the users with their groups and status, and filters by search and status', async () => {
    const calls = stubApi(
      server({
        'GET /users?limit=50&q=bob': () => page([bob]),
        'GET /users?limit=50&q=bob&active=false': () => page([]),
      }),
    );
    renderApp('/admin/users');
    expect(await screen.findByText('Bob Agent')).toBeTruthy();
    expect(row('Bob Agent').getByText('Support')).toBeTruthy();
    expect(row('Bob Agent').getByText('English')).toBeTruthy();
    expect(row('Carl Gone').getByText('Désactivé')).toBeTruthy();
    expect(row('Carl Gone').getByRole('button', { name: 'Réactiver Carl Gone' })).toBeTruthy();
    expect(screen.getByText('3 utilisateurs')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Rechercher'), { target: { value: 'bob' } });
    await waitFor(() => expect(screen.queryByText('Carl Gone')).toBeNull());
    fireEvent.click(screen.getByText('Désactivés'));
    expect(await screen.findByText('Aucun utilisateur ne correspond.')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/users?limit=50&q=bob&active=false');
  });

  it('creating a user without a password shows the one-time link to copy', async () => {
    const link = 'http://guichet.test/set-password?token=abc123';
    const calls = stubApi(
      server({
        'POST /users': (call) =>
          json(
            {
              ...makeUser({ id: 9, name: 'Dora New', email: 'dora@example.test', hasPassword: false }),
              ...(call.body as object),
              setPasswordLink: link,
            },
            201,
          ),
      }),
    );
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvel utilisateur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvel utilisateur' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    expect(await within(dialog).findAllByText('Champ obligatoire')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Adresse e-mail/), {
      target: { value: 'dora@example.test' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Nom complet/), { target: { value: 'Dora New' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));

    const shown = await screen.findByRole('dialog', { name: 'Utilisateur créé' });
    expect(within(shown).getByLabelText<HTMLInputElement>('Lien à usage unique').value).toBe(link);
    expect(within(shown).getByText(/Transmettez ce lien à Dora New/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copier' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'dora@example.test',
      name: 'Dora New',
      language: 'fr',
      groupIds: [],
    });
  });

  it('a password shorter than 10 characters is refused before sending; a taken email reads clearly', async () => {
    const calls = stubApi(server({ 'POST /users': () => apiError(409, 'email_taken', 'taken') }, 'en'));
    renderApp('/admin/users', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    fireEvent.change(within(dialog).getByLabelText(/^Email address/), {
      target: { value: 'bob@example.test' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Full name/), { target: { value: 'Bob Again' } });
    fireEvent.change(within(dialog).getByLabelText(/^Password/), { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Too short: at least 10 characters')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Password/), { target: { value: 'long enough 123' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('A user already has this email address.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ password: 'long enough 123' });
  });

  it('editing sends only what changed', async () => {
    const calls = stubApi(server({ 'PATCH /users/2': (call) => json({ ...bob, ...(call.body as object) }) }));
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier Bob Agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier Bob Agent' });
    fireEvent.change(within(dialog).getByLabelText(/^Nom complet/), { target: { value: 'Bob Smith' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Bob Smith' });
  });

  it('deactivating oneself or the last administrator shows the server’s refusal', async () => {
    stubApi(
      server({
        'DELETE /users/1': () => apiError(409, 'cannot_deactivate_self', 'self'),
        'DELETE /users/2': () => apiError(409, 'last_admin', 'last'),
      }),
    );
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver Ada Admin' }));
    let dialog = await screen.findByRole('dialog', { name: 'Désactiver un utilisateur' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désactiver' }));
    expect(
      await within(dialog).findByText('Vous ne pouvez pas désactiver votre propre compte.'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Désactiver Bob Agent' }));
    dialog = await screen.findByRole('dialog', { name: 'Désactiver un utilisateur' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désactiver' }));
    expect(
      await within(dialog).findByText(
        'Ce changement ne laisserait aucun administrateur actif : il est refusé.',
      ),
    ).toBeTruthy();
  });

  it('deactivating and reactivating call the API', async () => {
    const calls = stubApi(
      server({
        'DELETE /users/2': () => json({ ...bob, active: false }),
        'PATCH /users/3': () => json({ ...carl, active: true }),
      }),
    );
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver Bob Agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Désactiver un utilisateur' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désactiver' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Réactiver Carl Gone' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/users/3',
      body: { active: true },
    });
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/users/2')).toBe(true);
  });

  it('a password reset shows the new one-time link and when it expires', async () => {
    stubApi(
      server({
        'POST /users/2/password-link': () =>
          json(
            { link: 'http://guichet.test/set-password?token=reset9', expiresAt: '2026-12-01T10:00:00.000Z' },
            201,
          ),
      }),
    );
    renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau mot de passe pour Bob Agent' }));
    const confirm = await screen.findByRole('dialog', { name: 'Nouveau mot de passe' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Créer le lien' }));
    const shown = await screen.findByRole('dialog', { name: 'Lien de nouveau mot de passe' });
    expect(within(shown).getByLabelText<HTMLInputElement>('Lien à usage unique').value).toBe(
      'http://guichet.test/set-password?token=reset9',
    );
    expect(within(shown).getByText(/jusqu’au 1 déc\. 2026/)).toBeTruthy();
  });
});
