import type { Kysely } from 'kysely';

/**
 * Claiming due jobs reads pending rows of the names its runner is ready for. With only (status, run_at)
 * indexed, the claim stepped over every pending job of a handler that is not ready (mail waiting for an
 * SMTP server to be configured: one per portal ticket), inside the write lock, so each claim grew slower
 * with the backlog. With the name second, each ready name is a short range; the few due rows are sorted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Its status prefix still serves the other readers (stale running jobs, old done jobs).
  await db.schema.dropIndex('jobs_due_idx').execute();
  await db.schema
    .createIndex('jobs_claim_idx')
    .on('jobs')
    .columns(['status', 'name', 'run_at', 'id'])
    .execute();
}
