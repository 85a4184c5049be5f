import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import type { Db } from './database.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  return tables.map((t) => t.name);
}

/** The real migrations followed by one that creates a table, then fails. */
function brokenBatch(): Record<string, Migration> {
  return {
    ...migrations,
    zzzz_broken: {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('x').addColumn('id', 'integer').execute();
        throw new Error('boom');
      },
    },
  };
}

/** Same tables as migrate.ts, so this batch is judged exactly as a real one would be. */
function migratorWith(db: Db, list: Record<string, Migration>): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(list) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

describe.each(ENGINES)('migrations on %s', (engine) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('migrateToLatest applies every migration once and is idempotent', async () => {
    t = await createTestDb(engine, { migrate: false });
    expect(await pendingMigrations(t.db)).toEqual(Object.keys(migrations));

    expect(await migrateToLatest(t.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(t.db)).toEqual([]);
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await tableNames(t.db)).toEqual(expect.arrayContaining(['users', 'groups', 'jobs', 'audit_log']));
  });

  it('a failing batch on a new database leaves no table behind', async () => {
    t = await createTestDb(engine, { migrate: false });
    const result = await migratorWith(t.db, brokenBatch()).migrateToLatest();
    t.db.sqlite?.clearCache();

    expect(result.error).toBeInstanceOf(Error);
    expect((result.error as Error).message).toBe('boom');
    const tables = await tableNames(t.db);
    expect(tables).not.toContain('users');
    expect(tables).not.toContain('x');
    expect(await pendingMigrations(t.db)).toEqual(Object.keys(migrations));
  });

  it('a failing batch on a current database keeps its data and records nothing', async () => {
    t = await createTestDb(engine);
    await t.db.kysely
      .insertInto('users')
      .values({ email: 'kept@example.test', email_lower: 'kept@example.test', name: 'Kept', language: 'en' })
      .execute();

    const result = await migratorWith(t.db, brokenBatch()).migrateToLatest();
    t.db.sqlite?.clearCache();

    expect(result.error).toBeInstanceOf(Error);
    expect(await tableNames(t.db)).not.toContain('x');
    const users = await t.db.kysely.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'kept@example.test' }]);
    const applied = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
      t.db.kysely,
    );
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });
});
