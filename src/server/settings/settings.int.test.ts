import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { createAuditRepository } from '../admin/audit.repository.js';
import { ManualClock } from '../clock.js';
import { createSettingsService } from './settings.service.js';

for (const engine of ENGINES) {
  describe(`settings copy (${engine})`, () => {
    let t: TestDb;
    afterEach(() => t.cleanup());

    it('a read inside a transaction, once the copy is old, answers at once and refreshes it afterwards', async () => {
      t = await createTestDb(engine);
      const db = t.db;
      const service = () =>
        createSettingsService({ db, audit: createAuditRepository(db), clock: new ManualClock(), cacheMs: 0 });
      const reader = service();
      expect(await reader.get('portal.ticketsPerIpPerMonth')).toBe(20);
      // Another process changes it (here: another service on the same database).
      await db.kysely
        .insertInto('settings')
        .values({
          key: 'portal.ticketsPerIpPerMonth',
          value: '7',
          updated_at: new Date().toISOString(),
          updated_by: null,
        })
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 5));
      // On SQLite the transaction holds the only connection: a reload awaited here would never end.
      const inside = await Promise.race([
        db.kysely.transaction().execute(() => reader.get('portal.ticketsPerIpPerMonth')),
        new Promise((resolve) => setTimeout(() => resolve('stuck'), 2000)),
      ]);
      expect(inside).toBe(20);
      await expect.poll(() => reader.get('portal.ticketsPerIpPerMonth')).toBe(7);
    });
  });
}
