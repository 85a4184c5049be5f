import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface Server {
  child: ChildProcess;
  output(): string;
  stderr(): string;
  /** Resolves with the first match of `re` in stdout, or rejects after `ms`. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited(ms?: number): Promise<number | null>;
}

/** `guichet start` from the sources in a child process, with only the environment given. */
function startServer(args: string[], env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), GUICHET_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stderr: () => err,
    async waitFor(re, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const m = out.match(re);
        if (m) return m;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${String(re)} in output.\nstdout: ${out}\nstderr: ${err}`);
    },
    exited: (ms = 10_000) =>
      Promise.race([
        exit,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`still running after ${ms} ms.\nstdout: ${out}\nstderr: ${err}`)),
            ms,
          ),
        ),
      ]),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('guichet start', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: Server | undefined;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-start-'));
    env = {
      GUICHET_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      GUICHET_PUBLIC_URL: 'http://guichet.test',
    };
  });
  afterEach(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    server = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz, prints the setup link without an admin, and exits 0 on SIGTERM', async () => {
    server = startServer([], env);
    const [, url] = await server.waitFor(/Guichet is running at (http:\/\/\S+)/);
    expect(server.output()).toMatch(/one-time link.*: http:\/\/guichet\.test\/\S*token=\S+/);

    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited(5_000)).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('creates the administrator from GUICHET_ADMIN_EMAIL/PASSWORD and prints no link', async () => {
    const adminEnv = {
      ...env,
      GUICHET_ADMIN_EMAIL: 'root@example.test',
      GUICHET_ADMIN_PASSWORD: 'correct horse battery',
    };
    server = startServer([], adminEnv);
    await server.waitFor(/Guichet is running at/);
    expect(server.output()).toContain('Created the first administrator root@example.test');
    expect(server.output()).not.toContain('token=');
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);

    // Next start: the administrator exists, nothing to announce.
    server = startServer([], adminEnv);
    await server.waitFor(/Guichet is running at/);
    expect(server.output()).not.toMatch(/administrator|token=/);
    server.child.kill('SIGINT');
    expect(await server.exited()).toBe(0);
  });

  it('with --role worker nothing listens, and SIGTERM stops it', async () => {
    const port = await freePort();
    server = startServer(['--role', 'worker'], { ...env, PORT: String(port) });
    await server.waitFor(/Guichet worker is running/);
    expect(server.output()).not.toContain('running at');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
  });

  it('with GUICHET_WEB_PROCESSES=2 two processes serve the port, a dead one is replaced, SIGTERM stops all', async () => {
    server = startServer([], { ...env, GUICHET_WEB_PROCESSES: '2' });
    const [, url] = await server.waitFor(
      /Guichet is running at (http:\/\/\S+) \(role: all, SQLite, 2 web processes\)/,
      90_000,
    );
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/healthz`)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));

    const children = () =>
      execFileSync('pgrep', ['-P', String(server?.child.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number);
    const [first] = children();
    expect(children()).toHaveLength(2);
    process.kill(first!, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (!/a web process exited/.test(server.stderr()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server.stderr()).toMatch(/a web process exited \(signal SIGKILL\); starting another/);
    while (!(children().length === 2 && !children().includes(first!)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(children()).not.toContain(first);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const pids = children();
    server.child.kill('SIGTERM');
    expect(await server.exited(10_000)).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 180_000);

  it('an invalid environment exits 1 with one clear line', async () => {
    server = startServer([], { ...env, PORT: 'abc' });
    expect(await server.exited(30_000)).toBe(1);
    expect(server.stderr().trim()).toMatch(/^guichet: Invalid configuration: PORT: [^\n]+$/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('rejects an unknown role', async () => {
    server = startServer(['--role', 'cook'], env);
    expect(await server.exited(30_000)).toBe(1);
    expect(server.stderr()).toContain("argument 'cook' is invalid");
  });
});
