import { Option, type Command } from 'commander';
import { LANGUAGES, type Language } from '../../common/languages.js';
import { createUserSchema } from '../../common/schemas/user.schema.js';
import { withDatabase } from '../database.js';

interface UserCreateOptions {
  email: string;
  name: string;
  admin?: boolean;
  password?: string;
  language: Language;
}

export function registerUserCreateCommand(program: Command): void {
  program
    .command('user:create')
    .description('Create a staff user (migrates the database first when needed)')
    .requiredOption('--email <email>', 'sign-in email, unique')
    .requiredOption('--name <name>', 'display name')
    .option('--admin', 'make the user an administrator (every permission)')
    .option(
      '--password <password>',
      'initial password (at least 10 characters); omit it to get a set-password link',
    )
    .addOption(
      new Option('--language <language>', 'language of the interface').choices(LANGUAGES).default('fr'),
    )
    .addHelpText(
      'after',
      `
Without --password, the command prints a one-time link where the user chooses a password.
Passing --password on the command line leaves it in your shell history; prefer the link.

Example:
  guichet user:create --email ada@example.com --name "Ada Lovelace" --admin`,
    )
    .action(async (opts: UserCreateOptions) => {
      const input = createUserSchema.parse({
        email: opts.email,
        name: opts.name,
        language: opts.language,
        password: opts.password,
      });
      await withDatabase(process.env, { migrate: true }, async ({ config, db }) => {
        const { createServices } = await import('../../server/services.js');
        const services = createServices({ config, db, mailTransport: null });
        const user = await services.users.createByOperator({ ...input, admin: opts.admin === true });
        console.log(`Created user ${user.email} (id ${user.id}${opts.admin ? ', administrator' : ''}).`);
        if (user.setPasswordLink) {
          console.log(`One-time link to choose a password: ${user.setPasswordLink}`);
        }
      });
    });
}
