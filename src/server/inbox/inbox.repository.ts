import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, DatabaseWithTicketLanguage, InboundMailsTable } from '../db/schema.js';

type Executor = Kysely<Database>;

export type InboundMailRow = Selectable<InboundMailsTable>;
export type NewInboundMail = Insertable<InboundMailsTable>;
export type InboundMailUpdate = Updateable<InboundMailsTable>;

/** What threading needs of a ticket: its state and the addresses that belong to it. */
export interface ThreadTicket {
  id: number;
  ref: string;
  status: string;
  closedAt: string | null;
  language: string | null;
  addresses: string[];
}

/** A quarantined message in the list (the raw bytes are read only for retry and download). */
export type QuarantineRow = Omit<InboundMailRow, 'raw'>;

/** A collector's lease and what the Email settings page shows of it. */
export interface CollectorRow {
  mailbox: string;
  owner: string | null;
  leaseUntil: string | null;
  mode: string | null;
  lastCheckAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

const QUARANTINE_COLUMNS = [
  'id',
  'mailbox',
  'message_id',
  'status',
  'reason',
  'error',
  'ticket_id',
  'ticket_message_id',
  'from_address',
  'subject',
  'size',
  'attempts',
  'received_at',
  'updated_at',
] as const;

/** Incoming mail records (inbound_mails) and the IMAP collectors' rows (mail_collectors). */
export function createInboxRepository(db: Db) {
  const k = db.kysely;

  async function ticketRows(ex: Executor, where: { id?: number; ref?: string }) {
    // `tickets.language` comes with the mail migration; see DatabaseWithTicketLanguage.
    let q = (ex as unknown as Kysely<DatabaseWithTicketLanguage>)
      .selectFrom('tickets as t')
      .leftJoin('contacts as c', 'c.id', 't.contact_id')
      .leftJoin('thirdparties as tp', 'tp.id', 't.thirdparty_id')
      .select([
        't.id',
        't.ref',
        't.status',
        't.closed_at',
        't.language',
        't.author_email',
        'c.email as contact_email',
        'tp.email as thirdparty_email',
      ]);
    if (where.id !== undefined) q = q.where('t.id', '=', where.id);
    if (where.ref !== undefined) q = q.where('t.ref', '=', where.ref);
    const r = await q.executeTakeFirst();
    if (!r) return undefined;
    const ticket: ThreadTicket = {
      id: r.id,
      ref: r.ref,
      status: r.status,
      closedAt: r.closed_at,
      language: r.language,
      addresses: [r.author_email, r.contact_email, r.thirdparty_email]
        .filter((a): a is string => typeof a === 'string' && a.length > 0)
        .map((a) => a.trim().toLowerCase()),
    };
    return ticket;
  }

  return {
    find: (mailbox: string, messageId: string, ex: Executor = k): Promise<InboundMailRow | undefined> =>
      ex
        .selectFrom('inbound_mails')
        .selectAll()
        .where('mailbox', '=', mailbox)
        .where('message_id', '=', messageId)
        .executeTakeFirst(),

    /** Stores the record once; undefined when the mailbox already has this Message-ID (a concurrent import). */
    async insert(ex: Executor, row: NewInboundMail): Promise<number | undefined> {
      const r = await ex
        .insertInto('inbound_mails')
        .values(row)
        .onConflict((oc) => oc.columns(['mailbox', 'message_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },

    async update(ex: Executor, id: number, patch: InboundMailUpdate): Promise<void> {
      await ex.updateTable('inbound_mails').set(patch).where('id', '=', id).execute();
    },

    /** Whether we sent a mail with this Message-ID (our own mail coming back). */
    async isOwnMessageId(messageId: string, ex: Executor = k): Promise<boolean> {
      const r = await ex
        .selectFrom('mails')
        .select('id')
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return r !== undefined;
    },

    /**
     * The ticket of the first of `messageIds` (most recent first) that we sent about a ticket or received
     * on one; undefined when none is known.
     */
    async ticketIdByMessageIds(messageIds: string[], ex: Executor = k): Promise<number | undefined> {
      if (messageIds.length === 0) return undefined;
      const ids = messageIds.slice(0, 100);
      const [sent, received] = await Promise.all([
        ex
          .selectFrom('mails')
          .select(['message_id', 'ticket_id'])
          .where('message_id', 'in', ids)
          .where('ticket_id', 'is not', null)
          .execute(),
        ex
          .selectFrom('inbound_mails')
          .select(['message_id', 'ticket_id'])
          .where('message_id', 'in', ids)
          .where('ticket_id', 'is not', null)
          .execute(),
      ]);
      const byId = new Map<string, number>();
      for (const r of [...sent, ...received]) if (r.ticket_id !== null) byId.set(r.message_id, r.ticket_id);
      for (const id of ids) {
        const ticketId = byId.get(id);
        if (ticketId !== undefined) return ticketId;
      }
      return undefined;
    },

    ticketById: (id: number, ex: Executor = k) => ticketRows(ex, { id }),
    ticketByRef: (ref: string, ex: Executor = k) => ticketRows(ex, { ref }),

    /** Messages read from a mailbox, by what became of them (the Email settings page's counts). */
    async countsByStatus(mailbox: string): Promise<Record<string, number>> {
      const rows = await k
        .selectFrom('inbound_mails')
        .select(['status', (e) => e.fn.countAll<number | string>().as('n')])
        .where('mailbox', '=', mailbox)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    async countQuarantined(): Promise<number> {
      const r = await k
        .selectFrom('inbound_mails')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'quarantined')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Quarantined messages, newest first, after the id of the previous page's last one. */
    listQuarantined: (limit: number, beforeId: number | undefined): Promise<QuarantineRow[]> =>
      k
        .selectFrom('inbound_mails')
        .select(QUARANTINE_COLUMNS)
        .where('status', '=', 'quarantined')
        .$if(beforeId !== undefined, (q) => q.where('id', '<', beforeId ?? 0))
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    findQuarantined: (id: number, ex: Executor = k): Promise<InboundMailRow | undefined> =>
      ex
        .selectFrom('inbound_mails')
        .selectAll()
        .where('id', '=', id)
        .where('status', '=', 'quarantined')
        .executeTakeFirst(),

    async deleteQuarantined(id: number): Promise<boolean> {
      const r = await k
        .deleteFrom('inbound_mails')
        .where('id', '=', id)
        .where('status', '=', 'quarantined')
        .executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /**
     * Takes or keeps the collector's lease of a mailbox: true when `owner` holds it until `until`, which
     * happens when nobody held it, the holder's lease ran out, or `owner` already held it.
     */
    async acquireLease(mailbox: string, owner: string, now: string, until: string): Promise<boolean> {
      await k
        .insertInto('mail_collectors')
        .values({ mailbox, owner: null, lease_until: null })
        .onConflict((oc) => oc.column('mailbox').doNothing())
        .execute();
      const r = await k
        .updateTable('mail_collectors')
        .set({ owner, lease_until: until })
        .where('mailbox', '=', mailbox)
        .where((e) =>
          e.or([
            e('owner', '=', owner),
            e('owner', 'is', null),
            e('lease_until', 'is', null),
            e('lease_until', '<', now),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async releaseLease(mailbox: string, owner: string): Promise<void> {
      await k
        .updateTable('mail_collectors')
        .set({ owner: null, lease_until: null })
        .where('mailbox', '=', mailbox)
        .where('owner', '=', owner)
        .execute();
    },

    async reportChecked(mailbox: string, mode: string, at: string): Promise<void> {
      await k
        .insertInto('mail_collectors')
        .values({ mailbox, mode, last_check_at: at, last_success_at: at })
        .onConflict((oc) =>
          oc.column('mailbox').doUpdateSet({ mode, last_check_at: at, last_success_at: at }),
        )
        .execute();
    },

    async reportFailed(mailbox: string, error: string, at: string): Promise<void> {
      await k
        .insertInto('mail_collectors')
        .values({ mailbox, last_check_at: at, last_error: error, last_error_at: at })
        .onConflict((oc) =>
          oc.column('mailbox').doUpdateSet({ last_check_at: at, last_error: error, last_error_at: at }),
        )
        .execute();
    },

    async collector(mailbox: string): Promise<CollectorRow | undefined> {
      const r = await k
        .selectFrom('mail_collectors')
        .selectAll()
        .where('mailbox', '=', mailbox)
        .executeTakeFirst();
      return (
        r && {
          mailbox: r.mailbox,
          owner: r.owner,
          leaseUntil: r.lease_until,
          mode: r.mode,
          lastCheckAt: r.last_check_at,
          lastSuccessAt: r.last_success_at,
          lastError: r.last_error,
          lastErrorAt: r.last_error_at,
        }
      );
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
