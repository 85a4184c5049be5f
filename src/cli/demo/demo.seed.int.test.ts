import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { DemoClock, seedDemo } from './demo.seed.js';

for (const engine of ENGINES) {
  describe(`seed:demo (${engine})`, () => {
    let testDb: TestDb;
    let services: Services;
    const clock = new DemoClock();
    beforeAll(async () => {
      testDb = await createTestDb(engine);
      const config = loadConfig({
        GUICHET_DATA_DIR: testDb.dataDir,
        ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
      });
      services = createServices({ config, db: testDb.db, clock, mailTransport: null });
    });
    afterAll(async () => {
      await testDb.cleanup();
    });

    it('creates agents, customers and tickets in several statuses, each with its history', async () => {
      const progress: number[] = [];
      const report = await seedDemo(services, clock, {
        tickets: 40,
        seed: 7,
        onProgress: (d) => progress.push(d),
      });
      expect(report.tickets).toBe(40);
      expect(progress.at(-1)).toBe(40);
      const k = testDb.db.kysely;
      const statuses = await k
        .selectFrom('tickets')
        .select(['status', (e) => e.fn.countAll().as('n')])
        .groupBy('status')
        .execute();
      expect(statuses.length).toBeGreaterThanOrEqual(4);
      const tickets = await k.selectFrom('tickets').select(['id', 'created_at']).execute();
      expect(tickets).toHaveLength(40);
      const withoutCreated = await k
        .selectFrom('tickets as t')
        .select('t.id')
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom('ticket_history as h')
                .select('h.id')
                .whereRef('h.ticket_id', '=', 't.id')
                .where('h.kind', '=', 'created'),
            ),
          ),
        )
        .execute();
      expect(withoutCreated).toEqual([]);
      // Spread over past months, not all created now.
      const days = new Set(tickets.map((t) => t.created_at.slice(0, 10)));
      expect(days.size).toBeGreaterThan(10);
      expect(report.messages).toBeGreaterThan(0);
    });

    it('a second run adds tickets without duplicating agents or customers', async () => {
      const k = testDb.db.kysely;
      const count = async (t: 'users' | 'thirdparties' | 'tickets' | 'groups') =>
        Number(
          (
            await k
              .selectFrom(t)
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = {
        users: await count('users'),
        tp: await count('thirdparties'),
        groups: await count('groups'),
      };
      const report = await seedDemo(services, clock, { tickets: 5, seed: 8 });
      expect(report.agents.every((a) => !a.created)).toBe(true);
      expect(await count('users')).toBe(before.users);
      expect(await count('thirdparties')).toBe(before.tp);
      expect(await count('groups')).toBe(before.groups);
      expect(await count('tickets')).toBe(45);
    });
  });
}
