import fs from 'node:fs';
import { loadConfig, type Config } from '../server/config.js';
import { createDb, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';

export interface Opened {
  config: Config;
  db: Db;
}

/** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without its password. */
export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `SQLite ${config.sqlitePath}`;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1@');
  }
}

/**
 * Reads the configuration and opens the database, creating the data directory when needed. With
 * `migrate`, pending migrations are applied first and reported on stderr (stdout stays the command's).
 */
export async function openDatabase(env: NodeJS.ProcessEnv, opts: { migrate: boolean }): Promise<Opened> {
  const config = loadConfig(env);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = createDb(config);
  if (opts.migrate) {
    try {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) console.error(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    } catch (err) {
      await db.destroy().catch(() => {});
      throw err;
    }
  }
  return { config, db };
}

/** Runs `fn` with an open database and always closes it. */
export async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  opts: { migrate: boolean },
  fn: (opened: Opened) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(env, opts);
  try {
    return await fn(opened);
  } finally {
    await opened.db.destroy();
  }
}
