import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
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
  exited(ms?: number): Promise<number | string | null>;
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
  // The exit code, or the signal that ended the process (a crash or a signal it did not handle).
  const exit = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
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

/** A temporary directory of a server's own (its TMPDIR): each web process keeps its private socket in it. */
function privateTmp() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-start-tmp-'));
  return { tmp, socketDirs: () => fs.readdirSync(tmp).filter((name) => name.startsWith('guichet-web-')) };
}

/** The web processes forked by `primary`, not its other children (tsx's compiler service). */
function webProcesses(primary: number | undefined): number[] {
  const children = execFileSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' });
  return children
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes('GUICHET_WEB_PROCESS=1');
      } catch {
        return false; // gone meanwhile
      }
    });
}

/**
 * The established TCP connections to `port` held by each of `pids` (from /proc: the kernel's socket table,
 * and each process's open descriptors).
 */
function establishedPerProcess(port: number, pids: number[]): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const localPort = parseInt(f[1]!.split(':')[1]!, 16);
      if (localPort === port && f[3] === '01') inodes.add(f[9]!);
    }
  }
  return pids.map((pid) => {
    let n = 0;
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) n++;
      } catch {
        // closed meanwhile
      }
    }
    return n;
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
    const { tmp, socketDirs } = privateTmp();
    server = startServer([], { ...env, GUICHET_WEB_PROCESSES: '2', TMPDIR: tmp });
    const [, url] = await server.waitFor(
      /Guichet is running at (http:\/\/\S+) \(role: all, SQLite, 2 web processes\)/,
      90_000,
    );
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/healthz`)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));

    const children = () => webProcesses(server?.child.pid);
    const [first] = children();
    expect(children()).toHaveLength(2);
    const before = socketDirs();
    expect(before).toHaveLength(2);
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
    // The killed process's socket directory is gone, the new process has its own.
    while (socketDirs().length !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const after = socketDirs();
    expect(after).toHaveLength(2);
    expect(after.filter((d) => before.includes(d))).toHaveLength(1);

    const pids = children();
    server.child.kill('SIGTERM');
    expect(await server.exited(10_000)).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(socketDirs()).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 180_000);

  it('with GUICHET_WEB_PROCESSES=2 the web processes leave with a killed primary, and leave nothing behind', async () => {
    const { tmp, socketDirs } = privateTmp();
    server = startServer([], { ...env, GUICHET_WEB_PROCESSES: '2', TMPDIR: tmp });
    await server.waitFor(/Guichet is running at (http:\/\/\S+) \(role: all/, 90_000);
    const pids = webProcesses(server.child.pid);
    expect(pids).toHaveLength(2);
    expect(socketDirs()).toHaveLength(2);
    server.child.kill('SIGKILL');
    const alive = () => pids.filter((pid) => fs.existsSync(`/proc/${pid}`));
    const deadline = Date.now() + 10_000;
    while (alive().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toEqual([]);
    expect(socketDirs()).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  it('with GUICHET_WEB_PROCESSES=2 keep-alive connections are shared evenly, five and five, then ten and ten', async () => {
    server = startServer([], { ...env, GUICHET_WEB_PROCESSES: '2' });
    const [, url] = await server.waitFor(/Guichet is running at (http:\/\/\S+) \(role: all/, 90_000);
    const port = Number(new URL(url!).port);
    const pids = webProcesses(server.child.pid);
    expect(pids).toHaveLength(2);
    // Each wave opens ten connections at once, as a proxy's pool or a load generator does, and keeps them.
    const agents: http.Agent[] = [];
    const wave = () => {
      const agent = new http.Agent({ keepAlive: true });
      agents.push(agent);
      return Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<number>((resolve, reject) => {
              http
                .get(`${url}/healthz`, { agent }, (res) => {
                  res.resume();
                  res.on('end', () => resolve(res.statusCode ?? 0));
                })
                .on('error', reject);
            }),
        ),
      );
    };
    try {
      expect(await wave()).toEqual(Array(10).fill(200));
      expect(establishedPerProcess(port, pids)).toEqual([5, 5]);
      expect(await wave()).toEqual(Array(10).fill(200));
      expect(establishedPerProcess(port, pids)).toEqual([10, 10]);
    } finally {
      for (const agent of agents) agent.destroy();
    }
    server.child.kill('SIGTERM');
    expect(await server.exited(15_000)).toBe(0);
  }, 120_000);

  it('with GUICHET_WEB_PROCESSES=2 SIGTERM lets a request in progress finish before the processes exit', async () => {
    server = startServer([], { ...env, GUICHET_WEB_PROCESSES: '2' });
    const [, url] = await server.waitFor(/Guichet is running at (http:\/\/\S+) \(role: all/, 90_000);
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password' });
    const socket = net.connect(Number(new URL(url!).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // The headers and half of the body, then the signal, then the rest of the body.
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: guichet.test\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    socket.write(body.slice(20));
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain('invalid_credentials');
    expect(await server.exited(15_000)).toBe(0);
  }, 120_000);

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
