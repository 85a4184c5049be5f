import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN } from '../test/helpers/app.js';

/** A client of the real server's JSON API, signed in like the staff app (session cookie + CSRF token). */
export interface ApiClient {
  userId: number;
  call<T>(method: string, url: string, body?: unknown): Promise<T>;
}

export async function apiLogin(
  baseUrl: string,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { id: number } };
  return {
    userId: user.id,
    async call<T>(method: string, url: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}/api/v1${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${url}: ${answer.status} ${await answer.text()}`);
      return (answer.status === 204 ? undefined : await answer.json()) as T;
    },
  };
}

export interface Seed {
  agent: { id: number; name: string };
  acme: { id: number; name: string };
  contact: { id: number; name: string };
}

/**
 * What the walk needs, created through the API as an integration would: an agent to assign to, a
 * customer company with a contact, and a handful of tickets so the list and the home chart have content.
 */
export async function seedTickets(admin: ApiClient, language: 'fr' | 'en'): Promise<Seed> {
  const group = await admin.call<{ id: number }>('POST', '/groups', {
    name: 'Agents',
    permissions: ['ticket.read', 'ticket.write', 'thirdparty.read'],
  });
  const agent = await admin.call<{ id: number; name: string }>('POST', '/users', {
    email: 'bob@example.test',
    name: 'Bob Tech',
    language,
    password: 'another horse battery',
    groupIds: [group.id],
  });
  const acme = await admin.call<{ id: number; name: string }>('POST', '/thirdparties', {
    name: 'Acme Industries',
    email: 'it@acme.example',
  });
  const contact = await admin.call<{ id: number; name: string }>('POST', '/contacts', {
    thirdpartyId: acme.id,
    name: 'Carla Contact',
    email: 'carla@acme.example',
  });
  const globex = await admin.call<{ id: number }>('POST', '/thirdparties', { name: 'Globex' });

  const tickets: { subject: string; severityCode: string; typeCode: string; extra?: object }[] = [
    { subject: 'Invoice PDF shows the wrong VAT rate', severityCode: 'NORMAL', typeCode: 'ISSUE' },
    { subject: 'Request a second badge reader', severityCode: 'LOW', typeCode: 'REQUEST' },
    { subject: 'Server room temperature alarm', severityCode: 'BLOCKING', typeCode: 'ISSUE' },
    { subject: 'How do I export my contracts?', severityCode: 'NORMAL', typeCode: 'HELP' },
    { subject: 'Quote for a maintenance contract', severityCode: 'LOW', typeCode: 'COM' },
    { subject: 'Scanner drops the network every hour', severityCode: 'HIGH', typeCode: 'ISSUE' },
  ];
  const created: { id: number; version: number }[] = [];
  for (const [i, t] of tickets.entries()) {
    created.push(
      await admin.call('POST', '/tickets', {
        subject: t.subject,
        message: `<p>${t.subject}.</p>`,
        typeCode: t.typeCode,
        severityCode: t.severityCode,
        thirdpartyId: i % 2 === 0 ? acme.id : globex.id,
        ...(i === 2 ? { assigneeId: agent.id } : {}),
        ...(i === 3 ? { unread: true } : {}),
      }),
    );
  }
  const [first, , , , fifth] = created;
  if (first) await admin.call('POST', `/tickets/${first.id}/status`, { status: 'waiting' });
  if (fifth) await admin.call('POST', `/tickets/${fifth.id}/close`, { resolution: 'solved' });
  return { agent, acme, contact };
}

/** The interface language comes from the user's stored language once signed in. */
export async function setLanguage(client: ApiClient, language: 'fr' | 'en'): Promise<void> {
  await client.call('PATCH', '/auth/me', { language });
}

/** A real 16×16 PNG (an indigo square, made with zlib), written to a temporary file for the file input. */
export function writePng(name = 'screenshot.png'): string {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGPwyftKEmIY1TCqYfhqAAB4ra8QJ1GWzAAAAABJRU5ErkJggg==',
    'base64',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, png);
  return file;
}

/**
 * Screenshots land in test-results/screenshots (ignored by git), to look at after a run: the window as a
 * user sees it (the app's header is fixed, so a full-page capture would stamp it mid-page), once the
 * confirmation toasts have gone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(import.meta.dirname, '../test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

export async function signIn(
  page: Page,
  baseUrl: string,
  labels: { email: string; password: string; submit: string },
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(labels.email).fill(ADMIN.email);
  await page.getByLabel(labels.password, { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: labels.submit }).click();
}
