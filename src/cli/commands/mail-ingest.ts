import type { Command } from 'commander';
import { ConfigError } from '../../server/config.js';
import { MAX_RAW_BYTES } from '../../server/inbox/inbox.limits.js';
import { describeCliError } from '../errors.js';
import { withDatabase } from '../database.js';

/** sysexits.h codes an MTA understands: 65 refuses the message, 75 tries again later, 78 is our setup. */
const EX_DATAERR = 65;
const EX_TEMPFAIL = 75;
const EX_CONFIG = 78;

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    chunks.push(b);
    // One byte over the limit is enough to know: the message goes to the quarantine as too large.
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

export function registerMailIngestCommand(program: Command): void {
  program
    .command('mail:ingest')
    .description('Import one email read on standard input (for an MTA pipe transport)')
    .option(
      '--mailbox <name>',
      'the name this source is known by (a Message-ID is stored once per name)',
      'pipe',
    )
    .addHelpText(
      'after',
      `
The same rules as the IMAP collector apply: threading by Message-ID and [ref], one import per Message-ID,
auto-replies and bounces ignored, unreadable mail kept in the quarantine.
Prints what became of the message. Exit codes: 0 stored, ignored on purpose or quarantined;
65 nothing on standard input; 75 try again later (database unavailable); 78 configuration error.

Example (Postfix master.cf):
  guichet unix - n n - - pipe flags=Rq user=guichet argv=/usr/local/bin/guichet mail:ingest`,
    )
    .action(async (opts: { mailbox: string }) => {
      const raw = await readStdin(MAX_RAW_BYTES);
      if (raw.length === 0 || raw.toString('latin1').trim().length === 0) {
        console.error('guichet: no message on standard input');
        process.exitCode = EX_DATAERR;
        return;
      }
      try {
        await withDatabase(process.env, { migrate: false }, async ({ config, db }) => {
          const { createServices } = await import('../../server/services.js');
          const services = createServices({ config, db, mailTransport: null });
          // The settings' first copy is read outside any transaction (settings.service.ts says why).
          await services.settings.all();
          const r = await services.mailIngest.ingest(raw, opts.mailbox.trim() || 'pipe');
          const where = r.ticketRef ? ` ${r.ticketRef}` : '';
          const why = r.reason ? `: ${r.reason}` : '';
          console.log(`${r.outcome}${where}${why}`);
        });
      } catch (err) {
        console.error(`guichet: ${describeCliError(err)}`);
        process.exitCode = err instanceof ConfigError ? EX_CONFIG : EX_TEMPFAIL;
      }
    });
}
