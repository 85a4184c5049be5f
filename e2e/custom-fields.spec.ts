import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './helpers.js';
import { enablePortal, readCreated } from './portal.helpers.js';
import { apiLogin, signIn } from './tickets.helpers.js';

const t = useBrowserTest();

/** The login page follows the browser, which asks for French in these tests. */
const LOGIN = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };
const AGENT = { email: 'bob@example.test', password: 'another horse battery' };

async function signInAs(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(LOGIN.email).fill(who.email);
  await page.getByLabel(LOGIN.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: LOGIN.submit }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).waitFor();
}

describe('custom fields, from the administration to the list filter', () => {
  it('an administrator adds a required portal select, a visitor must fill it, the agent sees it and filters on it', async () => {
    const { page, server } = t;
    await page.setViewportSize({ width: 1440, height: 900 });
    const admin = await apiLogin(server.baseUrl);
    await enablePortal(admin);
    const group = await admin.call<{ id: number }>('POST', '/groups', {
      name: 'Agents',
      permissions: ['ticket.read', 'ticket.write'],
    });
    await admin.call('POST', '/users', {
      email: AGENT.email,
      name: 'Bob Tech',
      language: 'fr',
      password: AGENT.password,
      groupIds: [group.id],
    });

    // The administrator defines the field in the browser.
    await signIn(page, server.baseUrl, LOGIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).waitFor();
    await page.goto(`${server.baseUrl}/admin/custom-fields`);
    await page.getByRole('heading', { name: 'Champs personnalisés' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un champ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau champ' });
    await dialog.getByRole('textbox', { name: 'Clé' }).fill('product');
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Liste (un choix)' }).click();
    await dialog.getByRole('textbox', { name: 'Libellé français' }).first().fill('Produit concerné');
    await dialog.getByRole('textbox', { name: 'Libellé anglais' }).first().fill('Product');
    await dialog.getByRole('radio', { name: /OUT · Portail/ }).check();
    const choices: [string, string, string][] = [
      ['printer', 'Imprimante', 'Printer'],
      ['scanner', 'Scanner', 'Scanner'],
    ];
    for (const [i, [value, fr, en]] of choices.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: 'Ajouter un choix' }).click();
      const row = dialog.getByRole('group', { name: `Choix ${i + 1}` });
      await row.getByRole('textbox', { name: 'Valeur' }).fill(value);
      await row.getByRole('textbox', { name: 'Libellé français' }).fill(fr);
      await row.getByRole('textbox', { name: 'Libellé anglais' }).fill(en);
    }
    await dialog.getByRole('switch', { name: /Obligatoire/ }).check({ force: true });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Champ enregistré.').waitFor();
    const row = page.locator('tr[data-field-key="product"]');
    await row.getByText('OUT · Portail').waitFor();
    await row.getByText('Oui', { exact: true }).waitFor();

    // A visitor (no staff session) cannot send the portal form without it.
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/portal/new`);
    await page.getByRole('heading', { name: 'Ouvrir un ticket' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill('visiteur@example.test');
    await page.getByLabel('Objet').fill('L’imprimante de l’accueil bourre');
    await page.getByLabel('Description').fill('Chaque page depuis ce matin.');
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByText('Ce champ est obligatoire.').waitFor();
    const product = page.getByLabel('Produit concerné');
    expect(await product.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => product.evaluate((el) => el === document.activeElement)).toBe(true);
    await product.selectOption({ label: 'Imprimante' });
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByRole('heading', { name: 'Votre ticket est créé' }).waitFor();
    const { ref } = await readCreated(page);

    // Another ticket holds the other choice, so the filter has something to leave out.
    const other = await admin.call<{ id: number; version: number; ref: string }>('POST', '/tickets', {
      subject: 'Le scanner ne démarre plus',
      message: '<p>Écran noir.</p>',
    });
    await admin.call('PATCH', `/tickets/${other.id}`, {
      version: other.version,
      customFields: { product: 'scanner' },
    });

    // The agent sees the value on the ticket.
    await page.context().clearCookies();
    await signInAs(page, server.baseUrl, AGENT);
    await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('link', { name: other.ref }).waitFor();
    await page.getByRole('link', { name: ref }).click();
    const card = page.getByRole('region', { name: 'Champs personnalisés' });
    await card.getByText('Produit concerné').waitFor();
    await card.getByText('Imprimante', { exact: true }).waitFor();

    // … and filters the list by it.
    await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('link', { name: other.ref }).waitFor();
    await page.getByRole('combobox', { name: 'Champ personnalisé' }).click();
    await page.getByRole('option', { name: 'Produit concerné' }).click();
    await page.getByRole('combobox', { name: 'Valeur' }).click();
    await page.getByRole('option', { name: 'Imprimante' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/cf\.product=printer/);
    await page.getByRole('listitem').filter({ hasText: 'Produit concerné : Imprimante' }).waitFor();
    await page.getByRole('link', { name: ref }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: other.ref }).count()).toBe(0);

    // The filter stays in the address: a reload shows the same view.
    await page.reload();
    await page.getByRole('link', { name: ref }).waitFor();
    expect(await page.getByRole('link', { name: other.ref }).count()).toBe(0);
  });
});
