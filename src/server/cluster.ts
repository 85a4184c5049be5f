import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A web process that dies this soon after it started is failing to start, not crashing at random. */
const EARLY_EXIT_MS = 10_000;
/** Early deaths in a row before the primary gives up instead of forking forever. */
const MAX_EARLY_EXITS = 5;
/** How long a stopping web process lets its connections finish their requests before cutting them. */
const DRAIN_MS = 10_000;

/** Messages over the cluster's IPC channel. */
const READY = 'guichet:web-ready';
const CONNECTION = 'guichet:connection';
const CLOSED = 'guichet:connection-closed';
/** Each web process's private socket lives in a directory of its own, named so. */
const SOCKET_DIR_PREFIX = 'guichet-web-';

const isMessage = (m: unknown, type: string): boolean =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;

/** Resolves once `server` listens; rejects with the listen error (EADDRINUSE…) instead of emitting it. */
function listenOn(server: net.Server, options: net.ListenOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export interface WebProcesses {
  /** The address the processes listen on (they share one port). */
  url: string;
  /** Stops taking connections, asks every web process to finish its requests and exit, and waits. */
  stop(): Promise<void>;
}

/** Set in the environment of the forked web processes. */
export const WEB_PROCESS_ENV = 'GUICHET_WEB_PROCESS';

export const isWebProcess = (): boolean => cluster.isWorker && process.env[WEB_PROCESS_ENV] === '1';

/**
 * Forks `count` HTTP processes (node:cluster), so a multi-core machine serves with all its cores; the
 * database (SQLite in WAL mode, or PostgreSQL) is shared by them. The primary has run the migrations
 * already, and keeps the jobs; it restarts a web process that dies, unless they keep dying at start (then
 * it stops with an error instead of looping).
 *
 * The primary listens on the port itself and hands each connection to the web process that holds the
 * fewest open ones (in turn among equals). Node's own round robin gives a connection to whichever process
 * acknowledges first, so a burst of long-lived connections (a proxy's keep-alive pool, a load generator)
 * often ends up split 7 to 3, and one process then does most of the work while the other core idles. On
 * SQLite the uneven split also costs writes: the busier process commits larger groups, the other nearly a
 * commit per ticket, and every switch of writer empties the other's page cache.
 */
export async function forkWebProcesses(
  count: number,
  listen: { host: string; port: number },
  displayUrl: (address: { address: string; port: number }) => string,
  onFatal: (message: string) => void,
): Promise<WebProcesses> {
  let stopping = false;
  let earlyExits = 0;
  const workers = new Set<Worker>();
  /** Open connections handed to each web process that is ready. */
  const open = new Map<Worker, number>();
  /** Connections accepted while no web process is ready (at start, or all of them restarting). */
  const waiting: net.Socket[] = [];
  let turn = 0;

  const pick = (): Worker | undefined => {
    const ready = [...open.keys()];
    let best: Worker | undefined;
    for (let i = 0; i < ready.length; i++) {
      const w = ready[(turn + i) % ready.length]!;
      if (best === undefined || open.get(w)! < open.get(best)!) best = w;
    }
    turn++;
    return best;
  };
  const released = (w: Worker) => {
    const n = open.get(w);
    if (n !== undefined && n > 0) open.set(w, n - 1);
  };
  const hand = (socket: net.Socket) => {
    if (socket.destroyed) return;
    const w = pick();
    if (!w) {
      waiting.push(socket);
      return;
    }
    open.set(w, open.get(w)! + 1);
    w.send({ type: CONNECTION }, socket, (err: Error | null) => {
      if (!err) return;
      // The process died between the pick and the send: the client sees its connection closed.
      released(w);
      socket.destroy();
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, hand);
  // Refused at once: no process is forked when the port cannot be had (EADDRINUSE says so in one line).
  await listenOn(server, { host: listen.host, port: listen.port });
  server.on('error', (err) => console.error(`guichet: accepting a connection failed: ${err.message}`));

  const fork = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const startedAt = Date.now();
      const worker = cluster.fork({ [WEB_PROCESS_ENV]: '1' });
      workers.add(worker);
      /** The web process's private socket directory, removed here if the process dies without doing so. */
      let socketDir: string | undefined;
      worker.on('message', (m: unknown) => {
        if (isMessage(m, CLOSED)) released(worker);
        else if (isMessage(m, READY)) {
          const dir = (m as { dir?: unknown }).dir;
          if (typeof dir === 'string' && path.basename(dir).startsWith(SOCKET_DIR_PREFIX)) socketDir = dir;
          earlyExits = 0;
          open.set(worker, 0);
          for (const socket of waiting.splice(0)) hand(socket);
          resolve();
        }
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        open.delete(worker);
        if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
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

  const stop = async () => {
    stopping = true;
    // No new connections from here on. Not awaited: the close event waits for the connections handed
    // over, which end with the web processes.
    server.close();
    for (const socket of waiting.splice(0)) socket.destroy();
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
  };
  try {
    await Promise.all(Array.from({ length: count }, fork));
  } catch (err) {
    await stop();
    throw err;
  }
  const address = server.address() as net.AddressInfo;
  return { url: displayUrl({ address: address.address, port: address.port }), stop };
}

/**
 * In a web process: serves the connections the primary hands over on `server`, and tells the primary
 * when each one closes. The server first listens on a private socket of its own, never announced, so
 * that Node keeps its timeouts and its list of idle connections for it as for any listening server.
 * `drain` takes no more connections, lets the requests in progress finish and closes each connection
 * when it falls idle, for at most 10 s.
 */
export async function serveHandedConnections(server: http.Server): Promise<{ drain(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), SOCKET_DIR_PREFIX));
  // Whatever the way out, drain or not (a primary that dies takes its web processes with it at once).
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  await listenOn(server, { path: path.join(dir, 'http.sock'), exclusive: true });
  const sockets = new Set<net.Socket>();
  let draining = false;
  // The primary may be gone already (it stops last, but a crash of it closes the channel).
  const tell = (message: { type: string; dir?: string }) => {
    if (process.connected) process.send?.(message);
  };
  process.on('message', (m: unknown, socket?: net.Socket) => {
    if (!isMessage(m, CONNECTION) || !socket) return;
    if (draining) {
      socket.destroy();
      tell({ type: CLOSED });
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      tell({ type: CLOSED });
    });
    server.emit('connection', socket);
    socket.resume();
  });
  tell({ type: READY, dir });
  return {
    async drain() {
      draining = true;
      const deadline = Date.now() + DRAIN_MS;
      while (sockets.size > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const socket of sockets) socket.destroy();
    },
  };
}
