import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_dialect.js';

/**
 * What keeps the ticket list, its search and the statistics fast at a million tickets (SPEC 2.7, 2.8).
 *
 * - One index per sort column over open tickets (`is_open` leads): a page is a short range scan, at any
 *   depth, because pages are keyset-paginated on (sort value, id).
 * - `ticket_counts`: tickets per status, and `ticket_overdue_days`: per day, the tickets that become
 *   overdue once that day is past the response delays; both kept by triggers, so the home page's numbers
 *   and the default list's total never count rows. Partial indexes, holding only the tickets that can be
 *   overdue with every column the count reads, count the one day at the boundary exactly.
 * - Search documents kept by triggers, so no other code has to think about them: the subject with the
 *   third party's name (subject / company / both searches), and the whole text (subject, description,
 *   every message, private notes included). SQLite: FTS5 without diacritics; its triggers queue the
 *   changed tickets and the queue is indexed in one transaction before any search reads the index
 *   (FTS5 pays a fixed cost per transaction that would otherwise halve the rate of ticket creation).
 *   PostgreSQL: tsvectors of unaccented text (subject weighted A, company B) with GIN indexes, updated
 *   in the writing transaction.
 *
 * Frozen once released. The list and stats repositories repeat a few expressions (status rank, overdue
 * rules) that must stay textually identical to these index definitions for the planners to use them.
 */
const STATUSES = ['unread', 'read', 'assigned', 'in_progress', 'waiting', 'closed', 'deleted'];

/** Workflow order for "sort by status" (ticket.list.repository.ts repeats it). */
const STATUS_RANK = `(CASE status WHEN 'unread' THEN 1 WHEN 'read' THEN 2 WHEN 'assigned' THEN 3 WHEN 'in_progress' THEN 4 WHEN 'waiting' THEN 5 WHEN 'closed' THEN 6 ELSE 7 END)`;

/** Sort keys of the list (TICKET_SORTS); `ref` follows the creation counter, which is the id order. */
const SORT_INDEXES: [string, string][] = [
  ['created', 'created_at, id'],
  ['updated', 'updated_at, id'],
  ['ref', 'id'],
  ['subject', 'subject, id'],
  ['status', `${STATUS_RANK}, id`],
  ['severity', 'severity_rank, id'],
  ['type', 'type_code, id'],
  ['category', 'category_code, id'],
  ['assignee', 'assignee_name, id'],
  ['thirdparty', 'thirdparty_name, id'],
];

/** Same text as in ticket.stats.repository.ts (SQLite matches partial index terms literally). */
const OVERDUE_BASE = `is_open = true AND status <> 'waiting'`;
const OVERDUE_FIRST = `${OVERDUE_BASE} AND first_response_at IS NULL`;
const OVERDUE_REPLY = `${OVERDUE_BASE} AND last_customer_message_at IS NOT NULL AND (last_staff_message_at IS NULL OR last_staff_message_at < last_customer_message_at)`;

/**
 * The overdue rules of ticket.overdue.ts, per ticket row `r` (`new`/`old`), with the day that decides:
 * `first`: no answer yet, by creation day; `answered` and `unanswered`: a customer waits for an answer,
 * by the day of their last message, split on whether the ticket ever had a first answer (a ticket with
 * none is already counted by `first` once its creation is late enough).
 */
function overdueRules(r: string, day: (column: string) => string) {
  const base = `${r}.is_open = true AND ${r}.status <> 'waiting'`;
  const waiting = `${r}.last_customer_message_at IS NOT NULL AND (${r}.last_staff_message_at IS NULL OR ${r}.last_staff_message_at < ${r}.last_customer_message_at)`;
  return [
    {
      rule: 'answered',
      when: `${base} AND ${waiting} AND ${r}.first_response_at IS NOT NULL`,
      day: day(`${r}.last_customer_message_at`),
    },
    { rule: 'first', when: `${base} AND ${r}.first_response_at IS NULL`, day: day(`${r}.created_at`) },
    {
      rule: 'unanswered',
      when: `${base} AND ${waiting} AND ${r}.first_response_at IS NULL`,
      day: day(`${r}.last_customer_message_at`),
    },
  ];
}
const OVERDUE_COLUMNS =
  'is_open, status, first_response_at, created_at, last_customer_message_at, last_staff_message_at';

const run = (db: Kysely<any>, text: string) => sql.raw(text).execute(db);

async function commonUp(db: Kysely<any>): Promise<void> {
  for (const [name, cols] of SORT_INDEXES) {
    await run(db, `CREATE INDEX tickets_list_${name}_idx ON tickets (is_open, ${cols})`);
  }
  // Every column the overdue count reads is in the index, so the count never visits the table.
  await run(
    db,
    `CREATE INDEX tickets_overdue_first_idx ON tickets (created_at, is_open, status, first_response_at, last_customer_message_at, last_staff_message_at) WHERE ${OVERDUE_FIRST}`,
  );
  await run(
    db,
    `CREATE INDEX tickets_overdue_reply_idx ON tickets (last_customer_message_at, first_response_at, created_at, is_open, status, last_staff_message_at) WHERE ${OVERDUE_REPLY}`,
  );
  await run(db, `CREATE TABLE ticket_counts (status text PRIMARY KEY, n integer NOT NULL)`);
  await run(
    db,
    `INSERT INTO ticket_counts (status, n) SELECT s.status, (SELECT count(*) FROM tickets t WHERE t.status = s.status) FROM (${STATUSES.map((s) => `SELECT '${s}' AS status`).join(' UNION ALL ')}) s`,
  );
  await run(
    db,
    `CREATE TABLE ticket_overdue_days (rule text NOT NULL, day text NOT NULL, n integer NOT NULL, PRIMARY KEY (rule, day))`,
  );
}

/** SQLite: two FTS5 tables keyed by ticket id, contentless (the text lives in the tickets and messages). */
async function sqliteUp(db: Kysely<any>): Promise<void> {
  const fts = `content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'`;
  await run(db, `CREATE VIRTUAL TABLE ticket_subject_fts USING fts5(subject, company, ${fts})`);
  await run(db, `CREATE VIRTUAL TABLE ticket_text_fts USING fts5(doc, ${fts})`);
  // Tickets whose documents must be (re)written; ticket.search.repository.ts empties it.
  await run(db, `CREATE TABLE ticket_search_queue (ticket_id integer PRIMARY KEY)`);
  const queue = (id: string) => `INSERT OR IGNORE INTO ticket_search_queue (ticket_id) VALUES (${id});`;
  const rules = (r: string) => overdueRules(r, (c) => `substr(${c}, 1, 10)`);
  const overdueIn = (r: string) =>
    rules(r)
      .map(
        (x) =>
          `INSERT INTO ticket_overdue_days (rule, day, n) SELECT '${x.rule}', ${x.day}, 1 WHERE ${x.when} ON CONFLICT (rule, day) DO UPDATE SET n = n + 1;`,
      )
      .join('\n');
  const overdueOut = (r: string) =>
    rules(r)
      .map(
        (x) =>
          `UPDATE ticket_overdue_days SET n = n - 1 WHERE rule = '${x.rule}' AND day = ${x.day} AND ${x.when};`,
      )
      .join('\n');
  await run(
    db,
    `CREATE TRIGGER tickets_derived_ai AFTER INSERT ON tickets BEGIN
      ${queue('new.id')}
      UPDATE ticket_counts SET n = n + 1 WHERE status = new.status;
      ${overdueIn('new')}
    END`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_search_au AFTER UPDATE OF subject, thirdparty_name, message_text ON tickets
      WHEN old.subject IS NOT new.subject OR old.thirdparty_name IS NOT new.thirdparty_name OR old.message_text IS NOT new.message_text
      BEGIN ${queue('new.id')} END`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_counts_au AFTER UPDATE OF status ON tickets WHEN old.status IS NOT new.status BEGIN
      UPDATE ticket_counts SET n = n - 1 WHERE status = old.status;
      UPDATE ticket_counts SET n = n + 1 WHERE status = new.status;
    END`,
  );
  const changed = OVERDUE_COLUMNS.split(', ')
    .map((c) => `old.${c} IS NOT new.${c}`)
    .join(' OR ');
  await run(
    db,
    `CREATE TRIGGER tickets_overdue_au AFTER UPDATE OF ${OVERDUE_COLUMNS} ON tickets WHEN ${changed} BEGIN
      ${overdueOut('old')}
      ${overdueIn('new')}
    END`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_derived_ad AFTER DELETE ON tickets BEGIN
      ${queue('old.id')}
      UPDATE ticket_counts SET n = n - 1 WHERE status = old.status;
      ${overdueOut('old')}
    END`,
  );
  await run(
    db,
    `CREATE TRIGGER ticket_messages_search_ai AFTER INSERT ON ticket_messages BEGIN ${queue('new.ticket_id')} END`,
  );
  await run(
    db,
    `CREATE TRIGGER ticket_messages_search_au AFTER UPDATE OF body_text, ticket_id ON ticket_messages BEGIN ${queue('old.ticket_id')} ${queue('new.ticket_id')} END`,
  );
  await run(
    db,
    `CREATE TRIGGER ticket_messages_search_ad AFTER DELETE ON ticket_messages BEGIN ${queue('old.ticket_id')} END`,
  );
  // Existing tickets (none before release, but a restored backup may have some).
  await run(db, `INSERT INTO ticket_search_queue (ticket_id) SELECT id FROM tickets`);
  for (const x of rules('t')) {
    await run(
      db,
      `INSERT INTO ticket_overdue_days (rule, day, n) SELECT '${x.rule}', ${x.day}, count(*) FROM tickets t WHERE ${x.when} GROUP BY ${x.day}`,
    );
  }
}

/** PostgreSQL: unaccent made IMMUTABLE (its dictionary named explicitly) so expressions can be indexed. */
async function postgresUp(db: Kysely<any>): Promise<void> {
  await run(db, `CREATE EXTENSION IF NOT EXISTS unaccent`);
  const schema = await sql<{
    s: string;
  }>`SELECT n.nspname AS s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`.execute(
    db,
  );
  const ns = `"${(schema.rows[0]?.s ?? 'public').replace(/"/g, '""')}"`;
  await run(
    db,
    `CREATE FUNCTION guichet_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT ${ns}.unaccent('${ns}.unaccent'::regdictionary, $1) $$`,
  );
  // Lexemes without positions (no phrase search, no ranking): smaller, and far from the 1 MB limit.
  await run(
    db,
    `CREATE FUNCTION guichet_search_vector(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT strip(to_tsvector('simple'::regconfig, guichet_unaccent(left($1, 300000)))) $$`,
  );
  await run(
    db,
    `CREATE TABLE ticket_search (
      ticket_id integer PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
      subject tsvector NOT NULL,
      doc tsvector NOT NULL)`,
  );
  await run(db, `CREATE INDEX ticket_search_subject_idx ON ticket_search USING gin (subject)`);
  await run(db, `CREATE INDEX ticket_search_doc_idx ON ticket_search USING gin (doc)`);

  // Subject (weight A) and company name (B) in one vector: a search picks its fields by weight. Weights
  // live on positions, so these short texts keep theirs (strip would drop both).
  const subject = (t: string) =>
    `setweight(to_tsvector('simple'::regconfig, guichet_unaccent(${t}.subject)), 'A') || setweight(to_tsvector('simple'::regconfig, guichet_unaccent(coalesce(${t}.thirdparty_name, ''))), 'B')`;
  // The row lock first, so that two messages added at once to one ticket cannot each write a document
  // missing the other: the second waits, then its next statement sees the first.
  await run(
    db,
    `CREATE FUNCTION guichet_ticket_search_refresh(tid integer) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM ticket_search WHERE ticket_id = tid FOR UPDATE;
      INSERT INTO ticket_search (ticket_id, subject, doc)
        SELECT t.id, ${subject('t')},
          guichet_search_vector(t.subject || ' ' || t.message_text || coalesce(' ' ||
            (SELECT string_agg(m.body_text, ' ' ORDER BY m.id) FROM ticket_messages m WHERE m.ticket_id = t.id), ''))
        FROM tickets t WHERE t.id = tid
        ON CONFLICT (ticket_id) DO UPDATE SET subject = excluded.subject, doc = excluded.doc;
    END $$`,
  );
  const pgRules = (r: string) => overdueRules(r, (c) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`);
  const overdueIn = pgRules('NEW')
    .map(
      (x) =>
        `IF ${x.when} THEN INSERT INTO ticket_overdue_days (rule, day, n) VALUES ('${x.rule}', ${x.day}, 1) ON CONFLICT (rule, day) DO UPDATE SET n = ticket_overdue_days.n + 1; END IF;`,
    )
    .join('\n');
  const overdueOut = pgRules('OLD')
    .map(
      (x) =>
        `IF ${x.when} THEN UPDATE ticket_overdue_days SET n = n - 1 WHERE rule = '${x.rule}' AND day = ${x.day}; END IF;`,
    )
    .join('\n');
  const changed = OVERDUE_COLUMNS.split(', ')
    .map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`)
    .join(' OR ');
  // Rows of the counter tables are always locked in the same order (status counts, then overdue days
  // by rule, leaving before entering), so two changes in opposite directions cannot deadlock.
  await run(
    db,
    `CREATE FUNCTION guichet_tickets_after() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO ticket_search (ticket_id, subject, doc) VALUES (NEW.id, ${subject('NEW')},
          guichet_search_vector(NEW.subject || ' ' || NEW.message_text));
        UPDATE ticket_counts SET n = n + 1 WHERE status = NEW.status;
        ${overdueIn}
      ELSIF TG_OP = 'DELETE' THEN
        UPDATE ticket_counts SET n = n - 1 WHERE status = OLD.status;
        ${overdueOut}
      ELSE
        IF OLD.subject IS DISTINCT FROM NEW.subject OR OLD.message_text IS DISTINCT FROM NEW.message_text
          OR OLD.thirdparty_name IS DISTINCT FROM NEW.thirdparty_name THEN
          PERFORM guichet_ticket_search_refresh(NEW.id);
        END IF;
        IF OLD.status IS DISTINCT FROM NEW.status THEN
          UPDATE ticket_counts SET n = n + CASE WHEN status = NEW.status THEN 1 ELSE -1 END
            WHERE status = least(OLD.status, NEW.status);
          UPDATE ticket_counts SET n = n + CASE WHEN status = NEW.status THEN 1 ELSE -1 END
            WHERE status = greatest(OLD.status, NEW.status);
        END IF;
        IF ${changed} THEN
          ${overdueOut}
          ${overdueIn}
        END IF;
      END IF;
      RETURN NULL;
    END $$`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_search_counts AFTER INSERT OR DELETE OR UPDATE OF subject, message_text, thirdparty_name, ${OVERDUE_COLUMNS}
      ON tickets FOR EACH ROW EXECUTE FUNCTION guichet_tickets_after()`,
  );
  await run(
    db,
    `CREATE FUNCTION guichet_ticket_messages_after() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM guichet_ticket_search_refresh(OLD.ticket_id); END IF;
      IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.ticket_id <> OLD.ticket_id) THEN
        PERFORM guichet_ticket_search_refresh(NEW.ticket_id);
      END IF;
      RETURN NULL;
    END $$`,
  );
  await run(
    db,
    `CREATE TRIGGER ticket_messages_search AFTER INSERT OR DELETE OR UPDATE OF body_text, ticket_id
      ON ticket_messages FOR EACH ROW EXECUTE FUNCTION guichet_ticket_messages_after()`,
  );
  // Existing tickets (none before release, but a restored backup may have some).
  await run(db, `SELECT guichet_ticket_search_refresh(id) FROM tickets`);
  for (const x of pgRules('t')) {
    await run(
      db,
      `INSERT INTO ticket_overdue_days (rule, day, n) SELECT '${x.rule}', ${x.day}, count(*) FROM tickets t WHERE ${x.when} GROUP BY 2`,
    );
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await commonUp(db);
  if (isPostgres(db)) await postgresUp(db);
  else await sqliteUp(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await run(db, `DROP TRIGGER IF EXISTS ticket_messages_search ON ticket_messages`);
    await run(db, `DROP TRIGGER IF EXISTS tickets_search_counts ON tickets`);
    await run(db, `DROP TABLE IF EXISTS ticket_search`);
    for (const f of [
      'guichet_ticket_messages_after()',
      'guichet_tickets_after()',
      'guichet_ticket_search_refresh(integer)',
      'guichet_search_vector(text)',
      'guichet_unaccent(text)',
    ]) {
      await run(db, `DROP FUNCTION IF EXISTS ${f}`);
    }
  } else {
    for (const t of [
      'tickets_derived_ai',
      'tickets_search_au',
      'tickets_counts_au',
      'tickets_overdue_au',
      'tickets_derived_ad',
      'ticket_messages_search_ai',
      'ticket_messages_search_au',
      'ticket_messages_search_ad',
    ]) {
      await run(db, `DROP TRIGGER IF EXISTS ${t}`);
    }
    await run(db, `DROP TABLE IF EXISTS ticket_subject_fts`);
    await run(db, `DROP TABLE IF EXISTS ticket_text_fts`);
    await run(db, `DROP TABLE IF EXISTS ticket_search_queue`);
  }
  await run(db, `DROP TABLE IF EXISTS ticket_counts`);
  await run(db, `DROP TABLE IF EXISTS ticket_overdue_days`);
  await run(db, `DROP INDEX IF EXISTS tickets_overdue_first_idx`);
  await run(db, `DROP INDEX IF EXISTS tickets_overdue_reply_idx`);
  for (const [name] of SORT_INDEXES) await run(db, `DROP INDEX IF EXISTS tickets_list_${name}_idx`);
}
