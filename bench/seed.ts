/**
 * Fills a freshly migrated database with the benchmark data set, fast: secondary indexes and the search
 * triggers are set aside during the bulk load (their definitions are read back from the database, so
 * they come back exactly as the migrations made them), then rebuilt in one pass each.
 */
import { sql } from 'kysely';
import { hashPassword } from '../src/server/auth/secrets.js';
import type { Db } from '../src/server/db/database.js';
import { createTicketSearchRepository } from '../src/server/tickets/ticket.search.repository.js';
import { createTicketStatsRepository } from '../src/server/tickets/ticket.stats.repository.js';
import { progressBar, step } from './progress.js';
import {
  CATEGORIES,
  customersOf,
  generateCustomers,
  generateTickets,
  staffUsers,
  type Row,
} from './seed.rows.js';
import { createPostgresWriter } from './seed.postgres.js';
import { createSqliteWriter } from './seed.sqlite.js';

export const BENCH_ADMIN = { email: 'bench-admin@guichet.example', password: 'bench password 2026' };

export interface SeedOptions {
  tickets: number;
  thirdparties: number;
}

/** What the load writers do differently on each engine. */
export interface Writer {
  insert(table: string, rows: Row[]): Promise<void>;
  /** Drops secondary indexes and search triggers of the ticket tables; returns how to restore them. */
  setAside(): Promise<() => Promise<void>>;
  /** After the load: identity sequences, statistics. */
  finish(): Promise<void>;
}

const BATCH = 5000;

export async function seed(db: Db, opts: SeedOptions): Promise<{ adminId: number }> {
  const writer = db.dialect === 'postgres' ? createPostgresWriter(db) : createSqliteWriter(db);
  const now = new Date();
  const nowIso = now.toISOString();

  const adminId = await step('users and groups', async () => {
    const hash = await hashPassword(BENCH_ADMIN.password);
    await writer.insert('users', [
      {
        id: 1,
        email: BENCH_ADMIN.email,
        email_lower: BENCH_ADMIN.email,
        name: 'Bench Admin',
        language: 'fr',
        active: true,
        password_hash: hash,
        created_at: nowIso,
        updated_at: nowIso,
      },
      ...staffUsers(nowIso),
    ]);
    const group = (id: number, name: string) => ({
      id,
      name,
      name_lower: name.toLowerCase(),
      description: '',
      created_at: nowIso,
      updated_at: nowIso,
    });
    await writer.insert('groups', [group(1, 'Administrators'), group(2, 'Agents')]);
    await writer.insert('group_permissions', [
      { group_id: 1, permission: 'admin' },
      ...['ticket.read', 'ticket.write', 'ticket.export', 'thirdparty.read'].map((permission) => ({
        group_id: 2,
        permission,
      })),
    ]);
    const staff = staffUsers(nowIso);
    await writer.insert('group_members', [
      { group_id: 1, user_id: 1 },
      ...staff.map((u) => ({ group_id: 2, user_id: u.id as number })),
    ]);
    await writer.insert(
      'dictionary_entries',
      CATEGORIES.map(([code, fr, en], i) => ({
        kind: 'ticket-categories',
        code,
        label_fr: fr,
        label_en: en,
        position: 20 + i * 10,
        active: true,
        is_default: false,
        is_public: true,
        parent_code: null,
        color: null,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    );
    return 1;
  });

  const { thirdparties, contacts } = await step(`${opts.thirdparties} third parties`, async () => {
    const c = generateCustomers(opts.thirdparties, nowIso);
    for (let i = 0; i < c.thirdparties.length; i += BATCH)
      await writer.insert('thirdparties', c.thirdparties.slice(i, i + BATCH));
    for (let i = 0; i < c.contacts.length; i += BATCH)
      await writer.insert('contacts', c.contacts.slice(i, i + BATCH));
    return c;
  });
  const customers = customersOf(thirdparties, contacts);
  const staff = staffUsers(nowIso).map((u) => ({ id: u.id as number, name: u.name as string }));

  const restore = await step('set indexes and triggers aside', () => writer.setAside());
  const bar = progressBar('tickets + 3 messages', opts.tickets);
  for (let from = 1; from <= opts.tickets; from += BATCH) {
    const to = Math.min(opts.tickets, from + BATCH - 1);
    const batch = generateTickets(from, to, { total: opts.tickets, now: now.getTime(), customers, staff });
    await writer.insert('tickets', batch.tickets);
    await writer.insert('ticket_messages', batch.messages);
    bar.update(to);
  }
  bar.done();
  await writer.insert('counters', [{ name: 'ticket', value: opts.tickets }]);
  const search = createTicketSearchRepository(db);
  const searchBar = progressBar('search index', opts.tickets);
  const chunk = 50_000;
  // Two ranges at a time: PostgreSQL builds them on two cores; SQLite runs them one after the other.
  for (let from = 1; from <= opts.tickets; from += 2 * chunk) {
    await Promise.all(
      [from, from + chunk]
        .filter((f) => f <= opts.tickets)
        .map((f) =>
          search.rebuild({ fromId: f, toId: Math.min(opts.tickets, f + chunk - 1) }, { terms: false }),
        ),
    );
    searchBar.update(Math.min(opts.tickets, from + 2 * chunk - 1));
  }
  searchBar.done();
  await step('search words', () => search.recordAllTerms());
  await step('rebuild indexes, restore triggers', () => restore());
  await step('ticket counts', () => createTicketStatsRepository(db).rebuildCounts());
  await step('finish (sequences, statistics)', () => writer.finish());
  await sql`select 1`.execute(db.kysely);
  return { adminId };
}
