import crypto from 'node:crypto';
import os from 'node:os';
import { addMs, iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { JobRow } from '../db/schema.js';
import { claimOf, createJobRepository, type JobClaim, type JobRepository } from './job.repository.js';
import type { JobContext, JobHandler, JobHandlerOptions, JobName } from './job.types.js';

/** The subset of pino the runner uses. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  /** Pause between two polls when the queue is empty. */
  pollMs: number;
  workerId?: string;
  logger?: JobLogger;
  /** Jobs run at the same time by this runner (default 16). */
  concurrency?: number;
  /**
   * Jobs taken per claim (default 8 × concurrency): they run `concurrency` at a time, and those finished are
   * marked done in one write before the next claim. Few large claims keep the worker's writes from queueing
   * with the web processes' on SQLite's lock.
   */
  claimBatch?: number;
  /** First retry delay; doubles on each failure (default 30 s). */
  backoffBaseMs?: number;
  /** Longest retry delay (default 1 h). */
  backoffCapMs?: number;
  /** A job `running` for longer than this is presumed orphaned by a dead worker (default 10 min). */
  leaseMs?: number;
}

/**
 * Delay before retrying after failed attempt number `attempt` (1-based): base × 2^(attempt-1), capped, minus
 * up to 25 % of jitter so that jobs failing together (an SMTP outage) do not all retry in the same second.
 * The jitter never makes a delay shorter than the previous uncapped one, so delays keep growing.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // At least 1 ms: a retry must land after the current run's cut-off, or runDue would run it twice.
  return Math.max(1, Math.round(exp * (1 - 0.25 * random())));
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

interface Registration {
  handler: (payload: unknown, ctx: JobContext) => Promise<void>;
  isReady: () => boolean;
  onDead?: (payload: unknown, error: string) => Promise<void>;
  onRetry?: (payload: unknown, error: string, nextRunAt: Date) => Promise<void>;
}

const consoleLogger: JobLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

/**
 * Runs jobs from the `jobs` table. It knows job names and handlers, nothing of domains: each domain
 * registers its handlers and app.ts wires them. Several runners (threads, processes, hosts) may share
 * one database: a job is claimed by exactly one of them.
 */
export class JobRunner {
  readonly workerId: string;
  readonly #clock: Clock;
  readonly #jobs: JobRepository;
  readonly #log: JobLogger;
  readonly #pollMs: number;
  readonly #concurrency: number;
  readonly #claimBatch: number;
  readonly #backoffBaseMs: number;
  readonly #backoffCapMs: number;
  readonly #leaseMs: number;
  readonly #registrations = new Map<JobName, Registration>();

  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> | undefined;
  #wakeRequested = false;
  /** Claims of jobs finished but not yet marked done (see #flushDone). */
  #done: JobClaim[] = [];

  constructor(opts: JobRunnerOptions) {
    this.#clock = opts.clock;
    this.#jobs = createJobRepository(opts.db);
    this.#log = opts.logger ?? consoleLogger;
    this.#pollMs = opts.pollMs;
    this.#concurrency = Math.max(1, opts.concurrency ?? 16);
    this.#claimBatch = Math.max(this.#concurrency, opts.claimBatch ?? this.#concurrency * 8);
    this.#backoffBaseMs = opts.backoffBaseMs ?? 30_000;
    this.#backoffCapMs = opts.backoffCapMs ?? 3_600_000;
    this.#leaseMs = opts.leaseMs ?? 600_000;
    this.workerId =
      opts.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  }

  register<N extends JobName>(name: N, handler: JobHandler<N>, opts: JobHandlerOptions<N> = {}): void {
    if (this.#registrations.has(name)) throw new Error(`A handler for job ${name} is already registered`);
    // The map erases payload types; claimDue returns only names registered here, so each gets its handler.
    this.#registrations.set(name, {
      handler: handler as Registration['handler'],
      isReady: opts.isReady ?? (() => true),
      onDead: opts.onDead as Registration['onDead'],
      onRetry: opts.onRetry as Registration['onRetry'],
    });
  }

  /** Starts polling. Timers are not unref'd: a started worker keeps the process alive until stop(). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    // After a stop() whose last poll is still finishing, that poll schedules the next one itself.
    if (!this.#tick) this.#schedule(0);
  }

  /** Stops polling and resolves once the jobs in flight have finished. */
  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#tick;
  }

  /** Polls now instead of at the end of the pause, e.g. right after enqueuing in this process. */
  wake(): void {
    if (!this.#started) return;
    if (this.#tick) {
      this.#wakeRequested = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#schedule(0);
  }

  /**
   * Runs every job due now, each at most once, and returns how many ran. Tests call it instead of
   * waiting for the poll loop; jobs that fail are rescheduled after now and so are left for a later call.
   */
  runDue(): Promise<number> {
    return this.#drain(() => true);
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#tick = this.#loopOnce();
    }, ms);
  }

  async #loopOnce(): Promise<void> {
    try {
      await this.#drain(() => this.#started);
    } catch (err) {
      // Typically the database is unreachable: keep polling, it may come back.
      this.#log.error({ err, workerId: this.workerId }, 'job poll failed');
    } finally {
      this.#tick = undefined;
      if (this.#started) this.#schedule(this.#wakeRequested ? 0 : this.#pollMs);
      this.#wakeRequested = false;
    }
  }

  async #drain(keepClaiming: () => boolean): Promise<number> {
    // Fixed at the start so that a job failing now (rescheduled after this instant) is not run again here.
    const dueBy = iso(this.#clock.now());
    await this.#recoverStale();
    const inFlight = new Set<Promise<void>>();
    // Claimed, not started yet: a claim takes a batch, and the batch runs `concurrency` jobs at a time.
    const backlog: JobRow[] = [];
    let mayBeMore = true;
    let finished = 0;
    let finishedAtClaim = 0;
    let ran = 0;
    try {
      for (;;) {
        if (!keepClaiming()) break;
        while (backlog.length > 0 && inFlight.size < this.#concurrency) {
          const job = backlog.shift() as JobRow;
          const p = this.#execute(job).finally(() => {
            inFlight.delete(p);
            finished++;
          });
          inFlight.add(p);
          ran++;
        }
        // The next claim comes when the batch is nearly through (half the slots free): each claim and each
        // done-mark is a write, and on SQLite writes queue behind one lock.
        // A job that finished may have enqueued others (a notification, its mails), due in this drain too.
        if (finished !== finishedAtClaim) mayBeMore = true;
        if (backlog.length === 0 && mayBeMore && inFlight.size <= this.#concurrency / 2) {
          finishedAtClaim = finished;
          await this.#flushDone();
          const claimed = await this.#claim(dueBy, this.#claimBatch);
          backlog.push(...claimed);
          // A full batch suggests more are due.
          mayBeMore = claimed.length === this.#claimBatch;
          if (claimed.length > 0) continue;
        }
        // Nothing more due, or no free slot: wait for a job to finish, which may free a slot or enqueue more.
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
      }
    } finally {
      // Stopped with claims not started: they go back to the queue as they were, for the next poll or worker.
      if (backlog.length > 0) await this.#unclaim(backlog.splice(0));
      // Even when a claim fails, stop() must not return while jobs are still running.
      await Promise.all(inFlight);
      await this.#flushDone();
    }
    return ran;
  }

  async #unclaim(jobs: JobRow[]): Promise<void> {
    try {
      await this.#jobs.unclaimMany(this.workerId, jobs.map(claimOf), iso(this.#clock.now()));
    } catch (err) {
      // They stay `running`; lease recovery will put them back.
      this.#log.error({ err, workerId: this.workerId, jobs: jobs.length }, 'returning unstarted jobs failed');
    }
  }

  /**
   * Marks the jobs finished since the last flush done, in one write. Until then a finished job is still
   * `running`: if the process dies in between, lease recovery runs it again, which handlers allow (each
   * job runs at least once, never "exactly once").
   */
  async #flushDone(): Promise<void> {
    if (this.#done.length === 0) return;
    const claims = this.#done;
    this.#done = [];
    try {
      const kept = await this.#jobs.markDoneMany(this.workerId, claims, iso(this.#clock.now()));
      for (const c of claims) {
        if (!kept.has(c.id))
          this.#log.warn({ jobId: c.id, workerId: this.workerId }, 'job finished after its lease expired');
      }
    } catch (err) {
      // The jobs stay `running`; lease recovery will put them back.
      this.#log.error({ err, workerId: this.workerId, jobs: claims.length }, 'marking jobs done failed');
    }
  }

  #claim(dueBy: string, limit: number): Promise<JobRow[]> {
    const names = [...this.#registrations].filter(([, r]) => r.isReady()).map(([name]) => name);
    return this.#jobs.claimDue({ names, dueBy, limit, workerId: this.workerId, now: iso(this.#clock.now()) });
  }

  /** Never rejects: a failing handler or a database error must not stop the other jobs nor the loop. */
  async #execute(job: JobRow): Promise<void> {
    const log = { jobId: job.id, job: job.name, attempt: job.attempts, workerId: this.workerId };
    try {
      const reg = this.#registrations.get(job.name as JobName);
      if (!reg) throw new Error(`No handler registered for job ${job.name}`);
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch {
        // Retrying cannot fix a payload that does not parse.
        await this.#jobs.markDead(claimOf(job), {
          error: 'invalid JSON payload',
          now: iso(this.#clock.now()),
        });
        this.#log.error(log, 'job payload is not valid JSON');
        return;
      }
      try {
        await reg.handler(payload, { jobId: job.id, attempt: job.attempts });
      } catch (err) {
        await this.#fail(job, reg, payload, errorText(err));
        return;
      }
      this.#done.push(claimOf(job));
    } catch (err) {
      // The job stays `running`; lease recovery will put it back.
      this.#log.error({ ...log, err }, 'job bookkeeping failed');
    }
  }

  async #fail(job: JobRow, reg: Registration, payload: unknown, error: string): Promise<void> {
    const now = this.#clock.now();
    const log = { jobId: job.id, job: job.name, attempt: job.attempts, error };
    if (job.attempts >= job.max_attempts) {
      // The hook runs before the job is marked dead: if we crash in between, lease recovery repeats it.
      await this.#hook(() => reg.onDead?.(payload, error), job);
      await this.#jobs.markDead(claimOf(job), { error, now: iso(now) });
      this.#log.error(log, 'job failed for the last time');
      return;
    }
    const nextRunAt = addMs(now, backoffDelay(job.attempts, this.#backoffBaseMs, this.#backoffCapMs));
    await this.#jobs.reschedule(claimOf(job), { runAt: iso(nextRunAt), error, now: iso(now) });
    await this.#hook(() => reg.onRetry?.(payload, error, nextRunAt), job);
    this.#log.warn({ ...log, nextRunAt: iso(nextRunAt) }, 'job failed, will retry');
  }

  async #hook(fn: () => Promise<void> | undefined, job: JobRow): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.#log.error({ jobId: job.id, job: job.name, err }, 'job failure hook failed');
    }
  }

  /** Crash recovery: jobs whose worker vanished go back to pending, or die if that was their last attempt. */
  async #recoverStale(): Promise<void> {
    const now = this.#clock.now();
    const stale = await this.#jobs.listStale(iso(addMs(now, -this.#leaseMs)));
    for (const job of stale) {
      const error = `lease expired while running on ${job.locked_by ?? 'an unknown worker'}`;
      if (job.attempts < job.max_attempts) {
        if (await this.#jobs.release(claimOf(job), { error, now: iso(now) })) {
          this.#log.warn({ jobId: job.id, job: job.name }, 'stale job put back in the queue');
        }
        continue;
      }
      // Only the runner that wins the update calls onDead, so concurrent recoveries do not repeat it.
      if (!(await this.#jobs.markDead(claimOf(job), { error, now: iso(now) }))) continue;
      this.#log.error({ jobId: job.id, job: job.name }, 'stale job was on its last attempt');
      const reg = this.#registrations.get(job.name as JobName);
      if (!reg?.onDead) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch {
        continue;
      }
      await this.#hook(() => reg.onDead?.(payload, error), job);
    }
  }
}
