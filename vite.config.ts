import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.resolve(import.meta.dirname, 'src/web');

/** In development, every /portal/* page gets the portal's HTML, as the server does in production. */
const portalPages: Plugin = {
  name: 'guichet-portal-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const url = req.url ?? '';
      const isPage = /^\/portal(\/[^.]*)?(\?.*)?$/.test(url);
      if (isPage && (req.headers.accept ?? '').includes('text/html')) req.url = '/portal/index.html';
      next();
    });
  },
};

/**
 * Two pages from src/web → dist/web, served by the Guichet server:
 * - the staff app, `dist/web/index.html`, at `/`;
 * - the public portal, `dist/web/portal/index.html`, at `/portal` and `/portal/*`. It is a bundle of its
 *   own (React and plain HTML, no Mantine) so that visitors download little; e2e/portal.helpers.ts
 *   measures it.
 * Both share `dist/web/assets/`; modules they both import (React) land in a shared chunk.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), portalPages],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: path.join(webRoot, 'index.html'),
        portal: path.join(webRoot, 'portal/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
});
