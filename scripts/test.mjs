// `npm test`: the whole suite (projects server, web, e2e) in one Vitest run, then the totals as the last
// line, `<passed> passed, <failed> failed`, which CI reads. The exit code is Vitest's, and non-zero
// whenever a test failed or no report was written.
//
//   npm test                      everything; the PostgreSQL leg runs when a server answers
//   npm test -- src/server/db     extra arguments go to Vitest
//   npm run test:e2e              = npm test -- --e2e-only (only the Playwright specs)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = '/usr/bin/chromium';

const redact = (url) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const args = process.argv.slice(2).flatMap((a) => (a === '--e2e-only' ? ['--project', 'e2e'] : [a]));

if (!process.env.TEST_DATABASE_URL && (await answers(LOCAL_PG))) process.env.TEST_DATABASE_URL = LOCAL_PG;
const pgUrl = process.env.TEST_DATABASE_URL;
console.log(
  pgUrl
    ? `Engines: SQLite and PostgreSQL (TEST_DATABASE_URL=${redact(pgUrl)})`
    : `Engines: SQLite only (no PostgreSQL at ${LOCAL_PG}; set TEST_DATABASE_URL to run the PostgreSQL leg)`,
);
if (!fs.existsSync(CHROMIUM)) console.log(`Chromium: ${CHROMIUM} is missing; the e2e specs need it`);

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-vitest-'));
const report = path.join(reportDir, 'vitest.json');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { cwd: root, stdio: 'inherit', env: process.env },
);
// Ctrl-C reaches Vitest through the terminal's process group: wait for it to stop and still print the
// totals. A SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
const code = await new Promise((resolve) => {
  child.on('error', (err) => {
    console.error(`Could not run Vitest: ${err.message}`);
    resolve(1);
  });
  child.on('exit', (status) => resolve(status ?? 1));
});

let passed = 0;
let failed = 0;
let readable = false;
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  // A file that cannot even load (syntax error, failing import or hook) has no failed test to count;
  // count it once so the totals never read "0 failed" for a red run.
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  for (const file of brokenFiles) {
    console.error(`Failed to run ${path.relative(root, file.name)}: ${(file.message ?? '').split('\n')[0]}`);
  }
  failed += brokenFiles.length;
  readable = true;
} catch (err) {
  console.error(`No Vitest report at ${report} (${err.message}).`);
}
fs.rmSync(reportDir, { recursive: true, force: true });

if (!readable && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = code !== 0 ? code : failed > 0 || !readable ? 1 : 0;
