import { describe, expect, it } from 'vitest';
import { localPath, useBrowserTest } from './helpers.js';

describe('first-time setup in a real browser', () => {
  const t = useBrowserTest({ withAdmin: false });

  it('the setup link creates the first administrator, signs them in, and cannot be used twice', async () => {
    const { page, server } = t;
    const first = await server.testApp.services.users.ensureFirstAdmin(); // what the server does on its first start
    if (first.kind !== 'setup') throw new Error(`expected a setup link, got ${first.kind}`);

    await page.goto(`${server.baseUrl}/login`);
    await page.getByText('Installation à terminer').waitFor();

    await page.goto(server.baseUrl + localPath(first.link));
    await page.getByRole('heading', { name: 'Bienvenue dans Guichet' }).waitFor();
    await page.getByLabel('Nom complet').fill('Grace Hopper');
    await page.getByLabel('Adresse e-mail').fill('grace@example.test');
    await page.getByLabel('Mot de passe').fill('a long enough password');
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('English').click();
    await page.getByRole('button', { name: 'Create the administrator' }).click();

    await page.getByRole('heading', { name: 'Hello, Grace Hopper' }).waitFor();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Administration' })
      .waitFor({ state: 'visible' });
    const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
    expect(((await me.json()) as { user: { email: string; language: string } }).user).toMatchObject({
      email: 'grace@example.test',
      language: 'en',
    });

    await page.goto(server.baseUrl + localPath(first.link));
    await page.getByText('Guichet is already set up. Sign in with your account.').waitFor();
  });
});

describe('choosing a password from a link in a real browser', () => {
  const t = useBrowserTest();

  it('a new agent chooses a password from the link, then signs in with it and sees no Administration', async () => {
    const { page, server } = t;
    const agent = await server.testApp.services.users.createByOperator({
      email: 'agent@example.test',
      name: 'Alan Agent',
      admin: false,
    });
    if (!agent.setPasswordLink) throw new Error('no set-password link');

    await page.goto(server.baseUrl + localPath(agent.setPasswordLink));
    await page.getByLabel('Nouveau mot de passe').fill('my new password');
    await page.getByLabel('Confirmer le mot de passe').fill('my new password');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

    await page.getByText('Votre mot de passe est enregistré. Vous pouvez vous connecter.').waitFor();
    await page.getByLabel('Adresse e-mail').fill('agent@example.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill('my new password');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.getByRole('heading', { name: 'Bonjour, Alan Agent' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).count()).toBe(0);
  });

  it('a link already used says so', async () => {
    const { page, server } = t;
    const agent = await server.testApp.services.users.createByOperator({
      email: 'agent2@example.test',
      name: 'Ann Agent',
      admin: false,
    });
    if (!agent.setPasswordLink) throw new Error('no set-password link');
    const token = new URL(agent.setPasswordLink).searchParams.get('token');
    await server.testApp.services.auth.setPasswordWithToken(token ?? '', 'first password!');

    await page.goto(server.baseUrl + localPath(agent.setPasswordLink));
    await page.getByLabel('Nouveau mot de passe').fill('second password');
    await page.getByLabel('Confirmer le mot de passe').fill('second password');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Ce lien est invalide, a déjà servi ou a expiré.', { exact: false }).waitFor();
  });
});
