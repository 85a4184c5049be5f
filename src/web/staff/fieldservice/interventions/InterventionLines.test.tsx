import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../../../common/schemas/intervention.schema.js';
import { json, makeUser, renderApp } from '../../../test-utils.js';
import { baseRoutes, stubRoutes } from '../../tickets/testing.js';
import { makeIntervention } from '../testing.js';

configure({ asyncUtilTimeout: 5000 });

const LINES = [
  { id: 11, date: '2026-11-23', durationMinutes: 90, description: 'Diagnosis' },
  { id: 12, date: '2026-11-24', durationMinutes: 45, description: 'Belt replaced' },
];

function routes(intervention: Intervention, user = makeUser()) {
  return { ...baseRoutes(user), 'GET /interventions/1': () => json(intervention) };
}

const linesTable = () => screen.findByRole('table', { name: 'Lignes de temps' });
const total = async () =>
  within(await linesTable())
    .getByRole('columnheader', { name: 'Durée totale' })
    .textContent?.replace(/\s/g, ' ');

describe('intervention lines', () => {
  it('lists the lines with the total the server computed', async () => {
    stubRoutes(routes(makeIntervention({ lines: LINES, durationMinutes: 135 })));
    renderApp('/interventions/1');
    const rows = within(await linesTable()).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Date'),
      expect.stringContaining('Diagnosis'),
      expect.stringContaining('Belt replaced'),
      expect.stringContaining('Total'),
    ]);
    expect(await total()).toBe('2 h 15 min');
  });

  it('adds a line, sends date, minutes and description, and shows the new total from the answer', async () => {
    const before = makeIntervention({ lines: [LINES[0]!], durationMinutes: 90 });
    let current = before;
    const calls = stubRoutes({
      ...routes(before),
      'GET /interventions/1': () => json(current),
      'POST /interventions/1/lines': () => {
        current = { ...before, lines: LINES, durationMinutes: 135 };
        return json(current, 201);
      },
    });
    renderApp('/interventions/1');
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une ligne' }));
    const form = await screen.findByRole('form', { name: 'Nouvelle ligne' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Date/ }), {
      target: { value: '24/11/2026' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Durée/ }), { target: { value: '45' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Description' }), {
      target: { value: ' Belt replaced ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      date: '2026-11-24',
      durationMinutes: 45,
      description: 'Belt replaced',
    });
    expect(await screen.findByText('Ligne ajoutée.')).toBeTruthy();
    await waitFor(async () => expect(await total()).toBe('2 h 15 min'));
  });

  it('refuses a duration out of 1–1440 minutes before calling the server', async () => {
    const calls = stubRoutes(routes(makeIntervention()));
    renderApp('/interventions/1');
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une ligne' }));
    const form = await screen.findByRole('form', { name: 'Nouvelle ligne' });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Une durée en minutes, de 1 à 1440')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('edits and deletes a line through its own route', async () => {
    const intervention = makeIntervention({ lines: LINES, durationMinutes: 135 });
    const calls = stubRoutes({
      ...routes(intervention),
      'PATCH /interventions/1/lines/12': () => json({ ...intervention, durationMinutes: 150 }),
      'DELETE /interventions/1/lines/11': () =>
        json({ ...intervention, lines: [LINES[1]!], durationMinutes: 45 }),
    });
    renderApp('/interventions/1');
    const table = await linesTable();
    fireEvent.click(within(table).getByRole('button', { name: /Modifier la ligne du 24 nov/ }));
    const form = await screen.findByRole('form', { name: 'Modifier la ligne' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Durée/ }), { target: { value: '60' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      date: '2026-11-24',
      durationMinutes: 60,
      description: 'Belt replaced',
    });

    fireEvent.click(within(await linesTable()).getByRole('button', { name: /Supprimer la ligne du 23 nov/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(await screen.findByText('Ligne supprimée.')).toBeTruthy();
  });

  it('a done intervention shows its lines but no way to change them', async () => {
    stubRoutes(
      routes(makeIntervention({ status: 'done', editable: false, lines: LINES, durationMinutes: 135 })),
    );
    renderApp('/interventions/1');
    const table = await linesTable();
    expect(within(table).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Ajouter une ligne' })).toBeNull();
    expect(screen.getByText(/ses lignes ne peuvent plus être modifiées/)).toBeTruthy();
  });
});
