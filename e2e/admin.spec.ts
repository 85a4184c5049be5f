import { describe, expect, it } from 'vitest';
import { ADMIN } from '../test/helpers/app.js';
import { localPath, useBrowserTest, watchPageErrors } from './helpers.js';
import { apiLogin } from './tickets.helpers.js';

const t = useBrowserTest();

const USER = { email: 'lea@example.test', name: 'Léa Agent', password: 'le mot de passe de Léa' };

describe('administration in a real browser', () => {
  it('an invited user sets a password with the one-time link; a permission taken from their group is refused at their next action', async () => {
    const { page, server } = t;
    const admin = await apiLogin(server.baseUrl);
    await admin.call('POST', '/groups', { name: 'Agents', permissions: ['ticket.read', 'ticket.write'] });
    const ticket = await admin.call<{ id: number }>('POST', '/tickets', {
      subject: 'Imprimante en panne',
      message: '<p>Elle ne s’allume plus.</p>',
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });

    // The administrator creates the account without a password and copies the one-time link.
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: /^Utilisateurs/ }).click();
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
    await form.getByLabel('Adresse e-mail').fill(USER.email);
    await form.getByLabel('Nom complet').fill(USER.name);
    await form.getByRole('combobox', { name: 'Groupes' }).click();
    await page.getByRole('option', { name: 'Agents' }).click();
    await form.getByRole('heading', { name: 'Nouvel utilisateur' }).click();
    await form.getByRole('button', { name: 'Créer' }).click();

    const shown = page.getByRole('dialog', { name: 'Utilisateur créé' });
    const link = await shown.getByLabel('Lien à usage unique').inputValue();
    expect(link).toMatch(/\/set-password\?token=/);
    await shown.getByRole('button', { name: 'Copier' }).click();
    await shown.getByRole('button', { name: 'Copié' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await shown.getByRole('button', { name: 'Fermer' }).click();
    const row = page.getByRole('row').filter({ hasText: USER.email });
    await row.getByText('Mot de passe à choisir').waitFor();

    // The user, in their own browser profile, opens the link, chooses a password and signs in.
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const userContext = await browser.newContext({ locale: 'fr-FR' });
    try {
      const userPage = await userContext.newPage();
      const userErrors = watchPageErrors(userPage);
      await userPage.goto(`${server.baseUrl}${localPath(link)}`);
      await userPage.getByLabel('Nouveau mot de passe').fill(USER.password);
      await userPage.getByLabel('Confirmer le mot de passe').fill(USER.password);
      await userPage.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await userPage.waitForURL('**/login');
      await userPage.getByLabel('Adresse e-mail').fill(USER.email);
      await userPage.getByLabel('Mot de passe', { exact: true }).fill(USER.password);
      await userPage.getByRole('button', { name: 'Se connecter' }).click();
      await userPage.getByRole('heading', { name: `Bonjour, ${USER.name}` }).waitFor();
      await userPage.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
      const ticketLink = userPage.getByRole('link', { name: 'Imprimante en panne' });
      await ticketLink.waitFor();

      // The administrator unticks "see tickets" for the user's group in the matrix.
      await page.getByRole('link', { name: 'Administration' }).first().click();
      await page.getByRole('link', { name: /^Groupes et permissions/ }).click();
      const box = page.getByRole('checkbox', { name: 'Voir les tickets pour Agents' });
      expect(await box.isChecked()).toBe(true);
      const saved = page.waitForResponse(
        (res) => res.url().endsWith('/permissions') && res.request().method() === 'PUT',
      );
      await box.click();
      expect((await saved).status()).toBe(200);
      expect(await box.isChecked()).toBe(false);

      // The user's very next action, opening the ticket they were looking at, is refused.
      const refused = userPage.waitForResponse((res) => res.url().endsWith(`/api/v1/tickets/${ticket.id}`));
      await ticketLink.click();
      expect((await refused).status()).toBe(404);
      await userPage.getByText('Ce ticket n’existe pas ou vous n’y avez pas accès.').waitFor();
      expect(userErrors).toEqual([]);

      // The change is in the audit log, with its author.
      await page.getByRole('link', { name: 'Administration' }).first().click();
      await page.getByRole('link', { name: /^Journal d’administration/ }).click();
      const entry = page.getByRole('row').filter({ hasText: 'Groupe modifié' }).first();
      await entry.getByText('retiré : ticket.read').waitFor();
      await entry.getByText(ADMIN.name).waitFor();
    } finally {
      await userContext.close();
    }
  });
});
