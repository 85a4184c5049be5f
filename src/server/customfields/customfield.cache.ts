import type { Kysely } from 'kysely';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import type { Database } from '../db/schema.js';
import { presentCustomField } from './customfield.presenter.js';
import type { CustomFieldRepository } from './customfield.repository.js';

/** How long a process trusts its copy; other processes see a change within this delay. */
export const CACHE_MS = 5000;

/**
 * This process's copy of the custom field definitions, by position: every ticket creation and edit, the
 * portal form and the list filter read them, so a warm copy costs no query. The custom field service drops
 * it after each of its writes; other processes' writes show within CACHE_MS.
 */
export function createCustomFieldCache(repo: Pick<CustomFieldRepository, 'all'>) {
  let cache: { at: number; defs: Promise<readonly CustomField[]> } | undefined;
  return {
    invalidate() {
      cache = undefined;
    },

    /** `ex`: the caller's transaction, if any (SQLite has one connection: a read beside it would wait). */
    definitions(ex?: Kysely<Database>): Promise<readonly CustomField[]> {
      const now = Date.now();
      if (!cache || now - cache.at > CACHE_MS) {
        const loading = repo.all(ex).then((rows) => rows.map(presentCustomField));
        cache = { at: now, defs: loading };
        // A failed load must not stay cached.
        loading.catch(() => {
          if (cache?.defs === loading) cache = undefined;
        });
      }
      return cache.defs;
    },
  };
}

export type CustomFieldCache = ReturnType<typeof createCustomFieldCache>;
