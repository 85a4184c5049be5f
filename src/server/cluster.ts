import cluster, { type Worker } from 'node:cluster';

/** A web process that dies this soon after it started is failing to start, not crashing at random. */
const EARLY_EXIT_MS = 10_000;
/** Early deaths in a row before the primary gives up instead of forking forever. */
const MAX_EARLY_EXITS = 5;

export interface WebProcesses {
  /** The address the processes listen on (they share one port). */
  url: string;
  /** Asks every web process to finish its requests and exit, and waits for them. */
  stop(): Promise<void>;
}

/** Set in the environment of the forked web processes. */
export const WEB_PROCESS_ENV = 'GUICHET_WEB_PROCESS';

export const isWebProcess = (): boolean => cluster.isWorker && process.env[WEB_PROCESS_ENV] === '1';

/**
 * Forks `count` HTTP processes that share the port (node:cluster), so a multi-core machine serves with
 * all its cores; the database (SQLite in WAL mode, or PostgreSQL) is shared by them. The primary has run
 * the migrations already, and keeps the jobs; it restarts a web process that dies, unless they keep dying
 * at start (then it stops with an error instead of looping).
 */
export async function forkWebProcesses(
  count: number,
  displayUrl: (address: { address: string; port: number }) => string,
  onFatal: (message: string) => void,
): Promise<WebProcesses> {
  let stopping = false;
  let earlyExits = 0;
  const workers = new Set<Worker>();

  const fork = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const startedAt = Date.now();
      const worker = cluster.fork({ [WEB_PROCESS_ENV]: '1' });
      workers.add(worker);
      worker.once('listening', (address) => {
        earlyExits = 0;
        resolve(displayUrl({ address: address.address ?? '127.0.0.1', port: address.port }));
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        if (stopping) return;
        const early = Date.now() - startedAt < EARLY_EXIT_MS;
        const why = signal ? `signal ${signal}` : `code ${String(code)}`;
        reject(new Error(`a web process exited at start (${why})`));
        if (early && ++earlyExits >= MAX_EARLY_EXITS) {
          onFatal(`web processes keep exiting at start (${why}); stopping`);
          return;
        }
        console.error(`guichet: a web process exited (${why}); starting another`);
        fork().catch(() => {});
      });
    });

  const urls = await Promise.all(Array.from({ length: count }, fork));
  return {
    url: urls[0] ?? '',
    async stop() {
      stopping = true;
      await Promise.all(
        [...workers].map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
