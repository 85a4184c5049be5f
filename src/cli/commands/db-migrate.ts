import type { Command } from 'commander';
import { migrateToLatest } from '../../server/db/migrate.js';
import { describeDatabase, withDatabase } from '../database.js';

export function registerDbMigrateCommand(program: Command): void {
  program
    .command('db:migrate')
    .description('Create the database or bring its schema up to date, then exit')
    .addHelpText(
      'after',
      `
All pending migrations run in one transaction: if one fails, nothing is applied and the command exits 1.
"guichet start" migrates too; run this before starting several processes of a new version.`,
    )
    .action(async () => {
      await withDatabase(process.env, { migrate: false }, async ({ config, db }) => {
        const applied = await migrateToLatest(db);
        const where = describeDatabase(config);
        console.log(
          applied.length > 0
            ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`
            : `The database is up to date (${where}).`,
        );
      });
    });
}
