import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from './app.js';
import { forkWebProcesses, isWebProcess, serveHandedConnections, type WebProcesses } from './cluster.js';
import { loadConfig, type Config, type Role } from './config.js';
import { describeStartupError } from './startup-error.js';
import { startSqliteCheckpointer } from './db/sqlite-checkpointer.js';
import { createDb, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

export type { Role } from './config.js';
export { describeStartupError } from './startup-error.js';

/** How often a worker forgets expired sessions and links. */
const HOUSEKEEPING_MS = 60 * 60 * 1000;

export interface StartOptions {
  role: Role;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  config: Config;
  /** The address the HTTP server listens on; undefined for the worker role. */
  url: string | undefined;
  /** Stops accepting work, lets in-flight requests and jobs finish, closes the database. */
  stop(): Promise<void>;
}

/** The URL people type: a wildcard host is reachable on localhost. */
function displayUrl(address: Pick<AddressInfo, 'address' | 'port'>): string {
  const wildcard = ['0.0.0.0', '::', '::0'].includes(address.address);
  const host = wildcard
    ? 'localhost'
    : address.address.includes(':')
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * One of several HTTP processes (GUICHET_WEB_PROCESSES > 1), forked by the primary once the database is
 * migrated: it only serves the connections that the primary accepts and hands over (cluster.ts). The
 * primary stops it with SIGTERM; SIGINT (Ctrl+C reaches the whole process group) is left to the primary,
 * so one keypress never counts twice.
 */
async function startWebProcess(): Promise<RunningServer> {
  const config = loadConfig(process.env);
  const db = createDb(config);
  const app = await buildApp({ config, db });
  await app.ready();
  const connections = await serveHandedConnections(app.server);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Closing answers 503 to requests that arrive meanwhile; those in progress finish before the
      // database goes.
      const closing = app.close();
      await connections.drain();
      await closing;
      await db.destroy();
    })());
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  return { config, url: displayUrl({ address: config.host, port: config.port }), stop };
}

async function announceFirstAdmin(services: Services): Promise<void> {
  const outcome = await services.users.ensureFirstAdmin();
  switch (outcome.kind) {
    case 'exists':
      return;
    case 'created':
      console.log(`Created the first administrator ${outcome.email} (from GUICHET_ADMIN_EMAIL).`);
      return;
    case 'setup':
      console.log(`No administrator yet. Open this one-time link to create one: ${outcome.link}`);
      return;
  }
}

/**
 * Starts Guichet: configuration, database, migrations, first administrator, then the roles asked for.
 * `web` serves HTTP, `worker` runs background jobs, `all` does both. SIGTERM/SIGINT stop it gracefully;
 * a second signal forces the exit. A startup failure prints one line on stderr and exits 1.
 */
export async function start(opts: StartOptions): Promise<RunningServer> {
  if (isWebProcess()) return startWebProcess();
  let db: Db | undefined;
  try {
    const config = loadConfig(opts.env ?? process.env);
    fs.mkdirSync(config.dataDir, { recursive: true });
    db = createDb(config);
    const applied = await migrateToLatest(db);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);

    const services = createServices({ config, db });
    // The jobs read settings inside transactions: their first copy is read now (settings.service.ts).
    await services.settings.all();
    await announceFirstAdmin(services);

    let app: FastifyInstance | undefined;
    let web: WebProcesses | undefined;
    let url: string | undefined;
    let stop: () => Promise<void> = () => Promise.resolve();
    if ((opts.role === 'web' || opts.role === 'all') && config.webProcesses > 1) {
      web = await forkWebProcesses(config.webProcesses, config, displayUrl, (message) => {
        console.error(`guichet: ${message}`);
        void stop().finally(() => process.exit(1));
      });
      url = web.url;
    } else if (opts.role === 'web' || opts.role === 'all') {
      app = await buildApp({ config, db, services });
      await app.listen({ host: config.host, port: config.port });
      url = displayUrl(app.server.address() as AddressInfo);
    }
    const checkpointer =
      db.dialect === 'sqlite' && config.sqlitePath !== ':memory:'
        ? startSqliteCheckpointer(config.sqlitePath, {
            onError: (message) => console.error(`guichet: SQLite checkpoint failed: ${message}`),
          })
        : undefined;
    // The runner's poll timer keeps a worker-only process alive until stop().
    let housekeeping: NodeJS.Timeout | undefined;
    if (opts.role === 'worker' || opts.role === 'all') {
      services.runner.start();
      // Incoming mail: idles until a mailbox is configured (settings or GUICHET_IMAP_URL).
      services.mailCollector.start();
      const purge = () =>
        Promise.all([
          services.auth.purgeExpired(),
          services.portalSessions.purgeExpired(),
          services.jobs.purgeDone(),
        ]).catch((err: unknown) => {
          console.error(`guichet: housekeeping failed: ${describeStartupError(err)}`);
        });
      void purge();
      housekeeping = setInterval(() => void purge(), HOUSEKEEPING_MS).unref();
    }

    const openDb = db;
    let stopping: Promise<void> | undefined;
    stop = () =>
      (stopping ??= (async () => {
        clearInterval(housekeeping);
        await web?.stop();
        await app?.close(); // stops accepting, waits for in-flight requests
        await services.mailCollector.stop();
        await services.runner.stop();
        await checkpointer?.stop();
        await openDb.destroy();
      })());

    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.error(`Received ${signal} again: exiting now.`);
        process.exit(1);
      }
      console.log(`Received ${signal}: shutting down gracefully (send it again to force).`);
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`guichet: shutdown failed: ${describeStartupError(err)}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);

    // Announced once a signal stops it gracefully: a supervisor that stops it on seeing this line must
    // not find the default action (an abrupt exit) still in place.
    const engine = db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
    const processes = web ? `, ${config.webProcesses} web processes` : '';
    console.log(
      url
        ? `Guichet is running at ${url} (role: ${opts.role}, ${engine}${processes})`
        : `Guichet worker is running (${engine})`,
    );
    return { config, url, stop };
  } catch (err) {
    console.error(`guichet: ${describeStartupError(err)}`);
    await db?.destroy().catch(() => {});
    process.exit(1);
  }
}
