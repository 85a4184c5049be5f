/**
 * The few differences between SQLite and PostgreSQL that migrations need, in one place.
 * Migrations are frozen once released: add helpers here, never change what an existing one produces.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface DialectHelper {
  pg: boolean;
  /** Integer primary key filled by the database, never reused. */
  id: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Column type for instants: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
  timestamp: 'timestamptz' | 'text';
  /** JSON documents are stored as text on both engines and parsed by repositories. */
  json: 'text';
  /** Current instant as a column default. */
  now: RawBuilder<unknown>;
}

export function dialect(db: Kysely<any>): DialectHelper {
  const pg = isPostgres(db);
  return {
    pg,
    id: (col) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement()),
    timestamp: pg ? 'timestamptz' : 'text',
    json: 'text',
    now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  };
}
