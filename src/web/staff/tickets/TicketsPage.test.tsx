import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, makeUser, renderApp } from '../../test-utils.js';
import { baseRoutes, makeListItem, queriesTo, stubRoutes } from './testing.js';

// The list page is a big DOM (filters with their option lists): role queries need more than a second.
configure({ asyncUtilTimeout: 5000 });

const page = (
  items = [makeListItem()],
  nextCursor: string | null = null,
  total = items.length,
  totalCapped = false,
) => json({ items, nextCursor, total, totalCapped });

function lastListQuery(calls: Parameters<typeof queriesTo>[0]): Record<string, string> {
  const queries = queriesTo(calls, 'GET', '/tickets');
  return Object.fromEntries(queries[queries.length - 1]?.entries() ?? []);
}

describe('ticket list', () => {
  it('asks the server for exactly the view the URL describes, and shows rows and total', async () => {
    const calls = stubRoutes({
      ...baseRoutes(makeUser()),
      'GET /tickets': () =>
        page([makeListItem({ overdue: true, assigneeName: 'Bob Tech', thirdpartyName: 'Acme' })], null, 1234),
    });
    renderApp('/tickets?status=all&type=ISSUE&assignee=me&q=acme&searchIn=company&sort=ref&order=asc');

    expect(await screen.findByRole('link', { name: 'TS2611-0001' })).toBeTruthy();
    expect(lastListQuery(calls)).toEqual({
      status: 'all',
      type: 'ISSUE',
      assignee: 'me',
      q: 'acme',
      searchIn: 'company',
      sort: 'ref',
      order: 'asc',
    });
    // Intl writes 1 234 with a narrow no-break space; the matcher compares whitespace-normalized text.
    expect(screen.getByText('1 234 tickets')).toBeTruthy();
    const row = screen.getByRole('link', { name: 'TS2611-0001' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('En retard')).toBeTruthy();
    expect(within(row).getByText('Anomalie')).toBeTruthy();
    expect(within(row).getByText('Haute')).toBeTruthy();
    expect(within(row).getByText('Lu')).toBeTruthy();
    expect(within(row).getByText('Acme')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'TS2611-0001' }).getAttribute('href')).toBe('/tickets/1');
  });

  it('a click on a column header sorts by it, a second click reverses the order, and the page restarts', async () => {
    const calls = stubRoutes({ ...baseRoutes(makeUser()), 'GET /tickets': () => page() });
    renderApp('/tickets?cursor=abc&back=xyz');
    await screen.findByRole('link', { name: 'TS2611-0001' });

    fireEvent.click(screen.getByRole('button', { name: 'Trier par Sujet' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({ sort: 'subject', order: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /Sujet/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: 'Trier par Sujet' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({ sort: 'subject', order: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Sujet/ }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByRole('button', { name: 'Trier par Créé' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({ sort: 'createdAt', order: 'desc' }));
  });

  it('pages forward with the server’s cursor and back again to the first page', async () => {
    const calls = stubRoutes({
      ...baseRoutes(makeUser()),
      'GET /tickets': (call) =>
        call.path.includes('cursor=c2')
          ? page([makeListItem({ id: 2, ref: 'TS2611-0002' })], null, 2)
          : page([makeListItem()], 'c2', 2),
    });
    renderApp('/tickets');
    await screen.findByRole('link', { name: 'TS2611-0001' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Précédente' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Suivante' }));
    expect(await screen.findByRole('link', { name: 'TS2611-0002' })).toBeTruthy();
    expect(lastListQuery(calls)).toEqual({ cursor: 'c2' });
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Suivante' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Précédente' }));
    expect(await screen.findByRole('link', { name: 'TS2611-0001' })).toBeTruthy();
    expect(lastListQuery(calls)).toEqual({});
  });

  it('the status filter starts on “open”; picking a status replaces it and goes into the query', async () => {
    const calls = stubRoutes({ ...baseRoutes(makeUser()), 'GET /tickets': () => page() });
    renderApp('/tickets');
    await screen.findByRole('link', { name: 'TS2611-0001' });
    const status = screen.getByLabelText('Statut', { selector: 'input:not([type=hidden])' });
    expect(status.closest('.mantine-MultiSelect-root')?.textContent).toContain('Ouverts');

    fireEvent.click(status);
    fireEvent.click(await screen.findByRole('option', { name: 'En attente' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({ status: 'waiting' }));

    fireEvent.click(screen.getByRole('option', { name: 'Tous (avec clôturés)' }));
    await waitFor(() => expect(lastListQuery(calls)).toEqual({ status: 'all' }));
  });

  it('says “more than” when the server stopped counting', async () => {
    stubRoutes({ ...baseRoutes(makeUser()), 'GET /tickets': () => page([makeListItem()], 'c2', 1000, true) });
    renderApp('/tickets?text=printer');
    expect(await screen.findByText('Plus de 1 000 tickets')).toBeTruthy();
  });

  it('offers the CSV export of the current filter only to users allowed to export', async () => {
    stubRoutes({ ...baseRoutes(makeUser()), 'GET /tickets': () => page() });
    renderApp('/tickets?severity=HIGH&sort=ref&cursor=c9');
    const link = await screen.findByRole('link', { name: 'Exporter en CSV' });
    expect(link.getAttribute('href')).toBe('/api/v1/tickets/export.csv?severity=HIGH&sort=ref');
  });

  it('hides the export and the new-ticket button from a reader without those rights, in English', async () => {
    stubRoutes({
      ...baseRoutes(makeUser({ language: 'en', permissions: ['ticket.read'] })),
      'GET /tickets': () => page([], null, 0),
    });
    renderApp('/tickets', { language: 'en' });
    expect(await screen.findByText('No tickets')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Export to CSV' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New ticket' })).toBeNull();
  });
});
