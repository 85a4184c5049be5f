import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, makeUser, renderApp } from '../../../test-utils.js';
import { baseRoutes, makeListItem, queriesTo, stubRoutes } from '../testing.js';
import { customFieldRoutes } from './testing.js';

// The list page is a big DOM (filters with their option lists): role queries need more than a second.
configure({ asyncUtilTimeout: 5000 });

const page = () => json({ items: [makeListItem()], nextCursor: null, total: 1, totalCapped: false });

function lastListQuery(calls: Parameters<typeof queriesTo>[0]): Record<string, string> {
  const queries = queriesTo(calls, 'GET', '/tickets');
  return Object.fromEntries(queries[queries.length - 1]?.entries() ?? []);
}

const chips = () =>
  within(screen.getByRole('list', { name: /champs personnalisés|Custom field filters/ }))
    .getAllByRole('listitem')
    .map((c) => c.textContent);

// Walks through the list page's big DOM: more time than the default on a busy machine.
describe('custom-field filter of the ticket list', { timeout: 40_000 }, () => {
  it('picks a field, a value fitting its type, and keeps the filter in the URL and the query as a removable chip', async () => {
    const calls = stubRoutes({ ...baseRoutes(makeUser()), ...customFieldRoutes(), 'GET /tickets': page });
    renderApp('/tickets');
    await screen.findByRole('link', { name: 'TS2611-0001' });

    const fieldPicker = await screen.findByLabelText('Champ personnalisé', {
      selector: 'input:not([type=hidden])',
    });
    fireEvent.click(fieldPicker);
    // Inactive fields can still be filtered on: old tickets hold their values.
    expect(await screen.findByRole('option', { name: 'Ancien code (inactif)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('option', { name: 'Site' }));
    fireEvent.click(screen.getByLabelText('Valeur', { selector: 'input:not([type=hidden])' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Lyon' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Paris' }));
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));

    await waitFor(() => expect(lastListQuery(calls)).toEqual({ 'cf.site': 'lyon,paris' }));
    expect(chips()).toEqual(['Site\u00a0: Lyon, Paris']);

    fireEvent.click(screen.getByRole('button', { name: 'Retirer le filtre Site\u00a0: Lyon, Paris' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({}));
    expect(screen.queryByRole('list', { name: 'Filtres sur les champs personnalisés' })).toBeNull();
  });

  it('a number gets a range, a box yes or no; the URL’s filters reach the API and the reset drops them', async () => {
    const calls = stubRoutes({
      ...baseRoutes(makeUser({ language: 'en' })),
      ...customFieldRoutes(),
      'GET /tickets': page,
    });
    renderApp('/tickets?cf.warranty=true&status=all', { language: 'en' });
    await screen.findByRole('link', { name: 'TS2611-0001' });
    expect(lastListQuery(calls)).toEqual({ status: 'all', 'cf.warranty': 'true' });
    await waitFor(() => expect(chips()).toEqual(['Under warranty: Yes']));

    fireEvent.click(screen.getByLabelText('Custom field', { selector: 'input:not([type=hidden])' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Units' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(lastListQuery(calls)).toEqual({ status: 'all', 'cf.warranty': 'true', 'cf.units': '5..' }),
    );
    expect(chips()).toEqual(['Under warranty: Yes', 'Units: ≥ 5']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({}));
  });
});
