import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/database.js';
import { ManualClock, addMs, iso } from '../clock.js';
import { ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { done, newRunner, openJobWorld, silent } from './job.fixtures.js';
import type { JobQueue } from './job.queue.js';
import { JobRunner, type JobRunnerOptions } from './job.runner.js';

const SECOND = 'guichet_test_second_runner';

/**
 * pg's Pool.end() resolves before its sockets are closed; the database drop in cleanup would then kill
 * them mid-close and pg would raise an uncaught error. Wait until the server has seen them go.
 */
async function connectionsGone(db: Db, applicationName: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from pg_stat_activity where application_name = ${applicationName}`.execute(
      db.kysely,
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`connections of ${applicationName} still open`);
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let t: TestDb;
    let clock: ManualClock;
    let jobs: JobQueue;
    const runner = (opts: Partial<JobRunnerOptions> = {}) => newRunner({ t, clock }, opts);

    beforeEach(async () => {
      ({ t, clock, jobs } = await openJobWorld(engine));
    });
    afterEach(() => t.cleanup());

    it('a job enqueued in a transaction that rolls back does not exist', async () => {
      let id = 0;
      await expect(
        t.db.kysely.transaction().execute(async (trx) => {
          id = await jobs.enqueue(trx, 'mail.send', { mailId: 1 });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(id).toBeGreaterThan(0);
      expect(await jobs.get(id)).toBeUndefined();
      expect(await t.db.kysely.selectFrom('jobs').select('id').execute()).toEqual([]);
    });

    it('a job enqueued in a committed transaction is pending, due now, with 8 attempts allowed', async () => {
      const id = await t.db.kysely
        .transaction()
        .execute((trx) => jobs.enqueue(trx, 'mail.send', { mailId: 7 }));
      const job = await jobs.get(id);
      expect(job).toMatchObject({ name: 'mail.send', status: 'pending', attempts: 0, max_attempts: 8 });
      expect(JSON.parse(job!.payload)).toEqual({ mailId: 7 });
      expect(job!.run_at).toBe(iso(clock.now()));
    });

    it('a successful handler gets the payload and marks the job done', async () => {
      const r = runner();
      const seen: unknown[] = [];
      r.register('mail.send', (payload, ctx) => {
        seen.push({ payload, ctx });
        return Promise.resolve();
      });
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 3 });
      expect(await r.runDue()).toBe(1);
      expect(seen).toEqual([{ payload: { mailId: 3 }, ctx: { jobId: id, attempt: 1 } }]);
      expect(await jobs.get(id)).toMatchObject({
        status: 'done',
        attempts: 1,
        locked_by: null,
        last_error: null,
      });
      expect((await jobs.get(id))!.finished_at).toBe(iso(clock.now()));
      expect(await r.runDue()).toBe(0);
    });

    it('done jobs are forgotten after a week; pending and dead ones stay', async () => {
      const r = runner({ backoffBaseMs: 1 });
      r.register('mail.send', (p) =>
        p.mailId === 2 ? Promise.reject(new Error('smtp down')) : Promise.resolve(),
      );
      const done = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      const dead = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 2 }, { maxAttempts: 1 });
      await r.runDue();
      clock.advance(6 * 24 * 3600 * 1000);
      const pending = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 3 }, { runAt: clock.now() });
      expect(await jobs.purgeDone()).toBe(0);
      clock.advance(2 * 24 * 3600 * 1000);
      expect(await jobs.purgeDone()).toBe(1);
      expect(await jobs.get(done)).toBeUndefined();
      expect(await jobs.get(dead)).toMatchObject({ status: 'dead' });
      expect(await jobs.get(pending)).toMatchObject({ status: 'pending' });
    });

    it('a job scheduled for later waits until its time', async () => {
      const r = runner();
      r.register('mail.send', () => done());
      const id = await jobs.enqueue(
        t.db.kysely,
        'mail.send',
        { mailId: 1 },
        { runAt: addMs(clock.now(), 60_000) },
      );
      expect(await r.runDue()).toBe(0);
      clock.advance(60_000);
      expect(await r.runDue()).toBe(1);
      expect((await jobs.get(id))!.status).toBe('done');
    });

    it('a failing handler is retried with growing back-off and ends dead with the last error', async () => {
      const dead: Array<[unknown, string]> = [];
      const retries: Date[] = [];
      const r = runner();
      let calls = 0;
      r.register(
        'mail.send',
        () => {
          calls += 1;
          return Promise.reject(new Error(`boom ${calls}`));
        },
        {
          onDead: (payload, error) => done(dead.push([payload, error])),
          onRetry: (_payload, _error, nextRunAt) => done(retries.push(nextRunAt)),
        },
      );
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 9 }, { maxAttempts: 4 });

      const delays: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(await r.runDue()).toBe(1);
        const job = (await jobs.get(id))!;
        expect(job).toMatchObject({ status: 'pending', attempts: attempt, last_error: `boom ${attempt}` });
        const delay = Date.parse(job.run_at) - clock.now().getTime();
        delays.push(delay);
        expect(await r.runDue()).toBe(0); // not yet due
        clock.set(job.run_at);
      }
      expect(delays[1]!).toBeGreaterThan(delays[0]!);
      expect(delays[2]!).toBeGreaterThan(delays[1]!);
      expect(delays[0]!).toBeGreaterThanOrEqual(750);
      expect(delays[0]!).toBeLessThanOrEqual(1000);
      expect(retries).toHaveLength(3);

      expect(await r.runDue()).toBe(1);
      const job = (await jobs.get(id))!;
      expect(job).toMatchObject({ status: 'dead', attempts: 4, last_error: 'boom 4', locked_by: null });
      expect(job.finished_at).toBe(iso(clock.now()));
      expect(dead).toEqual([[{ mailId: 9 }, 'boom 4']]);
      clock.advance(24 * 3600_000);
      expect(await r.runDue()).toBe(0);
    });

    it('jobs whose handler is not ready stay pending with no attempt used', async () => {
      let ready = false;
      const r = runner();
      let ran = 0;
      r.register('mail.send', () => done((ran += 1)), { isReady: () => ready });
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      expect(await r.runDue()).toBe(0);
      expect(await jobs.get(id)).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
      ready = true;
      expect(await r.runDue()).toBe(1);
      expect(ran).toBe(1);
    });

    it('a job with no registered handler is left pending for a runner that has one', async () => {
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      expect(await runner().runDue()).toBe(0);
      expect(await jobs.get(id)).toMatchObject({ status: 'pending', attempts: 0 });
    });

    it('a job left running by a dead worker is put back after the lease and then runs', async () => {
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      await t.db.kysely
        .updateTable('jobs')
        .set({ status: 'running', locked_by: 'ghost', locked_at: iso(clock.now()), attempts: 1 })
        .where('id', '=', id)
        .execute();
      const r = runner({ leaseMs: 10 * 60_000 });
      const attempts: number[] = [];
      r.register('mail.send', (_p, ctx) => done(attempts.push(ctx.attempt)));

      clock.advance(9 * 60_000);
      expect(await r.runDue()).toBe(0);
      expect((await jobs.get(id))!.status).toBe('running');

      clock.advance(2 * 60_000);
      expect(await r.runDue()).toBe(1);
      expect(attempts).toEqual([2]);
      expect(await jobs.get(id)).toMatchObject({ status: 'done', attempts: 2 });
      expect((await jobs.get(id))!.last_error).toMatch(/lease expired while running on ghost/);
    });

    it('a burst larger than the slots runs each job once and marks every one done', async () => {
      const r = runner({ concurrency: 4 });
      const seen: number[] = [];
      r.register('mail.send', (p) => done(seen.push(p.mailId)));
      for (let i = 1; i <= 30; i++) await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: i });
      expect(await r.runDue()).toBe(30);
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const rows = await t.db.kysely.selectFrom('jobs').select(['status', 'attempts', 'locked_by']).execute();
      expect(rows).toHaveLength(30);
      expect(rows.every((j) => j.status === 'done' && j.attempts === 1 && j.locked_by === null)).toBe(true);
    });

    it('a worker whose lease was taken over does not mark the new run done', async () => {
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      let release!: () => void;
      const slow = new JobRunner({
        db: t.db,
        clock,
        pollMs: 10,
        logger: silent,
        workerId: 'slow',
        leaseMs: 1000,
      });
      slow.register('mail.send', () => new Promise<void>((resolve) => (release = resolve)));
      const slowRun = slow.runDue();
      await expect.poll(() => release).toBeDefined();
      // The lease expires; another worker recovers the job and claims it again.
      clock.advance(2000);
      const other = runner({ workerId: 'other', leaseMs: 1000 });
      let started!: () => void;
      const startedP = new Promise<void>((resolve) => (started = resolve));
      let finish!: () => void;
      other.register('mail.send', () => {
        started();
        return new Promise<void>((resolve) => (finish = resolve));
      });
      const otherRun = other.runDue();
      await startedP;
      release();
      await slowRun;
      expect(await jobs.get(id)).toMatchObject({ status: 'running', locked_by: 'other', attempts: 2 });
      finish();
      await otherRun;
      expect(await jobs.get(id)).toMatchObject({ status: 'done', attempts: 2 });
    });

    it('a stale job that was on its last attempt becomes dead and calls onDead', async () => {
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 5 }, { maxAttempts: 2 });
      await t.db.kysely
        .updateTable('jobs')
        .set({ status: 'running', locked_by: 'ghost', locked_at: iso(clock.now()), attempts: 2 })
        .where('id', '=', id)
        .execute();
      const dead: unknown[] = [];
      const r = runner({ leaseMs: 1000 });
      r.register('mail.send', () => done(), { onDead: (payload) => done(dead.push(payload)) });
      clock.advance(2000);
      expect(await r.runDue()).toBe(0);
      expect(await jobs.get(id)).toMatchObject({ status: 'dead', attempts: 2 });
      expect(dead).toEqual([{ mailId: 5 }]);
    });

    it('a job is claimed exactly once when two runners on two connections race', async () => {
      const second: Db = createDb({
        // Named, so the test can wait until its connections are really gone (see the finally block).
        databaseUrl: t.databaseUrl && `${t.databaseUrl}?application_name=${SECOND}`,
        sqlitePath: t.sqlitePath,
        sqliteSynchronous: 'NORMAL',
        pgPoolMax: 5,
        pgStatementTimeoutMs: 30000,
      });
      try {
        const handled: number[] = [];
        const byWorker = { a: 0, b: 0 };
        // Each runner takes at most 4 jobs per claim, and every job waits until both runners have started
        // one: a runner cannot drain the queue alone before the other's first claim (a slow connection
        // under load), so the test proves that both claim side by side, on either engine, without timing.
        let bothStarted!: () => void;
        const bothStartedP = new Promise<void>((resolve) => (bothStarted = resolve));
        const make = (db: Db, name: 'a' | 'b') => {
          const r = new JobRunner({
            db,
            clock,
            pollMs: 10,
            logger: silent,
            concurrency: 4,
            claimBatch: 4,
            workerId: name,
          });
          r.register('mail.send', async ({ mailId }) => {
            handled.push(mailId);
            byWorker[name] += 1;
            if (byWorker.a > 0 && byWorker.b > 0) bothStarted();
            await bothStartedP;
            await new Promise((resolve) => setTimeout(resolve, 2));
          });
          return r;
        };
        const ids = Array.from({ length: 60 }, (_, i) => i + 1);
        for (const mailId of ids) await jobs.enqueue(t.db.kysely, 'mail.send', { mailId });

        const [ranA, ranB] = await Promise.all([make(t.db, 'a').runDue(), make(second, 'b').runDue()]);
        expect(ranA + ranB).toBe(60);
        expect([...handled].sort((x, y) => x - y)).toEqual(ids);
        expect(byWorker.a).toBeGreaterThan(0);
        expect(byWorker.b).toBeGreaterThan(0);
        const statuses = await t.db.kysely
          .selectFrom('jobs')
          .select(['status', 'attempts'])
          .distinct()
          .execute();
        expect(statuses).toEqual([{ status: 'done', attempts: 1 }]);
      } finally {
        await second.destroy();
        if (engine === 'postgres') await connectionsGone(t.db, SECOND);
      }
    });

    it('the poll loop survives a failing handler, runs the retry, and stop waits for the job in flight', async () => {
      const r = new JobRunner({
        db: t.db,
        clock: { now: () => new Date() },
        pollMs: 5,
        logger: silent,
        backoffBaseMs: 1,
      });
      let calls = 0;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const secondStarted = new Promise<void>((resolve) => (started = resolve));
      r.register('mail.send', async () => {
        calls += 1;
        if (calls === 1) throw new Error('first try fails');
        started();
        await released;
      });
      const id = await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 }, { runAt: new Date(0) });
      r.start();
      await secondStarted;
      let stopped = false;
      const stopping = r.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(await jobs.get(id)).toMatchObject({
        status: 'done',
        attempts: 2,
        last_error: 'first try fails',
      });
    });

    it('wake makes a started runner poll at once instead of after the pause', async () => {
      const r = new JobRunner({ db: t.db, clock, pollMs: 60_000, logger: silent });
      let ranJob!: () => void;
      const ran = new Promise<void>((resolve) => (ranJob = resolve));
      r.register('mail.send', () => done(ranJob()));
      r.start();
      await new Promise((resolve) => setTimeout(resolve, 50)); // first (empty) poll is over, now pausing
      await jobs.enqueue(t.db.kysely, 'mail.send', { mailId: 1 });
      r.wake();
      await ran;
      await r.stop();
    });
  });
}
