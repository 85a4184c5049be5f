import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';
import { GuichetSqliteDialect } from './sqlite-driver.js';

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

describe('SQLite LIMIT and OFFSET', () => {
  const db = openSqlite(':memory:');
  db.raw.exec(`CREATE TABLE n (id integer PRIMARY KEY)`);
  db.raw.exec(
    `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100) INSERT INTO n SELECT i FROM c`,
  );
  const k = new Kysely<{ n: { id: number } }>({ dialect: new GuichetSqliteDialect({ database: db }) });

  // SQLite plans with a bound LIMIT's value, and so prepares such a statement again at every run.
  it('are written into the SQL as numbers, not bound', async () => {
    const q = k.selectFrom('n').select('id').where('id', '>', 10).orderBy('id').limit(3).offset(5);
    const compiled = q.compile();
    expect(compiled.sql).toMatch(/limit 3 offset 5$/);
    expect(compiled.parameters).toEqual([10]);
    expect((await q.execute()).map((r) => r.id)).toEqual([16, 17, 18]);
  });

  it('stay bound when they are not whole numbers known when compiling', () => {
    const placeholder = k
      .selectFrom('n')
      .select('id')
      .limit(sql<number>`${7}`)
      .compile();
    expect(placeholder.sql).toMatch(/limit \?$/);
    expect(placeholder.parameters).toEqual([7]);
    const negative = k.selectFrom('n').select('id').limit(-1).compile();
    expect(negative.sql).toMatch(/limit \?$/);
    expect(negative.parameters).toEqual([-1]);
  });
});
