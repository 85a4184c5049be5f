/** True when a write failed on a UNIQUE constraint, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOSPC']);

/**
 * True when the database could not do the work now but may later: SQLite's write lock held too long or a
 * full disk, PostgreSQL unreachable, shutting down, out of connections, or a serialization conflict.
 * Work that failed so is worth retrying as it is; anything else would fail the same way again.
 */
export function isTransientDbError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') {
    return /Connection terminated|timeout exceeded when trying to connect/i.test(
      String((err as Error).message),
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_FULL') return true;
  if (TRANSIENT_NODE_CODES.has(code)) return true;
  // PostgreSQL SQLSTATE: 08 connection exception, 57P0x shutdown, 53 insufficient resources, 40 rollback.
  return /^(08|53|57P0|40001|40P01)/.test(code);
}
