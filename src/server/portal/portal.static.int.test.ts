import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

/** A built web directory as Vite leaves it: the staff page, the portal page, shared assets. */
function webDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-web-'));
  fs.mkdirSync(path.join(dir, 'portal'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>staff</title>');
  fs.writeFileSync(path.join(dir, 'portal', 'index.html'), '<!doctype html><title>portal</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'portal-abc123.js'), 'console.log(1)');
  return dir;
}

for (const engine of ENGINES) {
  describe(`portal: its pages (${engine})`, () => {
    let t: TestApp | undefined;
    let dir: string | undefined;
    afterEach(async () => {
      await t?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('every /portal path gets the portal page, not cached, even with the portal disabled; the API and assets stay themselves', async () => {
      dir = webDir();
      t = await createTestApp(engine, { env: { GUICHET_WEB_DIR: dir } });
      for (const url of [
        '/portal',
        '/portal/',
        '/portal/new',
        '/portal/t/ABCD?sig=x',
        '/portal/c/some-token',
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('<title>portal</title>');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
      }
      const config = await t.app.inject({ method: 'GET', url: '/api/v1/portal/config' });
      expect(config.json<{ enabled: boolean }>().enabled).toBe(false);
      const asset = await t.app.inject({ method: 'GET', url: '/assets/portal-abc123.js' });
      expect(asset.statusCode).toBe(200);
      const staff = await t.app.inject({
        method: 'GET',
        url: '/tickets/12',
        headers: { accept: 'text/html' },
      });
      expect(staff.body).toContain('<title>staff</title>');
    });
  });
}
