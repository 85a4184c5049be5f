import type { Command } from 'commander';
import { describeDatabase, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

/** A one-line progress bar on stderr (stdout keeps the summary). */
function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return (done: number, total: number) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === last && done !== total) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (pct % 10 === 0 || done === total) process.stderr.write(`${line}\n`);
  };
}

export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed:demo')
    .description('Fill the database with a realistic demo helpdesk: agents, customers, tickets, messages')
    .option('--tickets <n>', 'how many tickets to create', '300')
    .option('--seed <n>', 'random seed: the same seed gives the same demo', '2026')
    .addHelpText(
      'after',
      `
Everything goes through Guichet's own services, so the demo has a full history. Demo agents sign in
with the password printed at the end. Run it on a demo or test installation, not in production.`,
    )
    .action(async (opts: { tickets: string; seed: string }) => {
      const tickets = Number(opts.tickets);
      const seed = Number(opts.seed);
      if (!Number.isInteger(tickets) || tickets < 1 || tickets > 100000) {
        throw new CliError('--tickets must be a whole number between 1 and 100000');
      }
      if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
      await withDatabase(process.env, { migrate: true }, async ({ config, db }) => {
        const [{ createServices }, { DemoClock, seedDemo }] = await Promise.all([
          import('../../server/services.js'),
          import('../demo/demo.seed.js'),
        ]);
        const clock = new DemoClock();
        const services = createServices({ config, db, clock, mailTransport: null });
        console.error(`Seeding ${describeDatabase(config)}…`);
        const report = await seedDemo(services, clock, { tickets, seed, onProgress: progressBar('tickets') });
        console.log(
          `Demo ready: ${report.tickets} tickets, ${report.messages} messages, ${report.thirdparties} customers with ${report.contacts} contacts.`,
        );
        for (const a of report.agents) {
          console.log(`  agent ${a.email}${a.created ? '' : ' (already there)'}`);
        }
        console.log(`Demo agents sign in with the password: ${report.agentPassword}`);
      });
    });
}
