import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { createDb } from '../../server/db/database.js';
import { CliError } from '../errors.js';
import { redactUrl } from '../database.js';

/** The pg_dump command for a PostgreSQL deployment; the password stays out of the command line. */
export function pgDumpCommand(databaseUrl: string, file: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `pg_dump --format=custom --no-owner --file=${quote(file)} ${quote(redactUrl(databaseUrl))}`;
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .description('Back up the database while Guichet keeps running')
    .option('--force', 'overwrite <file> if it exists')
    .addHelpText(
      'after',
      `
SQLite: writes a consistent copy of the database to <file> (online backup; the server may keep running).
Uploaded files live in GUICHET_DATA_DIR: back that directory up too.
PostgreSQL: prints the pg_dump command to run (give the password through PGPASSWORD or ~/.pgpass).

Example:
  guichet backup backups/guichet-$(date +%F).db`,
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig(process.env);
      const target = path.resolve(file);
      if (config.databaseUrl) {
        console.log(
          'The database is on PostgreSQL: back it up with pg_dump (password from PGPASSWORD or ~/.pgpass):',
        );
        console.log(`  ${pgDumpCommand(config.databaseUrl, target)}`);
        return;
      }
      if (!fs.existsSync(config.sqlitePath)) {
        throw new CliError(`No database at ${config.sqlitePath}: check GUICHET_DATA_DIR.`);
      }
      if (fs.existsSync(target) && !opts.force) {
        throw new CliError(`${target} already exists; choose another file or pass --force.`);
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (opts.force) fs.rmSync(target, { force: true });
      const db = createDb(config);
      try {
        if (!db.sqlite) throw new CliError('Online backup needs the SQLite engine.');
        const result = await db.sqlite.raw.backup(target);
        const bytes = fs.statSync(target).size;
        console.log(
          `Backed up ${config.sqlitePath} to ${target} (${result.totalPages} pages, ${bytes} bytes).`,
        );
      } finally {
        await db.destroy();
      }
    });
}
