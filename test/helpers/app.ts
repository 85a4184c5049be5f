import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, createServices, type Services } from '../../src/server/app.js';
import { ManualClock } from '../../src/server/clock.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { DialectName } from '../../src/server/db/database.js';
import type { MailTransport } from '../../src/server/mail/mail.transport.js';
import { createTestDb, type TestDb } from './db.js';

export interface TestApp {
  engine: DialectName;
  app: FastifyInstance;
  services: Services;
  config: Config;
  clock: ManualClock;
  testDb: TestDb;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery', name: 'Ada Admin' };

/**
 * A fresh application on a fresh database, with an administrator already created (ADMIN).
 * Nothing is mocked: real SQLite or PostgreSQL, real HTTP handling through `inject`.
 */
export async function createTestApp(
  engine: DialectName,
  opts: { env?: Record<string, string>; mailTransport?: MailTransport | null; withAdmin?: boolean } = {},
): Promise<TestApp> {
  const testDb = await createTestDb(engine);
  const config = loadConfig({
    GUICHET_DATA_DIR: testDb.dataDir,
    GUICHET_LOG_LEVEL: 'silent',
    GUICHET_PUBLIC_URL: 'http://guichet.test',
    ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
    ...opts.env,
  });
  const clock = new ManualClock(new Date());
  const services = createServices({
    config,
    db: testDb.db,
    clock,
    mailTransport: opts.mailTransport ?? null,
  });
  if (opts.withAdmin !== false) {
    await services.users.createInitialAdmin({
      email: ADMIN.email,
      name: ADMIN.name,
      password: ADMIN.password,
    });
  }
  const app = await buildApp({ config, db: testDb.db, services, logger: false });
  await app.ready();
  return {
    engine,
    app,
    services,
    config,
    clock,
    testDb,
    async close() {
      await services.runner.stop();
      await app.close();
      await testDb.cleanup();
    },
  };
}

/** A signed-in API client: sends the session cookie and the CSRF token like the staff app does. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: number;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'guichet_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = res.json<{ csrfToken: string; user: { id: number } }>();
  const cookie = `guichet_session=${setCookie.value}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    request: (opts) =>
      app.inject({
        ...opts,
        headers: { ...(opts.headers ?? {}), cookie, 'x-csrf-token': body.csrfToken },
      }),
  };
}

/** A client authenticated by a personal API token (no cookie, no CSRF). */
export function bearer(app: FastifyInstance, token: string) {
  return (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } });
}
