import { describe, expect, it } from 'vitest';
import { ADMIN } from '../test/helpers/app.js';
import { useBrowserTest } from './helpers.js';

const t = useBrowserTest();

async function signIn(email: string, password: string) {
  await t.page.getByLabel('Adresse e-mail').fill(email);
  await t.page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await t.page.getByRole('button', { name: 'Se connecter' }).click();
}

const nav = () => t.page.getByRole('navigation');
const pathname = () => new URL(t.page.url()).pathname;

describe('signing in and out in a real browser', () => {
  it('an administrator signs in and sees the home page with every navigation entry', async () => {
    const { page, server } = t;
    await page.goto(server.baseUrl);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor({ state: 'visible' });

    await signIn(ADMIN.email, ADMIN.password);

    await page.getByRole('heading', { name: `Bonjour, ${ADMIN.name}` }).waitFor();
    expect(pathname()).toBe('/');
    for (const label of ['Accueil', 'Tickets', 'Clients', 'Administration']) {
      await nav().getByRole('link', { name: label }).waitFor({ state: 'visible' });
    }
    expect(await page.title()).toBe(`Bonjour, ${ADMIN.name} · Guichet`);
  });

  it('a wrong password shows the French error and stays on the login page', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/login`);
    await signIn(ADMIN.email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Adresse e-mail ou mot de passe invalide.');
    expect(pathname()).toBe('/login');
  });

  it('after five wrong passwords the login page says how many seconds to wait and holds the button', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/login`);
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answered = page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/login'));
      await signIn(ADMIN.email, `wrong password ${attempt}`);
      expect((await answered).status()).toBe(401);
    }
    await signIn(ADMIN.email, ADMIN.password);
    await alert.filter({ hasText: 'Trop de tentatives' }).waitFor();
    expect(await alert.textContent()).toMatch(/^Trop de tentatives\. Réessayez dans (\d+)\u00a0s\.$/);
    const seconds = Number(/(\d+)/.exec((await alert.textContent()) ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(800); // the lock lasts 15 minutes
    expect(await page.getByRole('button', { name: 'Se connecter' }).isDisabled()).toBe(true);
  });

  it('a visitor who opens a page before signing in lands on it after signing in', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/customers`);
    await page.waitForURL('**/login?next=%2Fcustomers');
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    expect(pathname()).toBe('/customers');
  });

  it('switching FR→EN translates at once and is stored on the user, so it survives a reload', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/login`);
    await signIn(ADMIN.email, ADMIN.password);
    await nav().getByRole('link', { name: 'Accueil' }).waitFor();

    const saved = page.waitForResponse(
      (res) => res.url().endsWith('/api/v1/auth/me') && res.request().method() === 'PATCH',
    );
    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
    await nav().getByRole('link', { name: 'Home' }).waitFor();
    await nav().getByRole('link', { name: 'Customers' }).waitFor({ state: 'visible' });
    expect(await nav().getByRole('link', { name: 'Accueil' }).count()).toBe(0);
    expect((await saved).status()).toBe(200);

    // The browser still prefers French: only the language stored on the user can bring English back.
    await page.reload();
    await nav().getByRole('link', { name: 'Home' }).waitFor();
    await page.getByRole('heading', { name: `Hello, ${ADMIN.name}` }).waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
    expect(((await me.json()) as { user: { language: string } }).user.language).toBe('en');
  });

  it('logging out returns to the login page and ends the session on the server', async () => {
    const { page, server } = t;
    await page.goto(`${server.baseUrl}/login`);
    await signIn(ADMIN.email, ADMIN.password);
    await nav().waitFor();

    await page.getByRole('button', { name: `Menu de ${ADMIN.name}` }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();

    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(pathname()).toBe('/login');
    const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');

    // Coming back to the app asks for a login again.
    await page.goto(`${server.baseUrl}/tickets`);
    await page.waitForURL('**/login?next=%2Ftickets');
  });
});
