import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, makeUser, renderApp, stubApi } from '../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

describe('administration overview', () => {
  it('groups every settings page by area, each card linking to its page', async () => {
    stubApi({
      'GET /auth/me': () => json({ user: makeUser({ language: 'en' }), csrfToken: 'csrf' }),
      'GET /auth/setup': () => json({ setupRequired: false }),
    });
    renderApp('/admin', { language: 'en' });
    const expected: Record<string, [string, string][]> = {
      'Users and access': [
        ['Users', '/admin/users'],
        ['Groups and permissions', '/admin/groups'],
        ['Audit log', '/admin/audit'],
      ],
      Tickets: [
        ['Dictionaries', '/admin/dictionaries'],
        ['Custom fields', '/admin/custom-fields'],
        ['Parameters', '/admin/parameters'],
      ],
      Email: [
        ['Email', '/admin/email'],
        ['Email templates', '/admin/email/templates'],
        ['Email quarantine', '/admin/email/quarantine'],
      ],
    };
    for (const [section, links] of Object.entries(expected)) {
      const region = within(await screen.findByRole('region', { name: section }));
      const found = region.getAllByRole('link').map((a) => a.getAttribute('href'));
      expect(found).toEqual(links.map(([, href]) => href));
      for (const [title, href] of links)
        expect(
          region.getByText(title, { selector: 'a > p:first-child' }).closest('a')?.getAttribute('href'),
        ).toBe(href);
    }
  });
});
