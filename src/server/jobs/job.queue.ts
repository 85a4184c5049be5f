import type { Kysely } from 'kysely';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, JobRow } from '../db/schema.js';
import { createJobRepository } from './job.repository.js';
import { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type JobName, type JobPayloads } from './job.types.js';

/** Done jobs are kept this long (what happened, for support), then deleted by the hourly housekeeping. */
export const DONE_JOBS_KEEP_DAYS = 7;

/** A job of enqueueMany: a name and its payload. */
export type QueuedJob = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

/** The producer side of the jobs table: services enqueue, the JobRunner consumes. */
export function createJobQueue(db: Db, clock: Clock) {
  const jobs = createJobRepository(db);
  return {
    /**
     * Adds a job through `executor`. Pass the transaction of the change that causes the job (outbox
     * pattern): the job then exists if and only if the change committed.
     */
    async enqueue<N extends JobName>(
      executor: Kysely<Database>,
      name: N,
      payload: JobPayloads[N],
      opts: EnqueueOptions = {},
    ): Promise<number> {
      const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
      }
      const now = clock.now();
      return jobs.insert(executor, {
        name,
        payload,
        runAt: iso(opts.runAt ?? now),
        maxAttempts,
        now: iso(now),
      });
    },

    /** Like enqueue, for several jobs due now with the default attempts, in one statement. */
    async enqueueMany(executor: Kysely<Database>, list: readonly QueuedJob[]): Promise<void> {
      const now = iso(clock.now());
      await jobs.insertMany(
        executor,
        list.map((job) => ({ ...job, runAt: now, maxAttempts: DEFAULT_MAX_ATTEMPTS, now })),
      );
    },

    /**
     * Forgets jobs done more than `keepDays` ago, in batches so that no single statement holds the
     * database long. Failed (dead) jobs stay: they are what an operator looks into.
     */
    async purgeDone(keepDays = DONE_JOBS_KEEP_DAYS): Promise<number> {
      const before = iso(new Date(clock.now().getTime() - keepDays * 24 * 3600 * 1000));
      let total = 0;
      for (;;) {
        const n = await jobs.deleteDone(before, 5000);
        total += n;
        if (n < 5000) return total;
      }
    },

    get(id: number): Promise<JobRow | undefined> {
      return jobs.findById(id);
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
