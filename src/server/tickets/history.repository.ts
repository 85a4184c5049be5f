import type { Kysely } from 'kysely';
import type { HistoryEntry } from '../../common/schemas/ticket.schema.js';
import type { HistoryKind } from '../../common/tickets.js';
import type { Db } from '../db/database.js';
import { preparedInsert } from '../db/prepared.js';
import type { Database } from '../db/schema.js';

/** Who did something to a ticket: a staff user, a customer (by email) or Guichet itself. */
export type HistoryActor =
  { type: 'user'; userId: number } | { type: 'customer'; email: string } | { type: 'system' };

export interface NewHistoryEntry {
  ticketId: number;
  at: string;
  actor: HistoryActor;
  kind: HistoryKind;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  details?: Record<string, unknown>;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/**
 * The ticket journal (SPEC 2.3): append-only, written with the executor of the command's transaction so
 * a change and its history row commit together.
 */
export function createHistoryRepository(db: Db) {
  // Compiled once per number of rows: commands write their history while holding SQLite's write lock.
  const insertHistory = preparedInsert('ticket_history', 'none');
  return {
    async record(ex: Kysely<Database>, entries: NewHistoryEntry | NewHistoryEntry[]): Promise<void> {
      const list = Array.isArray(entries) ? entries : [entries];
      if (list.length === 0) return;
      await insertHistory(
        ex,
        list.map((e) => ({
          ticket_id: e.ticketId,
          at: e.at,
          actor_type: e.actor.type,
          actor_user_id: e.actor.type === 'user' ? e.actor.userId : null,
          actor_email: e.actor.type === 'customer' ? e.actor.email : null,
          kind: e.kind,
          field: e.field ?? null,
          old_value: json(e.oldValue),
          new_value: json(e.newValue),
          details: JSON.stringify(e.details ?? {}),
        })),
      );
    },

    /** Oldest first, with the acting user's name. */
    async list(ticketId: number): Promise<HistoryEntry[]> {
      const rows = await db.kysely
        .selectFrom('ticket_history as h')
        .leftJoin('users as u', 'u.id', 'h.actor_user_id')
        .select([
          'h.id',
          'h.at',
          'h.actor_type',
          'h.actor_user_id',
          'h.actor_email',
          'h.kind',
          'h.field',
          'h.old_value',
          'h.new_value',
          'h.details',
          'u.name as user_name',
        ])
        .where('h.ticket_id', '=', ticketId)
        .orderBy('h.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: { type: r.actor_type, userId: r.actor_user_id, name: r.user_name, email: r.actor_email },
        kind: r.kind as HistoryKind,
        field: r.field,
        oldValue: parse(r.old_value),
        newValue: parse(r.new_value),
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
