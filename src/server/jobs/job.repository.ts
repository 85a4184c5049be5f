import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, JobRow } from '../db/schema.js';

/** Error texts are kept for operators, not archived: a stack trace of a few KB is plenty. */
const MAX_ERROR_LENGTH = 4000;

const clip = (error: string): string =>
  error.length > MAX_ERROR_LENGTH ? error.slice(0, MAX_ERROR_LENGTH) : error;

export interface NewJob {
  name: string;
  payload: unknown;
  runAt: string;
  maxAttempts: number;
  now: string;
}

/** Identifies one claim of a job, so a worker that lost its lease cannot overwrite the new owner's work. */
export interface JobClaim {
  id: number;
  lockedBy: string | null;
  attempts: number;
}

export function createJobRepository(db: Db) {
  const k = db.kysely;

  /** Restricts an update to the claim still being current. */
  const updateClaim = (claim: JobClaim) =>
    k
      .updateTable('jobs')
      .where('id', '=', claim.id)
      .where('status', '=', 'running')
      .where('locked_by', claim.lockedBy === null ? 'is' : '=', claim.lockedBy)
      .where('attempts', '=', claim.attempts);

  return {
    /** Inserts through `executor` so the job commits, or rolls back, with the caller's transaction. */
    async insert(executor: Kysely<Database>, job: NewJob): Promise<number> {
      const row = await executor
        .insertInto('jobs')
        .values({
          name: job.name,
          payload: JSON.stringify(job.payload),
          status: 'pending',
          max_attempts: job.maxAttempts,
          run_at: job.runAt,
          created_at: job.now,
          updated_at: job.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Several jobs in one statement (a command's consequences), through the caller's `executor`. */
    async insertMany(executor: Kysely<Database>, list: readonly NewJob[]): Promise<void> {
      if (list.length === 0) return;
      await executor
        .insertInto('jobs')
        .values(
          list.map((job) => ({
            name: job.name,
            payload: JSON.stringify(job.payload),
            status: 'pending' as const,
            max_attempts: job.maxAttempts,
            run_at: job.runAt,
            created_at: job.now,
            updated_at: job.now,
          })),
        )
        .execute();
    },

    findById(id: number): Promise<JobRow | undefined> {
      return k.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Moves up to `limit` due jobs to `running` in one statement and returns them. On PostgreSQL,
     * `FOR UPDATE SKIP LOCKED` lets concurrent workers each take different rows without waiting; SQLite
     * has a single writer, so the statement alone is atomic.
     */
    claimDue(opts: {
      names: string[];
      dueBy: string;
      workerId: string;
      limit: number;
      now: string;
    }): Promise<JobRow[]> {
      if (opts.names.length === 0 || opts.limit <= 0) return Promise.resolve([]);
      return k
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: opts.workerId,
          locked_at: opts.now,
          attempts: eb('attempts', '+', 1),
          updated_at: opts.now,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where('status', '=', 'pending')
            .where('run_at', '<=', opts.dueBy)
            .where('name', 'in', opts.names)
            .orderBy('run_at')
            .orderBy('id')
            .limit(opts.limit)
            .$if(db.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()),
        )
        .returningAll()
        .execute();
    },

    /**
     * Marks the jobs of `claims`, all held by `workerId`, done in one statement; answers the ids that
     * were still this worker's claim (a job missing from the answer lost its lease meanwhile).
     */
    async markDoneMany(workerId: string, claims: readonly JobClaim[], now: string): Promise<Set<number>> {
      if (claims.length === 0) return new Set();
      const done = new Set<number>();
      // Chunks keep the statement within SQLite's limit on bound parameters.
      for (let i = 0; i < claims.length; i += 200) {
        const chunk = claims.slice(i, i + 200);
        const rows = await k
          .updateTable('jobs')
          .set({ status: 'done', locked_by: null, locked_at: null, finished_at: now, updated_at: now })
          .where('status', '=', 'running')
          .where('locked_by', '=', workerId)
          .where((eb) =>
            eb.or(chunk.map((c) => eb.and([eb('id', '=', c.id), eb('attempts', '=', c.attempts)]))),
          )
          .returning('id')
          .execute();
        for (const r of rows) done.add(Number(r.id));
      }
      return done;
    },

    /**
     * Gives back claims that never started (a stopping worker): pending again, their attempt not counted.
     * Claims that are no longer this worker's are left alone.
     */
    async unclaimMany(workerId: string, claims: readonly JobClaim[], now: string): Promise<void> {
      for (let i = 0; i < claims.length; i += 200) {
        const chunk = claims.slice(i, i + 200);
        await k
          .updateTable('jobs')
          .set((eb) => ({
            status: 'pending',
            locked_by: null,
            locked_at: null,
            attempts: eb('attempts', '-', 1),
            updated_at: now,
          }))
          .where('status', '=', 'running')
          .where('locked_by', '=', workerId)
          .where((eb) =>
            eb.or(chunk.map((c) => eb.and([eb('id', '=', c.id), eb('attempts', '=', c.attempts)]))),
          )
          .execute();
      }
    },

    async reschedule(claim: JobClaim, opts: { runAt: string; error: string; now: string }): Promise<boolean> {
      const res = await updateClaim(claim)
        .set({
          status: 'pending',
          locked_by: null,
          locked_at: null,
          run_at: opts.runAt,
          last_error: clip(opts.error),
          updated_at: opts.now,
        })
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },

    async markDead(claim: JobClaim, opts: { error: string; now: string }): Promise<boolean> {
      const res = await updateClaim(claim)
        .set({
          status: 'dead',
          locked_by: null,
          locked_at: null,
          last_error: clip(opts.error),
          finished_at: opts.now,
          updated_at: opts.now,
        })
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },

    /** Deletes at most `limit` jobs done before `finishedBefore`; returns how many went. */
    async deleteDone(finishedBefore: string, limit: number): Promise<number> {
      const res = await k
        .deleteFrom('jobs')
        .where(
          'id',
          'in',
          k
            .selectFrom('jobs')
            .select('id')
            .where('status', '=', 'done')
            .where('finished_at', '<', finishedBefore)
            .limit(limit),
        )
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },

    /** Jobs left `running` by a worker that has not finished them since `lockedBefore` (it probably died). */
    listStale(lockedBefore: string): Promise<JobRow[]> {
      return k
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'running')
        .where('locked_at', '<', lockedBefore)
        .orderBy('id')
        .execute();
    },

    /** Puts a stale job back in the queue; false when another worker recovered or finished it first. */
    async release(claim: JobClaim, opts: { error: string; now: string }): Promise<boolean> {
      const res = await updateClaim(claim)
        .set({
          status: 'pending',
          locked_by: null,
          locked_at: null,
          last_error: clip(opts.error),
          updated_at: opts.now,
        })
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },
  };
}

export type JobRepository = ReturnType<typeof createJobRepository>;

export const claimOf = (job: JobRow): JobClaim => ({
  id: job.id,
  lockedBy: job.locked_by,
  attempts: job.attempts,
});
