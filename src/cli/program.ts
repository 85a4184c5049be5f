import { Command } from 'commander';
import { registerBackupCommand } from './commands/backup.js';
import { registerDbMigrateCommand } from './commands/db-migrate.js';
import { registerMailIngestCommand } from './commands/mail-ingest.js';
import { registerSeedDemoCommand } from './commands/seed-demo.js';
import { registerStartCommand } from './commands/start.js';
import { registerUserCreateCommand } from './commands/user-create.js';

/** The `guichet` command line; index.ts runs it, tests may inspect it. */
export function createProgram(version: string): Command {
  const program = new Command('guichet')
    .description(
      'Guichet, the self-hosted helpdesk. Configuration comes from the environment (see README.md).',
    )
    .version(version, '-v, --version')
    .showHelpAfterError('(run "guichet --help" for the list of commands)');
  registerStartCommand(program);
  registerDbMigrateCommand(program);
  registerUserCreateCommand(program);
  registerBackupCommand(program);
  registerSeedDemoCommand(program);
  registerMailIngestCommand(program);
  return program;
}
