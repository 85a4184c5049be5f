import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock.js';
import { ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { done, newRunner, openJobWorld } from './job.fixtures.js';
import type { JobQueue } from './job.queue.js';
import type { JobRunnerOptions } from './job.runner.js';

/** Claims by batches: one write takes many jobs, which run `concurrency` at a time. */
for (const engine of ENGINES) {
  describe(`job claims by batches (${engine})`, () => {
    let t: TestDb;
    let clock: ManualClock;
    let jobs: JobQueue;
    const runner = (opts: Partial<JobRunnerOptions> = {}) => newRunner({ t, clock }, opts);

    beforeEach(async () => {
      ({ t, clock, jobs } = await openJobWorld(engine));
    });
    afterEach(() => t.cleanup());

    it('one claim takes a batch larger than the slots, which run no more than `concurrency` at a time', async () => {
      const r = runner({ concurrency: 2, claimBatch: 10 });
      let active = 0;
      let most = 0;
      const runningWhenFirstStarted: number[] = [];
      let first = true;
      r.register('mail.send', async () => {
        active++;
        most = Math.max(most, active);
        if (first) {
          first = false;
          const rows = await t.db.kysely
            .selectFrom('jobs')
            .select('id')
            .where('status', '=', 'running')
            .execute();
          runningWhenFirstStarted.push(rows.length);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
        active--;
      });
      for (let i = 1; i <= 10; i++) await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: i });
      expect(await r.runDue()).toBe(10);
      expect(runningWhenFirstStarted).toEqual([10]);
      expect(most).toBe(2);
      const statuses = await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .distinct()
        .execute();
      expect(statuses).toEqual([{ status: 'done', attempts: 1 }]);
    });

    it('stopping gives back the claimed jobs that had not started: pending, their attempt not counted', async () => {
      const r = runner({ concurrency: 1, claimBatch: 5 });
      const ran: number[] = [];
      let release!: () => void;
      r.register('mail.send', async (p) => {
        ran.push(p.mailId);
        if (ran.length === 1) await new Promise<void>((resolve) => (release = resolve));
      });
      for (let i = 1; i <= 5; i++) await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: i });
      r.start();
      await expect.poll(() => release).toBeDefined();
      const stopped = r.stop();
      release();
      await stopped;
      expect(ran).toEqual([1]);
      const rows = await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'attempts', 'locked_by'])
        .orderBy('id')
        .execute();
      expect(rows[0]).toEqual({ status: 'done', attempts: 1, locked_by: null });
      expect(rows.slice(1)).toEqual(Array(4).fill({ status: 'pending', attempts: 0, locked_by: null }));
      // Another runner takes them as new.
      const next = runner();
      const later: number[] = [];
      next.register('mail.send', (p) => done(later.push(p.mailId)));
      expect(await next.runDue()).toBe(4);
      expect(later.sort()).toEqual([2, 3, 4, 5]);
    });
  });
}
