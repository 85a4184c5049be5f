import { describe, expect, it } from 'vitest';
import { localPath, useBrowserTest } from './helpers.js';
import {
  enablePortal,
  fitsWidth,
  portalBundle,
  PORTAL_JS_BUDGET_BYTES,
  readCreated,
  staffTicket,
} from './portal.helpers.js';
import { apiLogin, screenshot, writePng } from './tickets.helpers.js';

const t = useBrowserTest();

describe('public portal', () => {
  it('a visitor opens a ticket in French with an attachment, follows it, replies, reads the answer and closes it', async () => {
    const { page, server } = t;
    const admin = await apiLogin(server.baseUrl);
    await enablePortal(admin);

    await page.goto(`${server.baseUrl}/portal`);
    await page.getByRole('heading', { name: 'Assistance Acme' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByText('Nous répondons sous 24 heures.').isVisible()).toBe(true);
    await screenshot(page, 'portal-home-fr');
    await page.getByRole('link', { name: /Ouvrir un ticket/ }).click();
    await page.getByRole('heading', { name: 'Ouvrir un ticket' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/new');

    // Sending too early: the first field in error gets the focus, nothing is sent.
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByText('Indiquez votre adresse e-mail.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');

    // The honeypot is in the form but nowhere a person could see it.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.count()).toBe(1);
    const box = await honeypot.boundingBox();
    expect(box === null || box.x + box.width <= 0).toBe(true);

    await page.getByLabel('Adresse e-mail').fill('visiteur@example.test');
    await page.getByLabel('Votre nom').fill('Valérie Visiteur');
    await page.getByLabel('Objet').fill('La badgeuse ne répond plus');
    await page
      .getByLabel('Description')
      .fill('Depuis ce matin, la badgeuse de l’entrée reste éteinte.\nMerci.');
    await page.getByLabel('Pièces jointes').setInputFiles(writePng('badgeuse.png'));
    await screenshot(page, 'portal-new-ticket-fr');
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();

    await page.getByRole('heading', { name: 'Votre ticket est créé' }).waitFor();
    const { ref, trackId } = await readCreated(page);
    await screenshot(page, 'portal-created-fr');
    expect(ref).toMatch(/^TS\d{4}-\d{4}$/);
    expect(trackId.length).toBeGreaterThan(6);
    expect(
      await page.getByText('Un e-mail de confirmation a été envoyé à visiteur@example.test').isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Copier la clé' }).isVisible()).toBe(true);

    // Another browser (no portal cookie): the tracking key and the email open the ticket.
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/portal/follow`);
    await page.getByLabel('Clé de suivi').fill(trackId);
    await page.getByLabel('Adresse e-mail').fill('autre@example.test');
    await page.getByRole('button', { name: 'Afficher le ticket' }).click();
    await page.getByText('Aucun ticket ne correspond à cette clé et cette adresse e-mail.').waitFor();
    await page.getByLabel('Adresse e-mail').fill('VISITEUR@example.test');
    await page.getByRole('button', { name: 'Afficher le ticket' }).click();
    await page.getByRole('heading', { name: 'La badgeuse ne répond plus' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal/t/${trackId}`);
    expect(await page.getByText('Reçu', { exact: true }).isVisible()).toBe(true);
    await page
      .getByRole('link', { name: /Télécharger badgeuse\.png/ })
      .first()
      .waitFor();

    // The customer answers with an attachment.
    await page.getByLabel('Votre message').fill('La photo de l’écran est jointe.');
    await page.getByLabel('Pièces jointes').setInputFiles(writePng('ecran.png'));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('Votre message a été envoyé.').waitFor();
    const customerMessage = page.locator('.message-customer', { hasText: 'La photo de l’écran est jointe.' });
    await customerMessage.getByRole('link', { name: /Télécharger ecran\.png/ }).waitFor();

    // The team answers through the staff API, and writes a private note that must never show.
    const ticket = await staffTicket(admin, 'La badgeuse ne répond plus', trackId);
    expect(ticket.ref).toBe(ref);
    await admin.call('POST', `/tickets/${ticket.id}/messages`, {
      body: '<p>Nous passons la redémarrer cet après-midi.</p>',
    });
    await admin.call('POST', `/tickets/${ticket.id}/messages`, {
      body: '<p>NOTE INTERNE : client pénible.</p>',
      private: true,
    });
    await page.reload();
    await page.getByText('Nous passons la redémarrer cet après-midi.').waitFor();
    expect(await page.getByText('NOTE INTERNE').count()).toBe(0);
    // Newest first: the team's answer comes before the customer's message.
    const bodies = await page.locator('.messages > li .rich-text').allInnerTexts();
    expect(bodies[0]).toContain('Nous passons la redémarrer');
    await screenshot(page, 'portal-ticket-fr');

    // Closing asks first, then the ticket is closed for the team too.
    await page.getByRole('button', { name: 'Clôturer mon ticket' }).click();
    await page.getByRole('button', { name: 'Oui, clôturer' }).click();
    await page.getByText('Votre ticket est clôturé. Merci !').waitFor();
    expect(await page.getByText('Clôturé', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel('Votre message').count()).toBe(0);
    expect((await staffTicket(admin, 'La badgeuse ne répond plus', trackId)).status).toBe('closed');

    // The signed link of the emails opens the ticket with nothing else, and leaves the address bar clean.
    await page.context().clearCookies();
    const link = await server.testApp.services.portalLinks.ticketLink(trackId);
    await page.goto(`${server.baseUrl}${localPath(link)}`);
    await page.getByRole('heading', { name: 'La badgeuse ne répond plus' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('in English, with the proof-of-work captcha, on a 360 px phone', async () => {
    const { page, server } = t;
    const admin = await apiLogin(server.baseUrl);
    await enablePortal(admin, { 'portal.captcha': true });
    await page.setViewportSize({ width: 360, height: 740 });

    await page.goto(`${server.baseUrl}/portal`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Acme Support' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('link', { name: /Open a ticket/ }).click();
    await page.getByLabel('Email address').fill('visitor@example.test');
    await page.getByLabel('Subject').fill('Badge reader is dead');
    await page.getByLabel('Description').fill('Since this morning.');
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'Send the ticket' }).click();
    await page.getByRole('heading', { name: 'Your ticket has been created' }).waitFor({ timeout: 30_000 });
    const { trackId } = await readCreated(page);
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('link', { name: 'View my ticket' }).click();
    await page.getByRole('heading', { name: 'Badge reader is dead' }).waitFor();
    expect(await page.getByText('Received', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('No message yet.').isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'portal-ticket-en-360px');
    const staff = await staffTicket(admin, 'Badge reader is dead', trackId);
    expect(staff.status).toBe('unread');

    // The choice of language outlives the page.
    await page.reload();
    await page.getByRole('heading', { name: 'Badge reader is dead' }).waitFor();
    expect(await page.getByRole('button', { name: 'Français' }).isVisible()).toBe(true);
  });

  it('the personalized link shows the customer, its tickets, and opens one for a contact', async () => {
    const { page, server } = t;
    const admin = await apiLogin(server.baseUrl);
    await enablePortal(admin);
    const acme = await admin.call<{ id: number }>('POST', '/thirdparties', {
      name: 'Acme Industries',
      email: 'it@acme.example',
    });
    const carla = await admin.call<{ id: number }>('POST', '/contacts', {
      thirdpartyId: acme.id,
      name: 'Carla Contact',
      email: 'carla@acme.example',
    });
    await admin.call('POST', '/tickets', {
      subject: 'Printer on floor 2 jams',
      message: '<p>Every page.</p>',
      thirdpartyId: acme.id,
    });
    const link = await admin.call<{ url: string | null }>('POST', `/thirdparties/${acme.id}/portal-link`);
    if (!link.url) throw new Error('no personalized link');

    await page.goto(`${server.baseUrl}${localPath(link.url)}`);
    await page.getByRole('heading', { name: 'Espace client : Acme Industries' }).waitFor();
    await page.getByRole('link', { name: /Printer on floor 2 jams/ }).waitFor();

    await screenshot(page, 'portal-customer-fr');
    await page.getByRole('button', { name: 'Ouvrir un ticket' }).click();
    await page.getByLabel('Contact').selectOption({ label: 'Carla Contact' });
    await page.getByLabel('Adresse e-mail').fill('carla@acme.example');
    await page.getByLabel('Objet').fill('Badge for the new intern');
    await page.getByLabel('Description').fill('Starting Monday.');
    await page.getByRole('button', { name: 'Envoyer le ticket' }).click();
    await page.getByRole('heading', { name: 'Votre ticket est créé' }).waitFor();
    const { trackId } = await readCreated(page);

    await page.getByRole('button', { name: 'Vos tickets' }).click();
    await page.getByRole('link', { name: /Badge for the new intern/ }).waitFor();
    const created = await admin.call<{ thirdpartyId: number | null; contactId: number | null }>(
      'GET',
      `/tickets/${(await staffTicket(admin, 'Badge for the new intern', trackId)).id}`,
    );
    expect(created).toMatchObject({ thirdpartyId: acme.id, contactId: carla.id });

    // A revoked link no longer opens anything.
    await admin.call('DELETE', `/thirdparties/${acme.id}/portal-link`);
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}${localPath(link.url)}`);
    await page.getByText('Ce lien n’est plus valable. Demandez-nous un nouveau lien.').waitFor();
  });

  it('says the portal is closed while it is disabled', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/portal/new`);
    await page.getByRole('heading', { name: 'Le portail est fermé' }).waitFor();
    expect(await page.getByRole('button', { name: 'Envoyer le ticket' }).count()).toBe(0);
  });

  it('stays within its budget of gzipped JavaScript', () => {
    const bundle = portalBundle();
    console.log(
      `portal JavaScript: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (${bundle.files
        .map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB`)
        .join(', ')})`,
    );
    expect(bundle.files.some((f) => f.file.startsWith('captcha.worker'))).toBe(true);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(PORTAL_JS_BUDGET_BYTES);
  });
});
