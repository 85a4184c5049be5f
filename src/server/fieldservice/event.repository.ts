import type { Insertable, Kysely, SelectQueryBuilder, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, EventsTable } from '../db/schema.js';

type Executor = Kysely<Database>;

export interface EventDetailRow {
  id: number;
  type_code: string;
  label: string;
  start_at: string;
  end_at: string;
  all_day: boolean;
  owner_id: number | null;
  owner_name: string | null;
  thirdparty_id: number | null;
  thirdparty_name: string | null;
  done: boolean;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventFilter {
  ownerId?: number;
  thirdpartyId?: number;
  /** Events ending at or after `from` and starting before `to`. */
  from?: string;
  to?: string;
}

type From = 'events' | 'users' | 'thirdparties';
function filtered<O>(b: SelectQueryBuilder<Database, From, O>, f: EventFilter) {
  return b
    .$if(f.ownerId !== undefined, (qb) => qb.where('events.owner_id', '=', f.ownerId ?? 0))
    .$if(f.thirdpartyId !== undefined, (qb) => qb.where('events.thirdparty_id', '=', f.thirdpartyId ?? 0))
    .$if(f.from !== undefined, (qb) => qb.where('events.end_at', '>=', f.from ?? ''))
    .$if(f.to !== undefined, (qb) => qb.where('events.start_at', '<', f.to ?? ''));
}

/** Agenda events. */
export function createEventRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  const base = (ex: Executor) =>
    ex
      .selectFrom('events')
      .leftJoin('users', 'users.id', 'events.owner_id')
      .leftJoin('thirdparties', 'thirdparties.id', 'events.thirdparty_id')
      .selectAll('events')
      .select(['users.name as owner_name', 'thirdparties.name as thirdparty_name']);

  return {
    findDetail: (id: number, ex: Executor = k): Promise<EventDetailRow | undefined> =>
      base(ex).where('events.id', '=', id).executeTakeFirst(),

    findForUpdate: (id: number, ex: Executor) =>
      ex
        .selectFrom('events')
        .select(['id', 'label', 'start_at', 'end_at', 'thirdparty_id'])
        .where('id', '=', id)
        .$if(pg, (qb) => qb.forUpdate())
        .executeTakeFirst(),

    /** By start then id (keyset after `[start, id]`). */
    list: (f: EventFilter & { after?: [string, number]; limit: number }): Promise<EventDetailRow[]> =>
      filtered(base(k), f)
        .$if(f.after !== undefined, (qb) => {
          const [start, id] = f.after ?? ['', 0];
          return qb.where((e) =>
            e.or([
              e('events.start_at', '>', start),
              e.and([e('events.start_at', '=', start), e('events.id', '>', id)]),
            ]),
          );
        })
        .orderBy('events.start_at')
        .orderBy('events.id')
        .limit(f.limit)
        .execute(),

    count: async (f: EventFilter): Promise<number> => {
      const r = await filtered(
        k
          .selectFrom('events')
          .leftJoin('users', 'users.id', 'events.owner_id')
          .leftJoin('thirdparties', 'thirdparties.id', 'events.thirdparty_id')
          .select((e) => e.fn.countAll().as('n')),
        f,
      ).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    insert: async (row: Insertable<EventsTable>, ex: Executor): Promise<number> =>
      (await ex.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: number, patch: Updateable<EventsTable>, ex: Executor) =>
      ex.updateTable('events').set(patch).where('id', '=', id).execute(),

    remove: (id: number, ex: Executor) => ex.deleteFrom('events').where('id', '=', id).execute(),

    /** Active codes of the event-types dictionary, the default one first. */
    activeEventTypes: async (ex: Executor = k): Promise<string[]> =>
      (
        await ex
          .selectFrom('dictionary_entries')
          .select('code')
          .where('kind', '=', 'event-types')
          .where('active', '=', true)
          .orderBy('is_default', 'desc')
          .orderBy('position')
          .execute()
      ).map((r) => r.code),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
