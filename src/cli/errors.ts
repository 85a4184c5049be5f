import { ZodError } from 'zod';
import { AppError } from '../server/http/errors.js';
import { describeStartupError } from '../server/startup-error.js';

/** An error the operator can fix; its message is printed as is. */
export class CliError extends Error {}

/** The one line printed for a failed command. */
export function describeCliError(err: unknown): string {
  if (err instanceof CliError || err instanceof AppError) return err.message;
  if (err instanceof ZodError) {
    return err.issues
      .map((i) => (i.path.length ? `--${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
  }
  return describeStartupError(err);
}
