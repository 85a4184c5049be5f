import { describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';

describe('SQLite rows', () => {
  const db = openSqlite(':memory:');
  db.raw.exec(`CREATE TABLE t (id integer PRIMARY KEY, name text, done boolean, "odd ""name"" here" text)`);
  db.raw.exec(`INSERT INTO t VALUES (1, 'a', 1, 'x'), (2, 'b', 0, 'y'), (3, null, null, null)`);

  it('come back as plain objects with booleans, any column name, and the last of duplicate names', () => {
    const rows = db
      .prepare(`SELECT id, name, done, "odd ""name"" here", id * 10 AS "id" FROM t ORDER BY 1`)
      .all([]);
    expect(rows).toEqual([
      { id: 10, name: 'a', done: true, 'odd "name" here': 'x' },
      { id: 20, name: 'b', done: false, 'odd "name" here': 'y' },
      { id: 30, name: null, done: null, 'odd "name" here': null },
    ]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('a column named __proto__ never becomes the prototype of the row', () => {
    const [row] = db.prepare(`SELECT 1 AS "__proto__", done FROM t WHERE id = ?`).all([1]) as Record<
      string,
      unknown
    >[];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row?.done).toBe(true);
  });

  it('iterates with the same rows', () => {
    expect([...db.prepare(`SELECT id, done FROM t ORDER BY id`).iterate([])]).toEqual([
      { id: 1, done: true },
      { id: 2, done: false },
      { id: 3, done: null },
    ]);
  });
});
