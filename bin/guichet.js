#!/usr/bin/env node
// The `guichet` command: runs the compiled CLI (src/cli → dist/cli, built by `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'cli', 'index.js');

if (!fs.existsSync(entry)) {
  console.error(
    `guichet: Guichet is not built yet (${path.relative(process.cwd(), entry) || entry} is missing).`,
  );
  console.error(`Run \`npm run build\` in ${root} first (\`npm start\` builds when needed).`);
  process.exit(1);
}

await import(pathToFileURL(entry).href);
