import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { WrappedSqlite } from '../db/sqlite-driver.js';
import { listPage, listUrl, seedListData, type ListData } from './ticket.list.fixtures.js';

/**
 * SQLite only: on this engine a statement whose LIMIT or OFFSET is a bound parameter is prepared again
 * at every run (SQLite plans with the value), which cost the list pages a third of their query. Every
 * statement the list's requests prepare must carry its limits as numbers (LiteralLimitCompiler and the
 * raw SQL of the list, its counts and the search). PostgreSQL plans unnamed statements at every run
 * either way, so there is nothing to check there.
 */
describe('ticket list statements (sqlite)', () => {
  let t: TestApp;
  let admin: Session;
  let data: ListData;
  const prepared: string[] = [];

  /** Records the SQL of every statement the connection prepares (its cache emptied first). */
  function record(connection: WrappedSqlite | undefined) {
    if (!connection) return;
    connection.clearCache();
    const prepare = connection.prepare.bind(connection);
    connection.prepare = (text: string) => {
      prepared.push(text);
      return prepare(text);
    };
  }

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await login(t.app, ADMIN.email, ADMIN.password);
    data = await seedListData(t, admin);
    record(t.testDb.db.sqlite);
    record(t.testDb.db.sqlite?.reader);
  });
  afterAll(async () => t.close());

  it('carry no bound LIMIT or OFFSET, on every kind of list page', async () => {
    const { dupont, reseaux } = data.thirdparties;
    const queries: Record<string, string | number>[] = [
      {},
      { limit: 2 },
      { status: 'all', sort: 'assignee', order: 'asc', limit: 3 },
      { thirdparty: dupont, status: 'all', limit: 1 },
      { thirdparty: reseaux, sort: 'severity', order: 'desc' },
      { searchIn: 'subject', q: 'écran', limit: 1 },
      { searchIn: 'both', q: 'dupont' },
      { text: 'réseau' },
      { overdue: 'true' },
      { severity: 'HIGH', limit: 1 },
    ];
    for (const query of queries) {
      const first = await listPage(admin, query);
      if (first.nextCursor) await listPage(admin, { ...query, cursor: first.nextCursor });
    }
    const other = [
      '/api/v1/thirdparties',
      `/api/v1/tickets/${data.tickets.noted.id}`,
      '/api/v1/tickets/stats',
      listUrl({ status: 'all' }).replace('/tickets?', '/tickets/export.csv?'),
    ];
    for (const url of other) expect((await admin.request({ method: 'GET', url })).statusCode).toBe(200);

    expect(prepared.length).toBeGreaterThan(20);
    expect(prepared.filter((s) => /\blimit\b/i.test(s)).length).toBeGreaterThan(10);
    expect(prepared.filter((s) => /\b(limit|offset)\s+\?/i.test(s))).toEqual([]);
  });
});
