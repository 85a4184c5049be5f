import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { WEB_DIR } from './helpers.js';
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
