import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';
import { startSqliteCheckpointer } from './sqlite-checkpointer.js';

describe('SQLite checkpointer', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed pages from the log into the database file while the writer never checkpoints', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-ckpt-'));
    const file = path.join(dir, 'data.db');
    const db = openSqlite(file);
    db.raw.pragma('wal_autocheckpoint = 0');
    db.raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.raw.prepare('INSERT INTO t (body) VALUES (?)');
    db.raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(1000));
    })();
    const before = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
    expect(before).toBeLessThan(100_000);

    const errors: string[] = [];
    const checkpointer = startSqliteCheckpointer(file, { intervalMs: 20, onError: (m) => errors.push(m) });
    try {
      await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(2_000_000);
    } finally {
      await checkpointer.stop();
    }
    expect(errors).toEqual([]);
    // The data is still all there, read through the writer's connection.
    expect(db.raw.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    db.close();
  });
});
