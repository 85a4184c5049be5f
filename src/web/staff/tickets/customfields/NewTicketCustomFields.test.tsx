import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, makeUser, renderApp } from '../../../test-utils.js';
import { baseRoutes, makeTicket, stubRoutes, typeRichText } from '../testing.js';
import { customFieldRoutes } from './testing.js';

configure({ asyncUtilTimeout: 5000 });

function routes(language: 'fr' | 'en', post: () => Response) {
  return {
    ...baseRoutes(makeUser({ language })),
    ...customFieldRoutes(),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
    'POST /tickets': post,
    'GET /tickets/42': () => json(makeTicket({ id: 42, ref: 'TS2611-0042' })),
    'GET /tickets/42/messages': () => json({ items: [], nextCursor: null, total: 0 }),
  };
}

async function fillRequest(subject: RegExp, description: RegExp) {
  const form = await screen.findByRole('form');
  fireEvent.change(within(form).getByLabelText(subject), { target: { value: 'Scanner offline' } });
  typeRichText(within(form).getByRole('textbox', { name: description }), 'Since Monday.');
  return form;
}

const input = (form: HTMLElement, label: RegExp) =>
  within(form).getByLabelText(label, { selector: 'input:not([type=hidden])' });

describe('custom fields on the new-ticket form', () => {
  // A long walk through a big form: more time than the default on a busy machine.
  it(
    'offers the internal and shared active fields, blocks on a missing required one, then sends the values',
    { timeout: 40_000 },
    async () => {
      const calls = stubRoutes(routes('fr', () => json(makeTicket({ id: 42, ref: 'TS2611-0042' }), 201)));
      renderApp('/tickets/new');
      const section = (await screen.findByText('Informations complémentaires')).parentElement as HTMLElement;
      const labels = ['Numéro de série', 'Site', 'Unités', 'Sous garantie', 'Date de visite'];
      for (const label of labels) expect(within(section).getByText(label)).toBeTruthy();
      // Portal-only and inactive fields are not the team's to fill in here.
      expect(screen.queryByText('Référence client')).toBeNull();
      expect(screen.queryByText('Ancien code')).toBeNull();

      const form = await fillRequest(/Sujet/, /Description/);
      const serial = input(section, /Numéro de série/);
      expect(serial.hasAttribute('required')).toBe(true);
      fireEvent.click(within(form).getByRole('button', { name: 'Créer le ticket' }));
      expect(await within(section).findByText('Champ obligatoire')).toBeTruthy();
      expect(serial.getAttribute('aria-invalid')).toBe('true');
      expect(calls.some((c) => c.method === 'POST')).toBe(false);

      fireEvent.change(serial, { target: { value: '  SN-0042 ' } });
      fireEvent.click(input(section, /^Site/));
      fireEvent.click(await screen.findByRole('option', { name: 'Lyon' }));
      fireEvent.change(input(section, /Unités/), { target: { value: '12' } });
      fireEvent.click(within(section).getByLabelText(/Sous garantie/));
      fireEvent.click(within(form).getByRole('button', { name: 'Créer le ticket' }));

      await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
      const body = calls.find((c) => c.method === 'POST')?.body as { customFields?: unknown };
      expect(body.customFields).toEqual({ serial: 'SN-0042', site: 'lyon', units: 12, warranty: true });
      expect(await screen.findByText('Ticket TS2611-0042 créé.')).toBeTruthy();
    },
  );

  it('shows the server’s refusal on the field it is about, in English', async () => {
    stubRoutes(
      routes('en', () =>
        apiError(400, 'invalid_custom_field', 'Invalid custom fields', {
          issues: [{ key: 'units', code: 'invalid', message: 'Expected a number' }],
        }),
      ),
    );
    renderApp('/tickets/new', { language: 'en' });
    const form = await fillRequest(/Subject/, /Description/);
    fireEvent.change(input(form, /Serial number/), { target: { value: 'SN-1' } });
    fireEvent.change(input(form, /Units/), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the ticket' }));

    expect(await screen.findByText('A number is expected')).toBeTruthy();
    expect(input(form, /Units/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Some custom fields need correcting.').closest('[role=alert]')).not.toBeNull();
    // Changing the field takes the server's message away.
    fireEvent.change(input(form, /Units/), { target: { value: '4' } });
    await waitFor(() => expect(screen.queryByText('A number is expected')).toBeNull());
  });
});
