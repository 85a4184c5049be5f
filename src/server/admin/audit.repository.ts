import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  targetType: string;
  targetId: string | number | null;
  /** What changed; never secrets (callers write "changed" for passwords). */
  details?: Record<string, unknown>;
  at: string;
}

/** Administration audit log: append-only, written in the transaction of the change it records. */
export function createAuditRepository(db: Db) {
  return {
    record: (entry: AuditEntry, ex: Kysely<Database> = db.kysely) =>
      ex
        .insertInto('audit_log')
        .values({
          actor_user_id: entry.actorUserId,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId === null ? null : String(entry.targetId),
          details: JSON.stringify(entry.details ?? {}),
          created_at: entry.at,
        })
        .execute(),

    list: (q: { targetType?: string; targetId?: string; limit: number }) =>
      db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .$if(q.targetType !== undefined, (b) => b.where('target_type', '=', q.targetType ?? ''))
        .$if(q.targetId !== undefined, (b) => b.where('target_id', '=', q.targetId ?? ''))
        .orderBy('id', 'desc')
        .limit(q.limit)
        .execute(),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
