/** The real server, started from the built CLI in a child process so the load generator has its own loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `serverRoot`: another checkout or build to run (comparisons); this repository by default. `nodeArgs`:
 * flags for Node (a CPU profile, GC tracing); the web processes inherit them from the primary.
 */
export async function startServer(
  env: Record<string, string>,
  serverRoot = root,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  // DATABASE_URL of the bench's own environment names the PostgreSQL server to create databases on: the
  // SQLite leg must not inherit it.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, path.join(serverRoot, 'bin', 'guichet.js'), 'start'],
    {
      env: {
        ...inherited,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        GUICHET_LOG_LEVEL: 'warn',
        GUICHET_SECRET: 'benchmark secret benchmark secret 0123456789',
        GUICHET_PUBLIC_URL: `http://127.0.0.1:${port}`,
        // The portal scenario stands for many visitors behind a proxy: one X-Forwarded-For address each.
        GUICHET_TRUST_PROXY: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in as the seeded administrator and makes a personal API token (Bearer, no CSRF). */
export async function apiToken(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'benchmark' }),
  });
  if (!res.ok) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
