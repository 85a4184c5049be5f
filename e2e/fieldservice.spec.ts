import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './helpers.js';
import { apiLogin, screenshot, setLanguage, signIn } from './tickets.helpers.js';

const t = useBrowserTest();

const LOGIN = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };

/** "2 h 15 min" as Intl writes it in French (no-break spaces inside). */
const duration = (hours: number, minutes: number) => new RegExp(`^${hours}\\s?h\\s${minutes}\\s?min$`);

describe('field service, in French', () => {
  it('ticket with equipment → intervention with two lines → duration on the ticket → proposal → event', async () => {
    const { page, server } = t;
    await page.setViewportSize({ width: 1440, height: 900 });
    const admin = await apiLogin(server.baseUrl);
    await setLanguage(admin, 'fr');

    // Seeded through the API as an integration would: a customer, its contract and a machine under it,
    // and the customer's request.
    const acme = await admin.call<{ id: number }>('POST', '/thirdparties', {
      name: 'Acme Industries',
      address: '12 rue des Lilas\n69003 Lyon',
    });
    const contract = await admin.call<{ id: number; ref: string }>('POST', '/contracts', {
      thirdpartyId: acme.id,
      label: 'Maintenance traceurs',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    await admin.call('POST', `/contracts/${contract.id}/status`, { status: 'active' });
    await admin.call('POST', '/equipment', {
      thirdpartyId: acme.id,
      label: 'Traceur HP T650',
      serialNumber: 'SN-4711',
      contractId: contract.id,
    });
    const ticket = await admin.call<{ id: number; ref: string }>('POST', '/tickets', {
      subject: 'Le traceur imprime des bandes',
      message: '<p>Des bandes grises sur chaque plan.</p>',
      thirdpartyId: acme.id,
    });

    await signIn(page, server.baseUrl, LOGIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Interventions' }).waitFor();

    // The ticket designates the customer's machine, picked among that customer's equipment.
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await page.getByRole('heading', { name: 'Le traceur imprime des bandes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Modifier le ticket' });
    await edit.getByRole('combobox', { name: 'Équipement' }).click();
    await page.getByRole('option', { name: 'Traceur HP T650 · SN-4711' }).click();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.getByRole('link', { name: 'Traceur HP T650 · SN-4711' }).waitFor();

    // "Créer une intervention": linked to the ticket, with its equipment and the equipment's contract.
    const toolbar = page.getByRole('toolbar', { name: 'Actions sur le ticket' });
    await toolbar.getByRole('button', { name: 'Créer une intervention' }).click();
    const create = page.getByRole('form', { name: 'Nouvelle intervention' });
    await create.getByRole('button', { name: 'Créer' }).click();
    await page.waitForURL(/\/interventions\/\d+$/);
    await page.getByText(/^Intervention FI\d{4}-\d{4,} créée\.$/).waitFor();
    await page.getByRole('link', { name: 'Traceur HP T650' }).waitFor();
    await page.getByRole('link', { name: contract.ref }).waitFor();
    await page
      .getByRole('region', { name: 'Tickets liés' })
      .getByRole('link', { name: ticket.ref })
      .waitFor();

    // Two lines of work: 1 h 30 and 45 min.
    for (const [minutes, description] of [
      ['90', 'Diagnostic et nettoyage des têtes'],
      ['45', 'Remplacement de la courroie'],
    ] as const) {
      await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
      const line = page.getByRole('form', { name: 'Nouvelle ligne' });
      await line.getByRole('textbox', { name: 'Durée (min)' }).fill(minutes);
      await line.getByRole('textbox', { name: 'Description' }).fill(description);
      await line.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('cell', { name: description, exact: true }).waitFor();
    }
    const lines = page.getByRole('table', { name: 'Lignes de temps' });
    await expect
      .poll(() => lines.getByRole('columnheader', { name: 'Durée totale' }).textContent())
      .toMatch(duration(2, 15));
    await screenshot(page, 'fr-intervention');

    // The ticket shows the time spent and the intervention among its linked objects.
    await page.getByRole('region', { name: 'Tickets liés' }).getByRole('link', { name: ticket.ref }).click();
    await page.getByRole('heading', { name: 'Le traceur imprime des bandes', level: 1 }).waitFor();
    const timeSpent = page.locator('xpath=//dt[normalize-space()="Temps passé"]/following-sibling::dd[1]');
    await expect.poll(() => timeSpent.textContent()).toMatch(duration(2, 15));
    const linked = page.getByRole('region', { name: 'Objets liés' });
    await linked.getByRole('link', { name: /^FI\d{4}-\d{4,}$/ }).waitFor();
    await expect.poll(() => linked.textContent()).toMatch(/2\s?h\s15\s?min/);

    // "Créer une proposition": a line of 3 × 19,99 at 20 %, totals as the server computes them in cents.
    await toolbar.getByRole('button', { name: 'Créer une proposition' }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const proposalLine = page.getByRole('form', { name: 'Nouvelle ligne' });
    await proposalLine.getByRole('textbox', { name: 'Description' }).fill('Kit de maintenance');
    await proposalLine.getByRole('textbox', { name: 'Quantité' }).fill('3');
    await proposalLine.getByRole('textbox', { name: 'Prix unitaire HT' }).fill('19,99');
    await proposalLine.getByRole('textbox', { name: 'TVA (%)' }).fill('20');
    await proposalLine.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('cell', { name: 'Kit de maintenance', exact: true }).waitFor();
    const totals = page.getByRole('table', { name: 'Totaux' });
    await expect
      .poll(() => totals.getByRole('row', { name: /Total HT/ }).textContent())
      .toBe('Total HT59,97');
    expect(await totals.getByRole('row', { name: /^TVA/ }).textContent()).toBe('TVA11,99');
    expect(await totals.getByRole('row', { name: /Total TTC/ }).textContent()).toBe('Total TTC71,96');
    await screenshot(page, 'fr-proposal');

    // The printable page: the customer's address and the same totals, without the app's frame.
    await page.getByRole('link', { name: 'Imprimer' }).click();
    await page.getByRole('heading', { name: /^Proposition commerciale PR\d{4}-\d{4,}$/ }).waitFor();
    await page.getByText('69003 Lyon', { exact: false }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // "Créer un événement": label from the ticket, type from the settings, linked to the ticket.
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await toolbar.getByRole('button', { name: 'Créer un événement' }).click();
    const event = page.getByRole('form', { name: 'Nouvel événement' });
    expect(await event.getByRole('textbox', { name: 'Libellé' }).inputValue()).toBe(
      `${ticket.ref} – Le traceur imprime des bandes`,
    );
    await event.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Événement créé.').waitFor();
    await linked.getByRole('link', { name: `${ticket.ref} – Le traceur imprime des bandes` }).waitFor();
    await expect.poll(() => linked.getByRole('row').count()).toBe(4); // header + 3 objects
    await screenshot(page, 'fr-ticket-links');

    const events = await admin.call<{ items: { typeCode: string; ticketIds: number[] }[] }>('GET', '/events');
    expect(events.items).toEqual([expect.objectContaining({ typeCode: 'AC_OTH', ticketIds: [ticket.id] })]);

    // The agenda's week shows it.
    await page.getByRole('navigation').getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: `${ticket.ref} – Le traceur imprime des bandes` }).waitFor();
    await screenshot(page, 'fr-agenda');
  });
});
