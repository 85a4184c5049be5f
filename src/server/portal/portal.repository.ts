import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, PortalLinksTable, PortalSessionsTable, TicketRow } from '../db/schema.js';

type Executor = Kysely<Database>;

/** A ticket as the portal reads it: the row, and the addresses and names that belong to it. */
export interface PortalTicketRow extends TicketRow {
  contact_name: string | null;
  contact_email_lower: string | null;
  thirdparty_email_lower: string | null;
}

/** Sessions and grants, personalized links, abuse counters, and the customer-side reads of tickets. */
export function createPortalRepository(db: Db) {
  const k = db.kysely;

  const ticketQuery = (ex: Executor) =>
    ex
      .selectFrom('tickets as t')
      .leftJoin('contacts as c', 'c.id', 't.contact_id')
      .leftJoin('thirdparties as tp', 'tp.id', 't.thirdparty_id')
      .selectAll('t')
      .select([
        'c.name as contact_name',
        'c.email_lower as contact_email_lower',
        'tp.email_lower as thirdparty_email_lower',
      ]);

  return {
    /* ---- sessions ---- */
    insertSession: (row: PortalSessionsTable) => k.insertInto('portal_sessions').values(row).execute(),

    findSession: (id: string, now: string) =>
      k
        .selectFrom('portal_sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst(),

    touchSession: (id: string, lastSeenAt: string, expiresAt: string) =>
      k
        .updateTable('portal_sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute(),

    setSessionThirdparty: (id: string, thirdpartyId: number) =>
      k.updateTable('portal_sessions').set({ thirdparty_id: thirdpartyId }).where('id', '=', id).execute(),

    /** A rotated or revoked link stops granting its customer to the sessions it opened. */
    clearThirdpartyGrants: (thirdpartyId: number, ex: Executor) =>
      ex
        .updateTable('portal_sessions')
        .set({ thirdparty_id: null })
        .where('thirdparty_id', '=', thirdpartyId)
        .execute(),

    grantTicket: (sessionId: string, ticketId: number) =>
      k
        .insertInto('portal_session_tickets')
        .values({ session_id: sessionId, ticket_id: ticketId })
        .onConflict((oc) => oc.columns(['session_id', 'ticket_id']).doNothing())
        .execute(),

    hasTicketGrant: async (sessionId: string, ticketId: number): Promise<boolean> =>
      (await k
        .selectFrom('portal_session_tickets')
        .select('ticket_id')
        .where('session_id', '=', sessionId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst()) !== undefined,

    /** Housekeeping: expired sessions (their grants go by cascade) and used captchas past their expiry. */
    async purgeExpired(now: string): Promise<number> {
      const a = await k.deleteFrom('portal_sessions').where('expires_at', '<', now).executeTakeFirst();
      const b = await k.deleteFrom('portal_captcha_used').where('expires_at', '<', now).executeTakeFirst();
      return Number(a.numDeletedRows) + Number(b.numDeletedRows);
    },

    /* ---- abuse protection ---- */
    /** Counts one more ticket for the address this month, in the creation transaction; answers the count. */
    async countTicket(ex: Executor, ip: string, month: string): Promise<number> {
      const row = await ex
        .insertInto('portal_ip_quota')
        .values({ ip, month, count: 1 })
        .onConflict((oc) =>
          oc.columns(['ip', 'month']).doUpdateSet({ count: sql<number>`portal_ip_quota.count + 1` }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** Records a solved challenge; false when it was already used (single use). */
    async useCaptcha(challenge: string, expiresAt: string): Promise<boolean> {
      try {
        await k.insertInto('portal_captcha_used').values({ challenge, expires_at: expiresAt }).execute();
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },

    /* ---- personalized links ---- */
    findLinkByHash: (tokenHash: string) =>
      k.selectFrom('portal_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

    findLink: (thirdpartyId: number, ex: Executor = k) =>
      ex.selectFrom('portal_links').selectAll().where('thirdparty_id', '=', thirdpartyId).executeTakeFirst(),

    /** One link per third party: a new one replaces the old. */
    upsertLink: (row: PortalLinksTable, ex: Executor) =>
      ex
        .insertInto('portal_links')
        .values(row)
        .onConflict((oc) =>
          oc.column('thirdparty_id').doUpdateSet({
            token_hash: row.token_hash,
            token_sealed: row.token_sealed,
            created_at: row.created_at,
            created_by: row.created_by,
          }),
        )
        .execute(),

    deleteLink: async (thirdpartyId: number, ex: Executor): Promise<boolean> =>
      Number(
        (await ex.deleteFrom('portal_links').where('thirdparty_id', '=', thirdpartyId).executeTakeFirst())
          .numDeletedRows,
      ) > 0,

    /* ---- customers ---- */
    findThirdparty: (id: number) =>
      k.selectFrom('thirdparties').select(['id', 'name', 'email']).where('id', '=', id).executeTakeFirst(),

    contactsOf: (thirdpartyId: number) =>
      k
        .selectFrom('contacts')
        .select(['id', 'name'])
        .where('thirdparty_id', '=', thirdpartyId)
        .orderBy('name')
        .orderBy('id')
        .execute(),

    /* ---- tickets, as the customer sees them ---- */
    findTicketByTrackId: (trackId: string, ex: Executor = k): Promise<PortalTicketRow | undefined> =>
      ticketQuery(ex).where('t.track_id', '=', trackId).executeTakeFirst(),

    findTicketById: (id: number): Promise<PortalTicketRow | undefined> =>
      ticketQuery(k).where('t.id', '=', id).executeTakeFirst(),

    /** A customer's tickets, newest first, deleted ones left out. */
    ticketsOfThirdparty: (thirdpartyId: number, limit: number) =>
      k
        .selectFrom('tickets')
        .select(['track_id', 'ref', 'subject', 'status', 'created_at', 'updated_at'])
        .where('thirdparty_id', '=', thirdpartyId)
        .where('status', '<>', 'deleted')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    /** Public messages only, newest first, with the staff author's name. */
    publicMessages: (ticketId: number) =>
      k
        .selectFrom('ticket_messages as m')
        .leftJoin('users as u', 'u.id', 'm.author_user_id')
        .select(['m.id', 'm.author_type', 'm.body', 'm.created_at', 'u.name as author_name'])
        .where('m.ticket_id', '=', ticketId)
        .where('m.private', '=', false)
        .orderBy('m.id', 'desc')
        .execute(),

    findPublicMessage: (id: number) =>
      k
        .selectFrom('ticket_messages as m')
        .leftJoin('users as u', 'u.id', 'm.author_user_id')
        .select(['m.id', 'm.author_type', 'm.body', 'm.created_at', 'u.name as author_name'])
        .where('m.id', '=', id)
        .where('m.private', '=', false)
        .executeTakeFirst(),

    /** The ticket's own documents and those of its public messages; never those of private notes. */
    visibleDocuments: (ticketId: number, documentId?: number) =>
      k
        .selectFrom('documents as d')
        .leftJoin('ticket_messages as m', 'm.id', 'd.message_id')
        .selectAll('d')
        .where('d.ticket_id', '=', ticketId)
        .where((e) => e.or([e('d.message_id', 'is', null), e('m.private', '=', false)]))
        .$if(documentId !== undefined, (q) => q.where('d.id', '=', documentId ?? 0))
        .orderBy('d.id', 'desc')
        .execute(),

    /* ---- classification offered on the form ---- */
    activeEntries: (kind: string) =>
      k
        .selectFrom('dictionary_entries')
        .selectAll()
        .where('kind', '=', kind)
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('code')
        .execute(),
  };
}

export type PortalRepository = ReturnType<typeof createPortalRepository>;
