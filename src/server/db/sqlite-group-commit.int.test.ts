import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { openSqlite, type Db } from './database.js';
import type { WrappedSqlite } from './sqlite-driver.js';

/** What another process sees: a second connection to the same file. */
function otherProcess(t: TestDb) {
  const other = openSqlite(t.sqlitePath);
  return {
    names: () =>
      (other.raw.prepare('select name from probe order by name').all() as { name: string }[]).map(
        (r) => r.name,
      ),
    close: () => other.close(),
  };
}

/** Counts the commits the connection runs (the driver's own `commit` statements). */
function countCommits(sqlite: WrappedSqlite) {
  let commits = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (text: string) => {
    if (text === 'commit') commits++;
    return prepare(text);
  };
  return () => commits;
}

describe('SQLite group commit', () => {
  let t: TestDb;
  let db: Db;
  beforeEach(async () => {
    t = await createTestDb('sqlite');
    db = t.db;
    await sql`create table probe (name text primary key)`.execute(db.kysely);
  });
  afterEach(() => t.cleanup());

  const insert = (name: string) =>
    db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('probe' as never)
        .values({ name })
        .execute();
      // A turn of the event loop inside the transaction, as a real command awaits between statements.
      await new Promise((r) => setImmediate(r));
    });

  it('transactions that queue commit together, and each caller resolves only once its row is visible to others', async () => {
    const commits = countCommits(db.sqlite!);
    const other = otherProcess(t);
    const names = Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const seenAtResolve = await Promise.all(
      names.map((n) => insert(n).then(() => other.names().includes(n))),
    );
    expect(seenAtResolve.every(Boolean)).toBe(true);
    expect(other.names()).toEqual(names);
    expect(commits()).toBeLessThan(5);
    other.close();
  });

  it('while another process holds the lock, reads go on and the transactions begun meanwhile join the waiting group: one commit', async () => {
    const commits = countCommits(db.sqlite!);
    const holder = openSqlite(t.sqlitePath);
    holder.raw.exec('begin immediate');
    const first = insert('first');
    // The first transaction's group now waits for the lock; these begin on later turns of the event loop.
    const later: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 2));
      later.push(insert(`later${i}`));
    }
    // Reads go on meanwhile: the waiting group does not keep the connection.
    const read = await sql<{ n: number }>`select count(*) as n from probe`.execute(db.kysely);
    expect(Number(read.rows[0]?.n)).toBe(0);
    holder.raw.exec('commit');
    await Promise.all([first, ...later]);
    expect(commits()).toBe(1);
    const other = otherProcess(t);
    expect(other.names()).toEqual(['first', 'later0', 'later1', 'later2', 'later3', 'later4']);
    other.close();
    holder.close();
  });

  it('a transaction that fails in a group rolls back alone; the others commit', async () => {
    const results = await Promise.allSettled([
      insert('a'),
      db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('probe' as never)
          .values({ name: 'doomed' })
          .execute();
        await new Promise((r) => setImmediate(r));
        throw new Error('refused');
      }),
      insert('a'), // unique violation
      insert('b'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused' });
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    const other = otherProcess(t);
    expect(other.names()).toEqual(['a', 'b']);
    other.close();
  });

  it('a write outside any transaction is visible to others when it resolves', async () => {
    const other = otherProcess(t);
    const inGroup = insert('grouped');
    const plain = db.kysely
      .insertInto('probe' as never)
      .values({ name: 'plain' } as never)
      .execute()
      .then(() => other.names());
    const [, seen] = await Promise.all([inGroup, plain]);
    expect(seen).toContain('plain');
    expect(other.names()).toEqual(['grouped', 'plain']);
    other.close();
  });

  it('a read outside any transaction never sees what a group has not committed, nor splits the group', async () => {
    const commits = countCommits(db.sqlite!);
    const results = await Promise.all([
      insert('x'),
      db.kysely
        .selectFrom('probe' as never)
        .select(sql`count(*)`.as('n'))
        .execute(),
      insert('y'),
    ]);
    expect(results[1]).toEqual([{ n: 0 }]);
    expect(commits()).toBe(1);
  });

  it('reads outside a transaction go to the read connection: it maps the file, refuses writes, and sees every commit that resolved', async () => {
    const reader = db.sqlite?.reader;
    expect(reader).toBeDefined();
    expect(Number(reader?.raw.pragma('mmap_size', { simple: true }))).toBeGreaterThan(0);
    expect(() => reader?.raw.exec(`insert into probe values ('forbidden')`)).toThrow(/readonly|query_only/i);
    // A table only the writer's connection holds: a read outside a transaction does not find it.
    db.sqlite?.raw.exec('create temp table writer_only (n integer)');
    await expect(sql`select count(*) as n from writer_only`.execute(db.kysely)).rejects.toThrow(
      /no such table/,
    );
    const inside = await db.kysely
      .transaction()
      .execute((trx) => sql<{ n: number }>`select count(*) as n from writer_only`.execute(trx));
    expect(inside.rows).toEqual([{ n: 0 }]);
    for (const name of ['a', 'b', 'c']) {
      await insert(name);
      const seen = await sql<{ n: number }>`select count(*) as n from probe where name = ${name}`.execute(
        db.kysely,
      );
      expect(seen.rows).toEqual([{ n: 1 }]);
    }
  });
});
