import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sources = [path.join(root, 'src/web'), path.join(root, 'vite.config.ts')];
const builtIndex = path.join(root, 'dist/web/index.html');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Builds the staff app when dist/web is missing or older than its sources: a stale build is never tested. */
export default function setup(): void {
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestMtime));
  if (builtAt > changedAt) return;
  console.log(builtAt ? 'e2e: dist/web is older than src/web, rebuilding' : 'e2e: building the web app');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the tests (and the
  // portal's size budget) are about what production serves.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
