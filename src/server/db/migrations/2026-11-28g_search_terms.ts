import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_dialect.js';

/**
 * SQLite: every word the ticket search indexes hold, so that a word prefix (`certif`) is searched as the
 * few whole words it stands for (`certificat OR certificate`). FTS5 answers a prefix query by merging the
 * lists of every word that starts so before the first match comes out, which costs tens of milliseconds
 * for frequent words at a million tickets; whole words stream, and are read only as far as a page needs.
 * ticket.search.repository.ts adds the words of each document it indexes, in the same transaction.
 * Words are never removed: one that no longer occurs simply matches nothing. PostgreSQL needs none of it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`CREATE TABLE ticket_search_terms (term text PRIMARY KEY) WITHOUT ROWID`.execute(db);
  for (const table of ['ticket_subject_fts', 'ticket_text_fts']) {
    await sql
      .raw(`CREATE VIRTUAL TABLE temp.migration_vocab USING fts5vocab(main, ${table}, 'row')`)
      .execute(db);
    await sql`INSERT OR IGNORE INTO ticket_search_terms (term) SELECT term FROM temp.migration_vocab`.execute(
      db,
    );
    await sql`DROP TABLE temp.migration_vocab`.execute(db);
  }
}
