import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db, type DialectName } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/** SQLite always; PostgreSQL whenever TEST_DATABASE_URL is set (.ci/run always sets it). */
export const ENGINES: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  engine: DialectName;
  db: Db;
  dataDir: string;
  /** Connection settings, to open a second handle on the same database (crash tests, CLI). */
  databaseUrl: string | undefined;
  sqlitePath: string;
  cleanup(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database per call, migrated unless `migrate: false`. */
export async function createTestDb(engine: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
  const sqlitePath = path.join(dataDir, 'guichet.db');
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `guichet_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = withDatabase(adminUrl, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // The pool reports closed before its connections are gone; a forced drop would then kill them
      // and surface as an unhandled "terminating connection" error. Wait for them to leave first.
      for (let i = 0; i < 100; i++) {
        const r = await c.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (Number(r.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const db = createDb({
    databaseUrl,
    sqlitePath,
    sqliteSynchronous: 'NORMAL',
    pgPoolMax: 5,
    pgStatementTimeoutMs: 30000,
  });
  if (opts.migrate !== false) await migrateToLatest(db);
  return {
    engine,
    db,
    dataDir,
    databaseUrl,
    sqlitePath,
    async cleanup() {
      await db.destroy().catch(() => {});
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
