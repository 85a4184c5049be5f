import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import type { Writer } from './seed.js';
import type { Row } from './seed.rows.js';

/**
 * PostgreSQL: one `INSERT … SELECT FROM unnest($1::type[], …)` per batch (one array per column, any
 * number of rows); indexes set aside during the load are rebuilt with a large maintenance_work_mem.
 */
export function createPostgresWriter(db: Db): Writer {
  const k = db.kysely;
  const types = new Map<string, Map<string, string>>();

  async function columnTypes(table: string): Promise<Map<string, string>> {
    let t = types.get(table);
    if (!t) {
      const r = await sql<{ column_name: string; udt_name: string }>`
        SELECT column_name, udt_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table}`.execute(k);
      t = new Map(r.rows.map((c) => [c.column_name, c.udt_name]));
      types.set(table, t);
    }
    return t;
  }

  return {
    async insert(table, rows: Row[]) {
      const first = rows[0];
      if (!first) return;
      const cols = Object.keys(first);
      const t = await columnTypes(table);
      const arrays = cols.map((c) => rows.map((r) => r[c] ?? null));
      const casts = cols.map((c, i) => {
        const type = t.get(c);
        if (!type) throw new Error(`unknown column ${table}.${c}`);
        return sql`${arrays[i]}::${sql.raw(type)}[]`;
      });
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        SELECT * FROM unnest(${sql.join(casts)})`.execute(k);
    },

    async setAside() {
      const indexes = await sql<{ name: string; def: string }>`
        SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('tickets', 'ticket_search')
          AND indexname NOT IN (SELECT conname FROM pg_constraint)`.execute(k);
      const triggers = await sql<{ tbl: string; name: string }>`
        SELECT c.relname AS tbl, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relname IN ('tickets', 'ticket_messages')`.execute(k);
      for (const i of indexes.rows) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(k);
      for (const t of triggers.rows)
        await sql`ALTER TABLE ${sql.table(t.tbl)} DISABLE TRIGGER ${sql.ref(t.name)}`.execute(k);
      return async () => {
        await k.connection().execute(async (c) => {
          await sql`SET maintenance_work_mem = '1GB'`.execute(c);
          await sql`SET statement_timeout = 0`.execute(c);
          for (const i of indexes.rows) await sql.raw(i.def).execute(c);
          await sql`RESET maintenance_work_mem`.execute(c);
        });
        for (const t of triggers.rows)
          await sql`ALTER TABLE ${sql.table(t.tbl)} ENABLE TRIGGER ${sql.ref(t.name)}`.execute(k);
      };
    },

    async finish() {
      for (const table of ['users', 'groups', 'thirdparties', 'contacts', 'tickets', 'ticket_messages']) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
          k,
        );
      }
      // What autovacuum does after a bulk load, done now: statistics and the visibility map.
      await k.connection().execute(async (c) => {
        await sql`SET statement_timeout = 0`.execute(c);
        await sql`VACUUM (ANALYZE)`.execute(c);
      });
    },
  };
}
