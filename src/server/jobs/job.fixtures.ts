/** Fixtures for the job runner tests (not a test file itself). */
import { ManualClock } from '../clock.js';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import type { DialectName } from '../db/database.js';
import { createJobQueue, type JobQueue } from './job.queue.js';
import { JobRunner, type JobLogger, type JobRunnerOptions } from './job.runner.js';

export const silent: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** A handler or hook that records something synchronously. */
export const done = (_effect?: unknown): Promise<void> => Promise.resolve();

export interface JobWorld {
  t: TestDb;
  clock: ManualClock;
  jobs: JobQueue;
}

/** A fresh database, a clock the test moves, and the queue on them. */
export async function openJobWorld(engine: DialectName): Promise<JobWorld> {
  const t = await createTestDb(engine);
  const clock = new ManualClock();
  return { t, clock, jobs: createJobQueue(t.db, clock) };
}

/** A runner polling every 10 ms, retrying after 1 s, silent. */
export const newRunner = (w: Pick<JobWorld, 't' | 'clock'>, opts: Partial<JobRunnerOptions> = {}) =>
  new JobRunner({ db: w.t.db, clock: w.clock, pollMs: 10, logger: silent, backoffBaseMs: 1000, ...opts });
