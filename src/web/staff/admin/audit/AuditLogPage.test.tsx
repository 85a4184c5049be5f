import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../common/schemas/audit.schema.js';
import type { Group } from '../../../../common/schemas/group.schema.js';
import { json, makeUser, renderApp, stubApi, type RecordedCall } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const entry = (id: number, overrides: Partial<AuditEntry>): AuditEntry => ({
  id,
  at: '2026-11-28T09:30:00.000Z',
  actor: { id: 1, name: 'Ada Admin' },
  action: 'settings.update',
  targetType: 'settings',
  targetId: null,
  details: {},
  ...overrides,
});
const support: Group = {
  id: 2,
  name: 'Support',
  description: '',
  permissions: [],
  memberIds: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const users = [makeUser({ id: 1, name: 'Ada Admin' }), makeUser({ id: 2, name: 'Bob Agent' })];

const firstPage = [
  entry(5, {
    details: {
      'portal.title.fr': { from: 'Assistance', to: 'SAV Dupont' },
      'mail.smtp.password': 'changed',
      'portal.enabled': { from: false, to: true },
    },
  }),
  entry(4, {
    action: 'group.update',
    targetType: 'group',
    targetId: '2',
    details: { permissions: { from: ['ticket.read', 'ticket.write'], to: ['ticket.read', 'ticket.export'] } },
  }),
];
const secondPage = [
  entry(3, {
    actor: null,
    action: 'user.create',
    targetType: 'user',
    targetId: '2',
    details: { email: 'bob@example.test', groupIds: [2], password: 'link' },
  }),
];

function server(routes: Record<string, (call: RecordedCall) => Response> = {}, language: 'fr' | 'en' = 'fr') {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language, permissions: ['admin'] }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /users?limit=200': () => json({ items: users, nextCursor: null, total: 2 }),
    'GET /groups': () => json({ items: [support] }),
    'GET /audit-log?limit=50': () => json({ items: firstPage, nextCursor: 'c3', total: 3 }),
    'GET /audit-log?limit=50&cursor=c3': () => json({ items: secondPage, nextCursor: null, total: 3 }),
    ...routes,
  };
}

// The action filter's options carry the same labels: rows are looked up in the table.
const table = async () => within(await screen.findByRole('table'));
const row = (text: string) => {
  const tr = within(screen.getByRole('table')).getByText(text).closest('tr');
  if (!tr) throw new Error(`no row for ${text}`);
  return within(tr);
};

describe('audit log page', () => {
  it('shows who changed what and when, with a readable diff and secrets as "changed"', async () => {
    stubApi(server());
    renderApp('/admin/audit');
    expect((await table()).getByText('Paramètres modifiés')).toBeTruthy();
    const settings = row('Paramètres modifiés');
    expect(settings.getByText('Ada Admin')).toBeTruthy();
    expect(settings.getByText('Assistance → SAV Dupont')).toBeTruthy();
    expect(settings.getByText('portal.title.fr')).toBeTruthy();
    expect(settings.getByText('modifié')).toBeTruthy();
    expect(settings.getByText('non → oui')).toBeTruthy();
    expect(settings.getByText(/28 nov\. 2026/)).toBeTruthy();

    const group = row('Groupe modifié');
    expect(group.getByText('Groupe Support')).toBeTruthy();
    expect(group.getByText('Permissions')).toBeTruthy();
    expect(group.getByText('ajouté : ticket.export · retiré : ticket.write')).toBeTruthy();
    expect(screen.getByText('3 entrées')).toBeTruthy();
  });

  it('"more" loads the next page; a system action and ids read as names', async () => {
    const calls = stubApi(server());
    renderApp('/admin/audit');
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher plus' }));
    expect(await (await table()).findByText('Utilisateur créé')).toBeTruthy();
    const created = row('Utilisateur créé');
    expect(created.getByText('Système')).toBeTruthy();
    expect(created.getByText('Utilisateur Bob Agent')).toBeTruthy();
    expect(created.getByText('Support')).toBeTruthy();
    expect(created.getByText('lien à usage unique')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/audit-log?limit=50&cursor=c3');
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });

  it('filters by object, action and author, in English too', async () => {
    const calls = stubApi(
      server(
        {
          'GET /audit-log?limit=50&targetType=group': () =>
            json({ items: [firstPage[1]], nextCursor: null, total: 1 }),
          'GET /audit-log?limit=50&targetType=group&actorId=2': () =>
            json({ items: [], nextCursor: null, total: 0 }),
        },
        'en',
      ),
    );
    renderApp('/admin/audit', { language: 'en' });
    expect((await table()).getByText('Settings changed')).toBeTruthy();
    const pick = async (label: string, option: string) => {
      fireEvent.click(screen.getByLabelText(label, { selector: 'input:not([type=hidden])' }));
      fireEvent.click(await screen.findByRole('option', { name: option }));
    };
    await pick('Object', 'Group');
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('Settings changed')).toBeNull());
    expect(within(screen.getByRole('table')).getByText('Group changed')).toBeTruthy();
    await pick('Author', 'Bob Agent');
    expect(await screen.findByText('No entry matches.')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/audit-log?limit=50&targetType=group&actorId=2');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(await (await table()).findByText('Settings changed')).toBeTruthy();
  });

  it('is for administrators only', async () => {
    stubApi({
      ...server(),
      'GET /auth/me': () => json({ user: makeUser({ permissions: ['ticket.read'] }), csrfToken: 'csrf' }),
    });
    renderApp('/admin/audit');
    expect(await screen.findByText('Accès refusé')).toBeTruthy();
  });
});
