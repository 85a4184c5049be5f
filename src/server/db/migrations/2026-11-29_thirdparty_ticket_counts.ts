import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_dialect.js';

/**
 * `thirdparty_ticket_counts`: each third party's tickets per status, kept by triggers as `ticket_counts`
 * keeps them for the whole list. The customer list's open tickets and a customer's Tickets tab (its
 * total, and whether its tickets are few enough to be read through its own index) counted them from
 * `tickets_thirdparty_idx` at every request, a tenth of either page at a million tickets; they now read
 * a few rows. A ticket moved to another third party (or left without one when its third party is
 * deleted: the foreign key sets it to null, which fires the update trigger) moves its count with it.
 * Rows that fall to zero stay: they cost nothing and save the next ticket an insert.
 *
 * Frozen once released.
 */
const run = (db: Kysely<any>, text: string) => sql.raw(text).execute(db);

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await run(
    db,
    `CREATE TABLE thirdparty_ticket_counts (thirdparty_id integer NOT NULL, status text NOT NULL,
      n integer NOT NULL, PRIMARY KEY (thirdparty_id, status))${pg ? '' : ' WITHOUT ROWID'}`,
  );
  await run(
    db,
    `INSERT INTO thirdparty_ticket_counts (thirdparty_id, status, n)
      SELECT thirdparty_id, status, count(*) FROM tickets WHERE thirdparty_id IS NOT NULL
      GROUP BY thirdparty_id, status`,
  );
  const add = (row: string) =>
    `INSERT INTO thirdparty_ticket_counts (thirdparty_id, status, n) SELECT ${row}.thirdparty_id, ${row}.status, 1
      WHERE ${row}.thirdparty_id IS NOT NULL
      ON CONFLICT (thirdparty_id, status) DO UPDATE SET n = thirdparty_ticket_counts.n + 1;`;
  const remove = (row: string) =>
    `UPDATE thirdparty_ticket_counts SET n = n - 1
      WHERE thirdparty_id = ${row}.thirdparty_id AND status = ${row}.status;`;
  const moved = `old.status IS DISTINCT FROM new.status OR old.thirdparty_id IS DISTINCT FROM new.thirdparty_id`;
  if (pg) {
    await run(
      db,
      `CREATE FUNCTION guichet_thirdparty_counts_after() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${remove('OLD')} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${add('NEW')} END IF;
        RETURN NULL;
      END $$`,
    );
    // Tickets without a third party (most of those the portal and mail open) do not call the function.
    await run(
      db,
      `CREATE TRIGGER tickets_thirdparty_counts_ai AFTER INSERT ON tickets
        FOR EACH ROW WHEN (NEW.thirdparty_id IS NOT NULL) EXECUTE FUNCTION guichet_thirdparty_counts_after()`,
    );
    await run(
      db,
      `CREATE TRIGGER tickets_thirdparty_counts_ad AFTER DELETE ON tickets
        FOR EACH ROW WHEN (OLD.thirdparty_id IS NOT NULL) EXECUTE FUNCTION guichet_thirdparty_counts_after()`,
    );
    await run(
      db,
      `CREATE TRIGGER tickets_thirdparty_counts_au AFTER UPDATE OF status, thirdparty_id ON tickets
        FOR EACH ROW WHEN (${moved.replaceAll('old.', 'OLD.').replaceAll('new.', 'NEW.')})
        EXECUTE FUNCTION guichet_thirdparty_counts_after()`,
    );
    return;
  }
  await run(
    db,
    `CREATE TRIGGER tickets_thirdparty_counts_ai AFTER INSERT ON tickets
      WHEN new.thirdparty_id IS NOT NULL BEGIN ${add('new')} END`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_thirdparty_counts_au AFTER UPDATE OF status, thirdparty_id ON tickets
      WHEN ${moved.replaceAll('IS DISTINCT FROM', 'IS NOT')} BEGIN ${remove('old')} ${add('new')} END`,
  );
  await run(
    db,
    `CREATE TRIGGER tickets_thirdparty_counts_ad AFTER DELETE ON tickets
      WHEN old.thirdparty_id IS NOT NULL BEGIN ${remove('old')} END`,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const t of ['ai', 'au', 'ad'])
      await run(db, `DROP TRIGGER IF EXISTS tickets_thirdparty_counts_${t} ON tickets`);
    await run(db, `DROP FUNCTION IF EXISTS guichet_thirdparty_counts_after()`);
  } else {
    for (const t of ['ai', 'au', 'ad'])
      await run(db, `DROP TRIGGER IF EXISTS tickets_thirdparty_counts_${t}`);
  }
  await run(db, `DROP TABLE IF EXISTS thirdparty_ticket_counts`);
}
