import type { Db } from '../src/server/db/database.js';
import type { Writer } from './seed.js';
import type { Value } from './seed.rows.js';

const bind = (v: Value) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** SQLite: prepared statements in one transaction per batch, straight on the better-sqlite3 handle. */
export function createSqliteWriter(db: Db): Writer {
  const raw = db.sqlite?.raw;
  if (!raw) throw new Error('not a SQLite database');
  // Bulk load only: a crash would mean seeding again, so durability can wait until the end.
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  return {
    insert(table, rows) {
      const first = rows[0];
      if (!first) return Promise.resolve();
      const cols = Object.keys(first);
      const stmt = raw.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      raw.transaction(() => {
        for (const row of rows) stmt.run(...cols.map((c) => bind(row[c] ?? null)));
      })();
      return Promise.resolve();
    },

    setAside() {
      const saved = raw
        .prepare(
          `SELECT type, name, sql FROM sqlite_master
           WHERE tbl_name IN ('tickets') AND type IN ('index', 'trigger') AND sql IS NOT NULL
           UNION ALL SELECT type, name, sql FROM sqlite_master
           WHERE tbl_name = 'ticket_messages' AND type = 'trigger'`,
        )
        .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
      for (const s of saved) raw.exec(`DROP ${s.type.toUpperCase()} ${s.name}`);
      return Promise.resolve(() => {
        for (const s of saved.filter((x) => x.type === 'index')) raw.exec(s.sql);
        for (const s of saved.filter((x) => x.type === 'trigger')) raw.exec(s.sql);
        db.sqlite?.clearCache();
        return Promise.resolve();
      });
    },

    finish() {
      raw.pragma('synchronous = NORMAL');
      raw.pragma('wal_checkpoint(TRUNCATE)');
      db.sqlite?.clearCache();
      return Promise.resolve();
    },
  };
}
