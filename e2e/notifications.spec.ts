import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './helpers.js';
import { apiLogin } from './tickets.helpers.js';

const t = useBrowserTest();

const NORA = { email: 'nora@example.test', name: 'Nora Agent', password: 'nora horse battery' };

describe('staff notifications in Chromium', () => {
  it('an agent of the notification group sees the bell count rise, opens the ticket from the list, and turns email off', async () => {
    const { baseUrl, testApp } = t.server;
    const { page } = t;
    const admin = await apiLogin(baseUrl);
    const group = await admin.call<{ id: number }>('POST', '/groups', {
      name: 'Support',
      permissions: ['ticket.read', 'ticket.write'],
    });
    const nora = await admin.call<{ id: number }>('POST', '/users', {
      ...NORA,
      language: 'fr',
      groupIds: [group.id],
    });
    await admin.call('PATCH', '/settings', { 'notifications.groupId': group.id });

    // The bell polls every 30 s: a controllable clock lets the test skip the wait, not the polling.
    await page.clock.install();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill(NORA.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(NORA.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

    const ticket = await admin.call<{ id: number; ref: string }>('POST', '/tickets', {
      subject: 'Coffee machine leaks',
      message: '<p>Water everywhere</p>',
    });
    await testApp.services.runner.runDue();
    await page.clock.fastForward(31_000);
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('Notifications\u00a0: 1 non lue');

    await bell.click();
    await page
      .getByRole('button', { name: new RegExp(`Ada Admin a ouvert le ticket ${ticket.ref}`) })
      .click();
    await page.waitForURL(`**/tickets/${ticket.id}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Coffee machine leaks' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

    await page.getByRole('button', { name: `Menu de ${NORA.name}` }).click();
    await page.getByRole('switch', { name: 'M’envoyer mes notifications par e-mail' }).click();
    await expect
      .poll(async () => (await testApp.services.accounts.findUserById(nora.id))?.notify_by_email)
      .toBe(false);
  });
});
