import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * Runs the dovecot command and resolves with its exit code. Its output is not captured: the daemon it
 * forks inherits the pipes and would keep them open (errors are in the log file).
 */
function dovecot(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOVECOT, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';
/** Mail is owned by nobody, as in the recipe (Dovecot refuses to deliver as root). */
const MAIL_UID = 65534;

export interface DovecotMessage {
  uid: number;
  seen: boolean;
  /** With its angle brackets, as in the header; null when the message has none. */
  messageId: string | null;
}

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port/INBOX?security=none`, the form GUICHET_IMAP_URL takes. */
  url: string;
  /** IMAP APPEND, as a mail server delivering the message would; the folder is created when missing. */
  append(raw: Buffer | string, folder?: string, flags?: string[]): Promise<void>;
  /** The messages of a folder by ascending UID; throws when the folder does not exist. */
  list(folder: string): Promise<DovecotMessage[]>;
  /** Stops the server (its connections drop), keeping the mail store. */
  stop(): Promise<void>;
  /** Starts it again after `stop()`, on the same port and with the same mail. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

export interface DovecotOptions {
  user?: string;
  password?: string;
}

/** A port nobody listens on now (another process may still take it before Dovecot does: see start). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The processes Dovecot's master started (imap, imap-login, auth, log…), from /proc. */
function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return kids;
}

function kill(pids: number[], signal: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPort(port: number, open: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await canConnect(port)) !== open) {
    if (Date.now() > deadline) throw new Error(`Dovecot: port ${port} still ${open ? 'closed' : 'open'}`);
    await sleep(25);
  }
}

function config(dir: string, port: number): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try wrong passwords on purpose: answer at once, and no growing penalty for 127.0.0.1 that
# would slow down the other tests of the same server.
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_UID} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/**
 * A real Dovecot on loopback in a directory of its own, on a free port, so that several test files
 * (parallel processes) each run theirs. Needs root and dovecot-imapd (`.ci/run` installs it).
 */
export async function startDovecot(opts: DovecotOptions = {}): Promise<DovecotServer> {
  const user = opts.user ?? 'support@example.test';
  const password = opts.password ?? 'secret';
  const host = '127.0.0.1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-dovecot-'));
  // mkdtemp makes the directory private; Dovecot's unprivileged processes must reach the mail in it.
  fs.chmodSync(dir, 0o755);
  for (const sub of ['mail', 'run', 'state']) fs.mkdirSync(path.join(dir, sub));
  fs.chownSync(path.join(dir, 'mail'), MAIL_UID, MAIL_UID);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const conf = path.join(dir, 'dovecot.conf');

  const masterPid = () => {
    try {
      return Number(fs.readFileSync(path.join(dir, 'run', 'master.pid'), 'utf8')) || null;
    } catch {
      return null;
    }
  };
  // A test that dies without closing must not leave a daemon behind.
  const killOnExit = () => {
    const pid = masterPid();
    if (pid) kill([...childrenOf(pid), pid], 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  let port = 0;
  let running = false;

  /** Starts the daemon on `port`; false when the port was taken in the meantime. */
  async function launch(): Promise<boolean> {
    fs.writeFileSync(conf, config(dir, port));
    const logFile = path.join(dir, 'dovecot.log');
    const logged = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const code = await dovecot(['-c', conf]);
    if (code !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(logged) : '';
      if (/Address already in use/.test(log)) return false;
      throw new Error(`Dovecot did not start (exit code ${code}):\n${log.slice(-2000)}`);
    }
    await waitForPort(port, true, 5000);
    running = true;
    return true;
  }

  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    if (await launch()) break;
    if (attempt >= 5) throw new Error('Dovecot: no free port found');
  }

  async function withClient<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  async function stop(): Promise<void> {
    if (!running) return;
    running = false;
    // Dovecot's master leaves an IDLE session's imap process running after its own exit; a server that
    // stops must drop its connections, so its processes go with it.
    const pid = masterPid();
    const kids = pid ? childrenOf(pid) : [];
    kill(kids, 'SIGKILL');
    await dovecot(['-c', conf, 'stop']);
    await waitForPort(port, false, 5000);
    // The master removes its pid file last: starting again before that fails with "already running".
    const deadline = Date.now() + 5000;
    while (fs.existsSync(path.join(dir, 'run', 'master.pid')) && Date.now() < deadline) await sleep(25);
  }

  return {
    host,
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/INBOX?security=none`,

    append: (raw, folder = 'INBOX', flags = []) =>
      withClient(async (client) => {
        if (folder !== 'INBOX') await client.mailboxCreate(folder);
        const done = await client.append(folder, raw, flags);
        if (!done) throw new Error(`Dovecot: APPEND to ${folder} was refused`);
      }),

    list: (folder) =>
      withClient(async (client) => {
        const mailbox = await client.mailboxOpen(folder, { readOnly: true });
        if (mailbox.exists === 0) return [];
        const messages = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true });
        return messages
          .map((m) => ({
            uid: m.uid,
            seen: m.flags?.has('\\Seen') ?? false,
            messageId: m.envelope?.messageId ?? null,
          }))
          .sort((a, b) => a.uid - b.uid);
      }),

    stop,

    async start() {
      if (running) return;
      // The old listening socket may linger for a moment after the stop: try the same port again.
      const deadline = Date.now() + 5000;
      while (!(await launch())) {
        if (Date.now() > deadline) throw new Error(`Dovecot: port ${port} stayed busy`);
        await sleep(100);
      }
    },

    async close() {
      // Nothing will start again: no need for the master's slow orderly shutdown.
      if (running) {
        running = false;
        const pid = masterPid();
        if (pid) kill([...childrenOf(pid), pid], 'SIGKILL');
        await waitForPort(port, false, 5000);
      }
      process.removeListener('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
