import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../common/schemas/ticket.schema.js';
import { json, makeUser, renderApp } from '../../../test-utils.js';
import { abilities, baseRoutes, makeTicket, stubRoutes } from '../testing.js';

configure({ asyncUtilTimeout: 5000 });

function ticketRoutes(ticket: Ticket) {
  return {
    ...baseRoutes(makeUser()),
    'GET /tickets/1': () => json(ticket),
    'GET /tickets/1/messages': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /tickets/1/history': () => json({ items: [] }),
    'GET /tickets/1/documents': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
    'POST /tickets/1/close': () => json({ ...ticket, status: 'closed', resolution: 'solved' }),
  };
}

/** Opens the close dialog of a ticket with a customer to write to; answers the dialog and its checkbox. */
async function openCloseDialog(notifyCustomerOnClose: boolean, overrides: Partial<Ticket> = {}) {
  const ticket = makeTicket({
    version: 3,
    authorEmail: 'camille@example.test',
    abilities: abilities({ close: true }),
    defaults: { notifyCustomerOnClose },
    ...overrides,
  });
  const calls = stubRoutes(ticketRoutes(ticket));
  renderApp('/tickets/1');
  fireEvent.click(await screen.findByRole('button', { name: 'Clôturer' }));
  const dialog = await screen.findByRole('dialog');
  return { calls, dialog };
}

const closeBody = async (calls: ReturnType<typeof stubRoutes>, dialog: HTMLElement) => {
  fireEvent.click(within(dialog).getByRole('button', { name: 'Clôturer' }));
  await waitFor(() => expect(calls.some((c) => c.path === '/tickets/1/close')).toBe(true));
  return calls.find((c) => c.path === '/tickets/1/close')?.body;
};

describe('close dialog', () => {
  it('“notify the customer” starts ticked when the ticket says the setting asks for it, and is sent so', async () => {
    const { calls, dialog } = await openCloseDialog(true);
    const box = within(dialog).getByRole<HTMLInputElement>('checkbox', {
      name: 'Prévenir le client par e-mail',
    });
    expect(box.checked).toBe(true);
    expect(await closeBody(calls, dialog)).toEqual({
      resolution: 'solved',
      notifyCustomer: true,
      version: 3,
    });
  });

  it('“notify the customer” starts unticked when the setting is off, and is sent so', async () => {
    const { calls, dialog } = await openCloseDialog(false);
    const box = within(dialog).getByRole<HTMLInputElement>('checkbox', {
      name: 'Prévenir le client par e-mail',
    });
    expect(box.checked).toBe(false);
    expect(await closeBody(calls, dialog)).toEqual({
      resolution: 'solved',
      notifyCustomer: false,
      version: 3,
    });
  });

  it('the agent can still untick a default that is on', async () => {
    const { calls, dialog } = await openCloseDialog(true);
    fireEvent.click(within(dialog).getByLabelText('Prévenir le client par e-mail'));
    expect(await closeBody(calls, dialog)).toMatchObject({ notifyCustomer: false });
  });

  it('with nobody to write to, there is no checkbox and nothing is notified, whatever the default', async () => {
    const { calls, dialog } = await openCloseDialog(true, { authorEmail: null });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(await closeBody(calls, dialog)).toMatchObject({ notifyCustomer: false });
  });
});
