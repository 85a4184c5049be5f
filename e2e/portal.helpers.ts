import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { createTestApp } from '../test/helpers/app.js';
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtp.js';
import { WEB_DIR, type RunningServer } from './helpers.js';
import type { ApiClient } from './tickets.helpers.js';

/** The budget of SPEC 4 / issue 4: gzipped JavaScript a visitor's browser may download for the portal. */
export const PORTAL_JS_BUDGET_BYTES = 150 * 1024;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

// References between built chunks: static imports (`from"./x.js"`, `import"./x.js"`), dynamic imports and
// worker URLs (`new URL("/assets/x.js", import.meta.url)`).
const CHUNK_REFERENCE = /["'`](?:\.\/|\/assets\/)([\w.-]+\.js)["'`]/g;

/** A development build of React is three times larger: measuring one would say nothing about production. */
function assertProductionBuild(webDir: string, file: string): void {
  const map = path.join(webDir, 'assets', `${file}.map`);
  if (!fs.existsSync(map)) return;
  const { sources } = JSON.parse(fs.readFileSync(map, 'utf8')) as { sources?: string[] };
  const dev = sources?.find((s) => s.endsWith('.development.js'));
  if (dev)
    throw new Error(
      `dist/web was built for development (${file} bundles ${dev}); rebuild with NODE_ENV=production`,
    );
}

/**
 * Every JavaScript file the portal page can load: the scripts and module preloads of
 * dist/web/portal/index.html, then, transitively, the chunks and workers they reference. Measured with
 * gzip level 9 as a server or CDN would send them.
 */
export function portalBundle(webDir = WEB_DIR): { files: BundleFile[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(webDir, 'portal/index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1] ?? '');
  if (queue.length === 0) throw new Error('dist/web/portal/index.html loads no script');
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const content = fs.readFileSync(path.join(webDir, 'assets', file));
    assertProductionBuild(webDir, file);
    files.push({ file, bytes: content.length, gzipBytes: zlib.gzipSync(content, { level: 9 }).length });
    for (const m of content.toString('utf8').matchAll(CHUNK_REFERENCE)) {
      const ref = m[1] ?? '';
      if (fs.existsSync(path.join(webDir, 'assets', ref))) queue.push(ref);
    }
  }
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** Turns the portal on through the staff API, as an administrator would in the settings. */
export async function enablePortal(admin: ApiClient, settings: Record<string, unknown> = {}): Promise<void> {
  await admin.call('PATCH', '/settings', {
    'portal.enabled': true,
    'portal.title.fr': 'Assistance Acme',
    'portal.title.en': 'Acme Support',
    'portal.homeText.fr': 'Bienvenue sur le portail.\nNous répondons sous 24 heures.',
    'portal.homeText.en': 'Welcome to the portal.\nWe answer within 24 hours.',
    ...settings,
  });
}

/** The staff view of the ticket behind a tracking key (the staff list searches by subject). */
export async function staffTicket(
  admin: ApiClient,
  subject: string,
  trackId: string,
): Promise<{ id: number; ref: string; status: string; thirdpartyId?: number | null }> {
  const page = await admin.call<{ items: { id: number; ref: string; trackId: string; status: string }[] }>(
    'GET',
    `/tickets?q=${encodeURIComponent(subject)}&status=all`,
  );
  const found = page.items.find((t) => t.trackId === trackId);
  if (!found) throw new Error(`no staff ticket with tracking key ${trackId}`);
  return found;
}

/** The reference and tracking key the "ticket created" screen shows. */
export async function readCreated(page: Page): Promise<{ ref: string; trackId: string }> {
  const ref = (await page.locator('dd.ref').innerText()).trim();
  const trackId = (await page.locator('#portal-track-id').innerText()).trim();
  return { ref, trackId };
}

/** No horizontal scrolling: everything fits the window's width (a 360 px phone). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * A server as `startServer` makes one (fresh SQLite database, dist/web, ADMIN), whose outgoing mail goes
 * through GUICHET_SMTP_URL to a real SMTP server on loopback that keeps what it receives. Jobs do not run
 * by themselves: the test calls `testApp.services.runner.runDue()` where a worker would have polled.
 */
export async function startServerWithMail(): Promise<{ server: RunningServer; sink: SmtpSink }> {
  const sink = await startSmtpSink();
  try {
    const testApp = await createTestApp('sqlite', {
      env: { GUICHET_WEB_DIR: WEB_DIR, GUICHET_SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
    });
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    const address = testApp.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server is not on a TCP port');
    return {
      server: { baseUrl: `http://127.0.0.1:${address.port}`, testApp, close: () => testApp.close() },
      sink,
    };
  } catch (err) {
    await sink.close();
    throw err;
  }
}

/** The first mail the sink received that `match` accepts, waiting up to `timeoutMs` for it to arrive. */
export async function waitForMail(
  sink: SmtpSink,
  match: (mail: ParsedMail) => boolean,
  timeoutMs = 5000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.messages.find(match);
    if (found) return found;
    const left = deadline - Date.now();
    if (left <= 0) {
      const seen = sink.messages.map(
        (m) => `${m.to ? addressesOf(m.to).join(',') : '?'}: ${m.subject ?? ''}`,
      );
      throw new Error(`no such mail after ${timeoutMs} ms; received: ${JSON.stringify(seen)}`);
    }
    // Resolves on the next arrival; a timeout just ends the loop above.
    await sink.waitFor(sink.messages.length + 1, left).catch(() => undefined);
  }
}

/** The addresses of a parsed To/Cc header, lower-cased. */
export function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  if (!header) return [];
  return (Array.isArray(header) ? header : [header])
    .flatMap((h) => h.value)
    .map((a) => (a.address ?? '').toLowerCase());
}
