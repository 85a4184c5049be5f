import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the SQLite write-ahead log back into the database file from a thread of its own, so that
 * requests do not: a checkpoint done by the connection that commits (SQLite's default, every 1,000
 * pages) stalls that request, and every other one behind it, for tens of milliseconds. The web
 * connections keep a large automatic checkpoint (openSqlite) as a backstop and to let the log start
 * over once this thread has caught up; under steady writes a passive checkpoint alone never can.
 */
export interface SqliteCheckpointer {
  stop(): Promise<void>;
}

/** Runs as CommonJS in the worker thread: no path to resolve, under tsx, Vitest or the built CLI. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
}, workerData.intervalMs);
parentPort.on('message', (msg) => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startSqliteCheckpointer(
  file: string,
  opts: { intervalMs?: number; onError?: (message: string) => void } = {},
): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: opts.intervalMs ?? 200 },
  });
  // A checkpointer must never keep the process alive on its own, nor bring it down.
  worker.unref();
  worker.on('message', (msg: { error?: string }) => {
    if (msg.error) opts.onError?.(msg.error);
  });
  worker.on('error', (err) => opts.onError?.(err.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
