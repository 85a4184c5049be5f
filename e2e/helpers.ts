import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers/app.js';

export const WEB_DIR = path.resolve(import.meta.dirname, '../dist/web');

export interface RunningServer {
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/**
 * A real Guichet server on a loopback port: fresh SQLite database, serving dist/web, with ADMIN created
 * unless `withAdmin: false` (first-time setup).
 */
export async function startServer(opts: { withAdmin?: boolean } = {}): Promise<RunningServer> {
  const testApp = await createTestApp('sqlite', {
    env: { GUICHET_WEB_DIR: WEB_DIR },
    withAdmin: opts.withAdmin ?? true,
  });
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const address = testApp.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not on a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    testApp,
    close: () => testApp.close(),
  };
}

/** Debian's Chromium, headless, with everything that would talk to the outside world turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what the page reports as broken: uncaught exceptions and console errors (a CSP violation shows
 * there). The browser's own "Failed to load resource" lines are left out: a 401 from /auth/me is expected.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${msg.text()}`);
    }
  });
  return errors;
}

/** The path and query of a link the server built for its public URL, to open on the test server. */
export function localPath(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

export interface BrowserTest {
  server: RunningServer;
  page: Page;
}

/**
 * Registers the hooks of a browser spec: one Chromium for the file, and for each test its own server,
 * database and browser profile (French locale), so no test depends on another's leftovers. After each
 * test, the page must have reported no error.
 */
export function useBrowserTest(opts: { withAdmin?: boolean } = {}): BrowserTest {
  const current = {} as BrowserTest;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('no browser');
    current.server = await startServer(opts);
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    current.page = await context.newPage();
    errors = watchPageErrors(current.page);
  });
  afterEach(async () => {
    await context?.close();
    await current.server?.close();
    expect(errors).toEqual([]);
  });
  return current;
}
