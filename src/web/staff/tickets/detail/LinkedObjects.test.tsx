import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketLink } from '../../../../common/schemas/ticket-link.schema.js';
import { json, makeUser, renderApp } from '../../../test-utils.js';
import { abilities, baseRoutes, makeTicket, stubRoutes } from '../testing.js';

configure({ asyncUtilTimeout: 5000 });

const link = (overrides: Partial<TicketLink>): TicketLink => ({
  objectType: 'intervention',
  objectId: 1,
  ref: 'FI2611-0001',
  label: 'Plotter prints stripes',
  status: 'validated',
  durationMinutes: 135,
  totalExclTax: null,
  totalInclTax: null,
  start: null,
  end: null,
  linkedAt: '2026-11-20T09:30:00.000Z',
  linkedBy: 1,
  ...overrides,
});

const LINKS: TicketLink[] = [
  link({}),
  link({
    objectType: 'proposal',
    objectId: 4,
    ref: 'PR2611-0001',
    label: 'Acme Industries',
    status: 'draft',
    durationMinutes: null,
    totalExclTax: 59.97,
    totalInclTax: 71.96,
  }),
  link({
    objectType: 'event',
    objectId: 9,
    ref: null,
    label: 'TS2611-0001 – Visit',
    status: 'done',
    durationMinutes: null,
    start: '2026-11-24T13:00:00.000Z',
    end: '2026-11-24T14:00:00.000Z',
  }),
];

function routes(user = makeUser(), links = LINKS) {
  return {
    ...baseRoutes(user),
    'GET /tickets/1': () => json(makeTicket({ abilities: abilities() })),
    'GET /tickets/1/messages': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /tickets/1/links': () => json({ items: links }),
  };
}

const block = () => screen.findByRole('region', { name: 'Objets liés' });

describe('linked objects on the ticket page', () => {
  it('lists each object with its type, ref, status and the totals or duration of the API', async () => {
    stubRoutes(routes());
    renderApp('/tickets/1');
    const rows = await within(await block()).findAllByRole('row');
    const text = rows.slice(1).map((r) => r.textContent?.replace(/\s/g, ' '));
    expect(text[0]).toMatch(/^InterventionFI2611-0001Plotter prints stripesValidée2 h 15 min/);
    expect(text[1]).toMatch(/^PropositionPR2611-0001Acme IndustriesBrouillon59,97 HT · 71,96 TTC/);
    expect(text[2]).toMatch(/^ÉvénementTS2611-0001 – VisitFait/);
    const region = await block();
    expect(within(region).getByRole('link', { name: 'FI2611-0001' }).getAttribute('href')).toBe(
      '/interventions/1',
    );
    expect(within(region).getByRole('link', { name: 'PR2611-0001' }).getAttribute('href')).toBe(
      '/proposals/4',
    );
  });

  it('unlinks after confirmation, naming the object type and id', async () => {
    const calls = stubRoutes({
      ...routes(),
      'DELETE /tickets/1/links': () => json({ items: LINKS.slice(1) }),
    });
    renderApp('/tickets/1');
    fireEvent.click(await within(await block()).findByRole('button', { name: 'Délier FI2611-0001' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/FI2611-0001 ne sera plus lié à ce ticket/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Délier' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(
      '/tickets/1/links?objectType=intervention&objectId=1',
    );
    expect(await screen.findByText('Lien retiré.')).toBeTruthy();
  });

  it('offers to unlink only the kinds of object the user may change', async () => {
    stubRoutes(
      routes(
        makeUser({ permissions: ['ticket.read', 'intervention.read', 'proposal.read', 'proposal.write'] }),
      ),
    );
    renderApp('/tickets/1');
    const region = await block();
    await within(region).findByRole('link', { name: 'PR2611-0001' });
    expect(
      within(region)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Délier PR2611-0001']);
  });

  it('is absent for a user who may read no kind of linked object, and says when there is none', async () => {
    const calls = stubRoutes(routes(makeUser({ permissions: ['ticket.read'] })));
    const { unmount } = renderApp('/tickets/1');
    await screen.findByRole('heading', { name: 'Printer jams on every page' });
    expect(screen.queryByRole('region', { name: 'Objets liés' })).toBeNull();
    expect(calls.some((c) => c.path === '/tickets/1/links')).toBe(false);
    unmount();

    stubRoutes(routes(makeUser(), []));
    renderApp('/tickets/1');
    expect(
      await within(await block()).findByText(/Aucune intervention, proposition ni événement lié/),
    ).toBeTruthy();
  });
});
