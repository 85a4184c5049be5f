import type { Kysely } from 'kysely';
import type { DictionaryKind } from '../../common/tickets.js';
import type { Database } from '../db/schema.js';
import { AppError, badRequest, conflict } from '../http/errors.js';
import type { DictionaryRepository } from './dictionary.repository.js';

/** The state an entry would have after a create or an update. */
export interface EntryFields {
  active: boolean;
  isDefault: boolean;
  public: boolean;
  parentCode: string | null;
  color: string | null;
}

const badParent = (message: string) => new AppError('invalid_parent_category', 400, message);

/**
 * Checks the fields an entry would end with: kind-specific fields only on their kind, a default that is
 * active, and a parent category that exists and makes no cycle. Runs inside the command's transaction.
 */
export async function checkEntryFields(
  repo: DictionaryRepository,
  ex: Kysely<Database>,
  kind: DictionaryKind,
  code: string,
  f: EntryFields,
): Promise<void> {
  if (f.color !== null && kind !== 'ticket-severities') badField('color', 'Only severities have a colour');
  if (f.public && kind !== 'ticket-categories')
    badField('public', 'Only categories are offered on the portal');
  if (f.parentCode !== null && kind !== 'ticket-categories') {
    badField('parentCode', 'Only categories have a parent');
  }
  if (f.isDefault && !f.active) {
    throw conflict('dictionary_default_required', 'The default entry must stay active');
  }
  if (f.parentCode === null) return;
  // Walk up from the new parent: reaching `code` again would close a loop.
  const seen = new Set<string>([code]);
  let parent: string | null = f.parentCode;
  while (parent !== null) {
    if (seen.has(parent)) {
      throw badParent(`Category "${f.parentCode}" cannot be the parent of "${code}": that makes a cycle`);
    }
    seen.add(parent);
    const row = await repo.find(kind, parent, ex);
    if (!row) throw badParent(`parentCode "${parent}" is not an existing category`);
    parent = row.parent_code;
  }
}

function badField(field: string, message: string): never {
  throw badRequest(message, { field });
}
