import type { Kysely } from 'kysely';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, JobRow } from '../db/schema.js';
import { createJobRepository } from './job.repository.js';
import { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type JobName, type JobPayloads } from './job.types.js';

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

    get(id: number): Promise<JobRow | undefined> {
      return jobs.findById(id);
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
