import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
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

/** Filters of the audit page; `action` ending with "." stands for every action of that kind. */
export interface AuditFilter {
  action?: string;
  targetType?: string;
  actorId?: number;
}

/** A log row with its author's name (null when the author is gone or it was a system action). */
export interface AuditLogRow {
  id: number;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: string;
  created_at: string;
}

function filtered<O>(
  q: SelectQueryBuilder<Database, 'audit_log', O>,
  f: AuditFilter,
): SelectQueryBuilder<Database, 'audit_log', O> {
  const { action, targetType, actorId } = f;
  return (
    q
      // A prefix is compared with substr rather than LIKE: "_" in action names is a LIKE wildcard.
      .$if(action !== undefined && action.endsWith('.'), (b) =>
        b.where(sql<string>`substr(audit_log.action, 1, ${action?.length ?? 0})`, '=', action ?? ''),
      )
      .$if(action !== undefined && !action.endsWith('.'), (b) =>
        b.where('audit_log.action', '=', action ?? ''),
      )
      .$if(targetType !== undefined, (b) => b.where('audit_log.target_type', '=', targetType ?? ''))
      .$if(actorId !== undefined, (b) => b.where('audit_log.actor_user_id', '=', actorId ?? 0))
  );
}

/** Administration audit log: append-only, written in the transaction of the change it records. */
export function createAuditRepository(db: Db) {
  const k = db.kysely;
  return {
    record: (entry: AuditEntry, ex: Kysely<Database> = k) =>
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

    /** The rows of one target, newest first (tests and services that look back at a change). */
    list: (q: { targetType?: string; targetId?: string; limit: number }) =>
      k
        .selectFrom('audit_log')
        .selectAll()
        .$if(q.targetType !== undefined, (b) => b.where('target_type', '=', q.targetType ?? ''))
        .$if(q.targetId !== undefined, (b) => b.where('target_id', '=', q.targetId ?? ''))
        .orderBy('id', 'desc')
        .limit(q.limit)
        .execute(),

    /** The audit page: newest first by id, after the id of the previous page's last row. */
    listPage: (f: AuditFilter & { beforeId?: number; limit: number }): Promise<AuditLogRow[]> =>
      filtered(
        k
          .selectFrom('audit_log')
          .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
          .select([
            'audit_log.id',
            'audit_log.actor_user_id',
            'users.name as actor_name',
            'audit_log.action',
            'audit_log.target_type',
            'audit_log.target_id',
            'audit_log.details',
            'audit_log.created_at',
          ]),
        f,
      )
        .$if(f.beforeId !== undefined, (b) => b.where('audit_log.id', '<', f.beforeId ?? 0))
        .orderBy('audit_log.id', 'desc')
        .limit(f.limit)
        .execute(),

    /** How many rows match the filters: an exact count (the log grows by human actions only). */
    async count(f: AuditFilter): Promise<number> {
      const r = await filtered(
        k.selectFrom('audit_log').select((e) => e.fn.countAll<number | string>().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
