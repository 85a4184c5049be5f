/**
 * Larger messages are not imported (kept in the quarantine for an administrator to look at). On its own so
 * that `guichet mail:ingest` knows how much of its input to read before loading anything else.
 */
export const MAX_RAW_BYTES = 100 * 1024 * 1024;
