import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ticketApi } from '../tickets/ticket.fixtures.js';
import { openSqlite } from './database.js';

/** Another process writing: a second connection to the same file holds the write lock for a while. */
describe('SQLite write lock held by another connection', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await login(t.app, ADMIN.email, ADMIN.password);
  });
  afterAll(() => t.close());

  const holdLock = (ms: number) => {
    const other = openSqlite(t.config.sqlitePath);
    other.raw.exec('BEGIN IMMEDIATE');
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        other.raw.exec('COMMIT');
        other.close();
        resolve();
      }, ms),
    );
  };
  const count = async () =>
    Number(
      (
        await t.testDb.db.kysely
          .selectFrom('tickets')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  it('a request waits for the lock, without stalling the process, and then succeeds', async () => {
    const released = holdLock(300);
    const started = Date.now();
    // The event loop keeps turning while the request waits: a timer set now fires long before.
    let tickedAt = 0;
    setTimeout(() => (tickedAt = Date.now()), 20);
    const created = await ticketApi(admin).create({ subject: 'Waits for the lock', message: '<p>x</p>' });
    await released;
    expect(created.statusCode).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(tickedAt).toBeGreaterThan(0);
    expect(tickedAt - started).toBeLessThan(200);
  });

  it('a lock held past the wait answers 503 with Retry-After, and nothing is written', async () => {
    const before = await count();
    const released = holdLock(5600);
    const res = await ticketApi(admin).create({ subject: 'Gives up', message: '<p>x</p>' });
    await released;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toMatchObject({ error: { code: 'service_unavailable' } });
    expect(await count()).toBe(before);
    // Sent again once the lock is free, the same request goes through.
    const again = await ticketApi(admin).create({ subject: 'Gives up', message: '<p>x</p>' });
    expect(again.statusCode).toBe(201);
  }, 15_000);
});
