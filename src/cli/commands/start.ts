import { Option, type Command } from 'commander';
import type { Role } from '../../server/main.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Run the server: migrate the database, then serve HTTP and/or run background jobs')
    .addOption(
      new Option('--role <role>', 'web serves HTTP, worker runs background jobs, all does both')
        .choices(['web', 'worker', 'all'])
        .default('all'),
    )
    .addHelpText(
      'after',
      `
Configuration comes from the environment (PORT, HOST, GUICHET_DATA_DIR, DATABASE_URL, …; see README.md).
When the database has no user, GUICHET_ADMIN_EMAIL + GUICHET_ADMIN_PASSWORD create the first administrator;
without them a one-time setup link is printed. SIGTERM or SIGINT stop gracefully; a second one forces.

Examples:
  guichet start
  DATABASE_URL=postgres://guichet@db/guichet guichet start --role web
  DATABASE_URL=postgres://guichet@db/guichet guichet start --role worker`,
    )
    .action(async (opts: { role: Role }) => {
      // Loaded here, not at the top: other commands start without the server's modules.
      const { start } = await import('../../server/main.js');
      await start({ role: opts.role });
    });
}
