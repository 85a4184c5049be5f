import type { Kysely } from 'kysely';
import type { AuditEntry, AuditRepository } from '../admin/audit.repository.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../jobs/job.queue.js';
import { createContactRepository, type ContactRepository } from './contact.repository.js';
import { createThirdpartyRepository, type ThirdpartyRepository } from './thirdparty.repository.js';

export interface CustomerDeps {
  db: Db;
  /** When given, every change is also written to the administration audit log. */
  audit?: AuditRepository;
  clock: Clock;
  jobs: JobQueue;
}

/** What the third-party, contact and resolution halves of the customer service share. */
export interface CustomerContext extends CustomerDeps {
  thirdparties: ThirdpartyRepository;
  contacts: ContactRepository;
  /** One transaction per command: the change, its audit row and its jobs commit together. */
  command<T>(fn: (trx: Kysely<Database>, now: string) => Promise<T>): Promise<T>;
  record(trx: Kysely<Database>, entry: AuditEntry): Promise<void>;
}

export function createCustomerContext(deps: CustomerDeps): CustomerContext {
  const { db, audit, clock } = deps;
  return {
    ...deps,
    thirdparties: createThirdpartyRepository(db),
    contacts: createContactRepository(db),
    command: (fn) => db.kysely.transaction().execute((trx) => fn(trx, iso(clock.now()))),
    async record(trx, entry) {
      if (audit) await audit.record(entry, trx);
    },
  };
}

/** Emails are kept as typed and matched lower-cased (SPEC 3: exact, case-insensitive). */
export function emailColumns(email: string | null | undefined) {
  if (email === undefined) return {};
  return { email, email_lower: email === null ? null : email.toLowerCase() };
}
