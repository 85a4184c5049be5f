import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/database.js';
import type { TicketFilter } from './ticket.list.filter.js';
import { foldForSearch } from '../text/rich-text.js';
import { fts5Query, tsQuery, type PrefixTerms, type SearchField } from './ticket.search.query.js';

/** SQLite: the whole text of ticket `t`, as the full-text index holds it. */
const SQLITE_TEXT = sql.raw(
  `t.subject || char(10) || t.message_text || coalesce(char(10) || (SELECT group_concat(m.body_text, char(10)) FROM ticket_messages m WHERE m.ticket_id = t.id), '')`,
);

/** A typed word standing for more indexed words than this is left to FTS5 as a prefix. */
const MAX_PREFIX_TERMS = 32;
/** Above every character: the end of the range of words starting with a prefix. */
const LAST_CHAR = '\u{10FFFF}';

/**
 * SQLite: a scratch FTS5 table of the connection (temp schema, in memory) with the tokenizer of the search
 * indexes, and its vocabulary: the words of the documents just indexed, folded exactly as FTS5 folds them.
 */
const SCRATCH_TABLES = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS temp.ticket_terms_scratch USING fts5(body, tokenize='unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS temp.ticket_terms_vocab USING fts5vocab(temp, ticket_terms_scratch, 'row')`,
];

/**
 * A search of the list in two forms: the ids it can match (to read first when they are few), and a
 * condition on a ticket row `t` (to check while walking a list index when they are many).
 */
export interface SearchPlan {
  ids: RawBuilder<{ id: number }>;
  predicate: RawBuilder<SqlBool>;
  /**
   * The tickets holding the words whole, a subset of `ids`. A prefix query first merges every word
   * starting so (FTS5's prefix index; PostgreSQL's GIN partial match, which collects every match before
   * the first comes out); when these alone are many, the cheap question "are there more than N?" is
   * answered without the merge. SQLite's FTS5 also streams them as it reads.
   */
  whole?: RawBuilder<{ id: number }>;
  /**
   * SQLite, one full-text table: `ids` come out in id order, either way, as the index streams them
   * (no sort). The list then reads the matches nearest the start of a walk by creation or reference.
   */
  streamsInIdOrder?: boolean;
}

/**
 * The ticket search index (migration 2026-11-28b), kept in step with every write by triggers: subject
 * with company name, and the whole text (subject, description, messages). A subject or company search
 * reads only the small first index.
 */
export function createTicketSearchRepository(db: Db) {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';

  /** Words in the subject and/or company name (`fields`), or anywhere in the text (no field). */
  function words(tokens: string[], fields: SearchField[], terms: PrefixTerms): SearchPlan {
    const column = sql.raw(fields.length > 0 ? 'subject' : 'doc');
    if (pg) {
      const query = sql`to_tsquery('simple', guichet_unaccent(${tsQuery(tokens, fields)}))`;
      const whole = sql`to_tsquery('simple', guichet_unaccent(${tsQuery(tokens, fields, false)}))`;
      return {
        ids: sql`SELECT ticket_id AS id FROM ticket_search WHERE ${column} @@ ${query}`,
        whole: sql`SELECT ticket_id AS id FROM ticket_search WHERE ${column} @@ ${whole}`,
        // A correlated subquery, so PostgreSQL checks each row it walks instead of collecting all
        // matches of a frequent word first.
        predicate: sql<SqlBool>`(SELECT s.${column} @@ ${query} FROM ticket_search s WHERE s.ticket_id = t.id)`,
      };
    }
    const table = sql.raw(fields.length > 0 ? 'ticket_subject_fts' : 'ticket_text_fts');
    const match = (prefix: boolean) =>
      sql<{
        id: number;
      }>`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ${fts5Query(tokens, fields, prefix, terms)}`;
    const ids = match(true);
    return { ids, predicate: sql<SqlBool>`t.id IN (${ids})`, whole: match(false), streamsInIdOrder: true };
  }

  /**
   * SQLite: the indexed words each typed word is the beginning of, when there are a few (see the
   * migration 2026-11-28g). A word found nowhere, or standing for many, stays a prefix for FTS5: its
   * prefix index answers short ones, and a word folded differently here than by FTS5 still matches.
   */
  async function prefixTerms(tokens: readonly string[]): Promise<PrefixTerms> {
    const terms = new Map<string, string[]>();
    if (pg) return terms;
    for (const token of tokens) {
      const folded = foldForSearch(token);
      const r = await sql<{ term: string }>`
        SELECT term FROM ticket_search_terms WHERE term >= ${folded} AND term < ${folded + LAST_CHAR}
        LIMIT ${sql.lit(MAX_PREFIX_TERMS + 1)}`.execute(k);
      if (r.rows.length > 0 && r.rows.length <= MAX_PREFIX_TERMS) {
        terms.set(
          token,
          r.rows.map((row) => row.term),
        );
      }
    }
    return terms;
  }

  /** SQLite: adds the words of the documents of tickets `ids` to `ticket_search_terms`, through `trx`. */
  async function recordTerms(trx: Kysely<Database>, ids: RawBuilder<unknown>): Promise<void> {
    for (const statement of SCRATCH_TABLES) await sql.raw(statement).execute(trx);
    await sql`INSERT INTO temp.ticket_terms_scratch (body)
      SELECT t.subject || char(10) || coalesce(t.thirdparty_name, '') FROM tickets t WHERE t.id IN (${ids})`.execute(
      trx,
    );
    await sql`INSERT INTO temp.ticket_terms_scratch (body)
      SELECT ${SQLITE_TEXT} FROM tickets t WHERE t.id IN (${ids})`.execute(trx);
    await sql`INSERT OR IGNORE INTO ticket_search_terms (term) SELECT term FROM temp.ticket_terms_vocab`.execute(
      trx,
    );
    await sql`DELETE FROM temp.ticket_terms_scratch`.execute(trx);
  }

  return {
    /**
     * The search of `filter` (`q` in subject/company/both, `text`): undefined when it searches nothing,
     * null when nothing can match (only punctuation was typed).
     */
    async plan(filter: TicketFilter): Promise<SearchPlan | null | undefined> {
      const s = filter.search;
      if (!s && !filter.text) return undefined;
      const fields: SearchField[] = s?.in === 'both' ? ['subject', 'company'] : s ? [s.in] : [];
      const terms = await prefixTerms([...(s?.tokens ?? []), ...(filter.text ?? [])]);
      const plans = [
        ...(s ? [s.tokens.length > 0 ? words(s.tokens, fields, terms) : null] : []),
        ...(filter.text ? [filter.text.length > 0 ? words(filter.text, [], terms) : null] : []),
      ];
      if (plans.length === 0) return undefined;
      const [a, b] = plans;
      if (!a || (plans.length > 1 && !b)) return null;
      if (!b) return a;
      return {
        ids: sql`SELECT a.id FROM (${a.ids}) a WHERE a.id IN (${b.ids})`,
        predicate: sql<SqlBool>`(${a.predicate} AND ${b.predicate})`,
      };
    },

    /**
     * Whether the search may match fewer than `max` tickets, before reading its ids. SQLite: always
     * worth asking (firstIds reads whole words first, which stream). A GIN index is read whole before
     * the first id comes out, which costs hundreds of milliseconds for a word in every fifth ticket;
     * PostgreSQL's estimate (its statistics know the frequent words; a rare word gets a small guess)
     * then avoids it. A wrong guess only costs time, never a wrong answer.
     */
    async mayBeFew(plan: SearchPlan, max: number): Promise<boolean> {
      if (!pg) return true;
      const r = await sql<{
        'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
      }>`EXPLAIN (FORMAT JSON) ${plan.ids}`.execute(k);
      const rows = r.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'];
      return rows === undefined || rows < max * 5;
    },

    /**
     * SQLite: writes the documents of the tickets queued by the triggers, all in one transaction (one
     * FTS5 segment whatever their number). Run before every search, so a search always sees every
     * committed change; a no-op when the queue is empty, which is the common case.
     */
    async catchUp(): Promise<void> {
      if (pg) return;
      const pending = await sql`SELECT 1 AS x FROM ticket_search_queue LIMIT 1`.execute(k);
      if (pending.rows.length === 0) return;
      await k.transaction().execute(async (trx) => {
        const queued = sql`SELECT ticket_id FROM ticket_search_queue`;
        await sql`DELETE FROM ticket_subject_fts WHERE rowid IN (${queued})`.execute(trx);
        await sql`DELETE FROM ticket_text_fts WHERE rowid IN (${queued})`.execute(trx);
        await sql`INSERT INTO ticket_subject_fts (rowid, subject, company)
          SELECT t.id, t.subject, t.thirdparty_name FROM tickets t WHERE t.id IN (${queued})`.execute(trx);
        await sql`INSERT INTO ticket_text_fts (rowid, doc)
          SELECT t.id, ${SQLITE_TEXT} FROM tickets t WHERE t.id IN (${queued})`.execute(trx);
        await recordTerms(trx, queued);
        await sql`DELETE FROM ticket_search_queue`.execute(trx);
      });
    },

    /** The first `max` ids a search can match: all of them when there are fewer. */
    async firstIds(plan: SearchPlan, max: number): Promise<number[]> {
      // The limit in the SQL, not bound: see LiteralLimitCompiler (sqlite-driver.ts).
      const first = async (ids: RawBuilder<{ id: number }>) =>
        (await sql<{ id: number }>`SELECT c.id FROM (${ids}) c LIMIT ${sql.lit(max)}`.execute(k)).rows.map(
          (r) => Number(r.id),
        );
      // SQLite: whole words stream, and are the quickest way to a full page. A GIN index is read whole
      // either way; the few matches of a rare word (mayBeFew) are read once.
      if (plan.whole && !pg) {
        const whole = await first(plan.whole);
        if (whole.length >= max) return whole;
      }
      return first(plan.ids);
    },

    /**
     * Rebuilds the documents of tickets `fromId`…`toId` (all without a range), for bulk loads (which
     * set the triggers aside to go faster) and repairs. The text must be what the triggers write.
     * `terms: false` leaves the words out, for a bulk load that calls recordAllTerms once at the end.
     */
    async rebuild(
      range: { fromId: number; toId: number } = { fromId: 0, toId: 2 ** 31 - 1 },
      opts: { terms?: boolean } = {},
    ): Promise<void> {
      const { fromId, toId } = range;
      if (pg) {
        await sql`
          INSERT INTO ticket_search (ticket_id, subject, doc)
          SELECT t.id,
            setweight(to_tsvector('simple', guichet_unaccent(t.subject)), 'A')
              || setweight(to_tsvector('simple', guichet_unaccent(coalesce(t.thirdparty_name, ''))), 'B'),
            guichet_search_vector(t.subject || ' ' || t.message_text || coalesce(' ' || m.body, ''))
          FROM tickets t
          LEFT JOIN (
            SELECT ticket_id, string_agg(body_text, ' ' ORDER BY id) AS body FROM ticket_messages
            WHERE ticket_id BETWEEN ${fromId} AND ${toId} GROUP BY ticket_id
          ) m ON m.ticket_id = t.id
          WHERE t.id BETWEEN ${fromId} AND ${toId}
          ON CONFLICT (ticket_id) DO UPDATE SET subject = excluded.subject, doc = excluded.doc`.execute(k);
        return;
      }
      await k.transaction().execute(async (trx) => {
        await sql`DELETE FROM ticket_search_queue WHERE ticket_id BETWEEN ${fromId} AND ${toId}`.execute(trx);
        await sql`DELETE FROM ticket_subject_fts WHERE rowid BETWEEN ${fromId} AND ${toId}`.execute(trx);
        await sql`DELETE FROM ticket_text_fts WHERE rowid BETWEEN ${fromId} AND ${toId}`.execute(trx);
        await sql`
          INSERT INTO ticket_subject_fts (rowid, subject, company)
          SELECT id, subject, thirdparty_name FROM tickets WHERE id BETWEEN ${fromId} AND ${toId}`.execute(
          trx,
        );
        await sql`
          INSERT INTO ticket_text_fts (rowid, doc)
          SELECT t.id, ${SQLITE_TEXT} FROM tickets t WHERE t.id BETWEEN ${fromId} AND ${toId}`.execute(trx);
        if (opts.terms !== false) {
          await recordTerms(trx, sql`SELECT id FROM tickets WHERE id BETWEEN ${fromId} AND ${toId}`);
        }
      });
    },

    /** SQLite: every word of both search indexes into `ticket_search_terms` (after a bulk load). */
    async recordAllTerms(): Promise<void> {
      if (pg) return;
      await k.transaction().execute(async (trx) => {
        for (const table of ['ticket_subject_fts', 'ticket_text_fts']) {
          await sql
            .raw(
              `CREATE VIRTUAL TABLE IF NOT EXISTS temp.all_terms_vocab USING fts5vocab(main, ${table}, 'row')`,
            )
            .execute(trx);
          await sql`INSERT OR IGNORE INTO ticket_search_terms (term) SELECT term FROM temp.all_terms_vocab`.execute(
            trx,
          );
          await sql`DROP TABLE temp.all_terms_vocab`.execute(trx);
        }
      });
    },
  };
}

export type TicketSearchRepository = ReturnType<typeof createTicketSearchRepository>;
