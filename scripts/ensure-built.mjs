// Builds Guichet when the build is missing or older than its sources, so that `npm ci && npm start`
// works on a fresh clone and a restart with nothing changed starts at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/cli/index.js', 'dist/web/index.html'];
// Files that change the build without living under src/.
const buildInputs = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];
// Tests are not part of the build: editing one should not cost a rebuild.
const notBuilt = /\.(test|spec)\.tsx?$/;

/** Newest modification time (ms) of the files under `dir`, with the file it belongs to. */
function newest(dir) {
  let best = { mtime: 0, file: '' };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = newest(full);
      if (sub.mtime > best.mtime) best = sub;
    } else if (entry.isFile() && !notBuilt.test(entry.name)) {
      const mtime = fs.statSync(full).mtimeMs;
      if (mtime > best.mtime) best = { mtime, file: full };
    }
  }
  return best;
}

function staleReason() {
  let oldestOutput = Infinity;
  for (const rel of outputs) {
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) return `${rel} is missing`;
    oldestOutput = Math.min(oldestOutput, fs.statSync(file).mtimeMs);
  }
  let source = newest(path.join(root, 'src'));
  for (const rel of buildInputs) {
    const file = path.join(root, rel);
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs > source.mtime) {
      source = { mtime: fs.statSync(file).mtimeMs, file };
    }
  }
  if (source.mtime > oldestOutput) return `${path.relative(root, source.file)} changed since the last build`;
  return null;
}

const reason = staleReason();
if (reason) {
  console.log(`Building Guichet (${reason})…`);
  // Under `npm start`, npm_execpath is npm's own script: reuse it rather than trusting PATH.
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli, 'run', 'build', '--silent']]
    : ['npm', ['run', 'build', '--silent']];
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('guichet: the build failed (see above); fix it, or run `npm run build` to see it again.');
    process.exit(result.status ?? 1);
  }
}
