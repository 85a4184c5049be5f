import type { Kysely } from 'kysely';
import type { DictionaryKind } from '../../common/tickets.js';
import type { Database, DictionaryEntryRow } from '../db/schema.js';
import type { DictionaryRepository } from './dictionary.repository.js';

/** How long a process trusts its copy; other processes see a change within this delay. */
export const CACHE_MS = 5000;

/**
 * This process's copy of the dictionaries (a small table read on every ticket command) and of which codes
 * are in use. The service drops it after each of its writes; other processes' writes show within CACHE_MS.
 */
export function createDictionaryCache(repo: DictionaryRepository) {
  let cache: { at: number; rows: Promise<DictionaryEntryRow[]> } | undefined;
  const usage = new Map<DictionaryKind, { at: number; codes: Promise<Set<string>> }>();

  return {
    invalidate() {
      cache = undefined;
      usage.clear();
    },

    /** `ex`: the caller's transaction, if any (SQLite has one connection: a read beside it would wait forever). */
    rows(ex?: Kysely<Database>): Promise<DictionaryEntryRow[]> {
      const now = Date.now();
      if (!cache || now - cache.at > CACHE_MS) {
        const loading = repo.all(ex);
        cache = { at: now, rows: loading };
        // A failed load must not stay cached.
        loading.catch(() => {
          if (cache?.rows === loading) cache = undefined;
        });
      }
      return cache.rows;
    },

    /** `fresh` skips the copy (administrators deciding what to delete). */
    usedCodes(kind: DictionaryKind, fresh: boolean): Promise<Set<string>> {
      const now = Date.now();
      const hit = usage.get(kind);
      if (!fresh && hit && now - hit.at <= CACHE_MS) return hit.codes;
      const codes = repo.usedCodes(kind);
      usage.set(kind, { at: now, codes });
      codes.catch(() => usage.delete(kind));
      return codes;
    },
  };
}
