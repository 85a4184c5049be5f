import { ConfigError } from './config.js';
import { MigrationError } from './db/migrate.js';

/**
 * One line an operator can act on, for the errors a start can meet. Configuration and migration errors
 * carry their own explanation; anything else gets its message.
 */
export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigError) return oneLine(err.message);
  if (err instanceof MigrationError) return oneLine(err.message);
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') return `The port is already in use (${e.message}). Set PORT to a free port.`;
  if (e?.code === 'EACCES') return `Permission denied: ${e.message}`;
  return err instanceof Error ? oneLine(err.message) : String(err);
}

/** "Invalid configuration:\n  PORT: …\n  HOST: …" → "Invalid configuration: PORT: …; HOST: …" */
function oneLine(message: string): string {
  const [first = '', ...rest] = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return rest.length > 0 ? `${first} ${rest.join('; ')}` : first;
}
