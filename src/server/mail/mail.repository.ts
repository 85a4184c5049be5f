import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, MailRow } from '../db/schema.js';

const MAX_ERROR_LENGTH = 2000;
const clip = (error: string): string =>
  error.length > MAX_ERROR_LENGTH ? error.slice(0, MAX_ERROR_LENGTH) : error;

export interface NewMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  messageId: string;
  inReplyTo: string | null;
  now: string;
  /** The ticket the mail is about, the ticket message it carries, its once-only key (see the migration). */
  ticketId?: number | null;
  messageRef?: number | null;
  dedupeKey?: string | null;
}

export function createMailRepository(db: Db) {
  const k = db.kysely;
  /** Inserts through `executor` so the mail commits with the caller's transaction. */
  async function insert(executor: Kysely<Database>, mail: NewMail): Promise<number> {
    const row = await executor
      .insertInto('mails')
      .values({
        to_address: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        headers: JSON.stringify(mail.headers),
        message_id: mail.messageId,
        in_reply_to: mail.inReplyTo,
        status: 'queued',
        ticket_id: mail.ticketId ?? null,
        message_id_ref: mail.messageRef ?? null,
        dedupe_key: mail.dedupeKey ?? null,
        created_at: mail.now,
        updated_at: mail.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  return {
    insert,

    /** A mail that cannot be sent at all (no recipient): recorded failed, with no job, so the UI says why. */
    async insertFailed(executor: Kysely<Database>, mail: NewMail, error: string): Promise<number> {
      const id = await insert(executor, mail);
      await executor
        .updateTable('mails')
        .set({ status: 'failed', last_error: clip(error) })
        .where('id', '=', id)
        .execute();
      return id;
    },

    findByDedupeKey(executor: Kysely<Database>, key: string): Promise<{ id: number } | undefined> {
      return executor.selectFrom('mails').select('id').where('dedupe_key', '=', key).executeTakeFirst();
    },

    /** The Message-ID of the last mail that went to the customer about a ticket, for In-Reply-To. */
    async lastMessageIdOfTicket(executor: Kysely<Database>, ticketId: number): Promise<string | null> {
      const row = await executor
        .selectFrom('mails')
        .select('message_id')
        .where('ticket_id', '=', ticketId)
        .where('to_address', '!=', '')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.message_id ?? null;
    },

    /** A failed mail goes back to the queue for a new round of attempts (retry button). */
    async requeue(executor: Kysely<Database>, id: number, to: string, now: string): Promise<boolean> {
      const r = await executor
        .updateTable('mails')
        .set({ status: 'queued', to_address: to, attempts: 0, last_error: null, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    findById(id: number): Promise<MailRow | undefined> {
      return k.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Counts the attempt too: `attempts` on the mail is what the UI shows, whatever the job did. */
    async markSent(id: number, now: string): Promise<void> {
      await k
        .updateTable('mails')
        .set((eb) => ({
          status: 'sent',
          sent_at: now,
          last_error: null,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('status', '!=', 'sent')
        .execute();
    },

    /** A failed attempt that will be retried. Never downgrades a mail already sent (a late duplicate job). */
    async markRetrying(id: number, error: string, now: string): Promise<void> {
      await k
        .updateTable('mails')
        .set((eb) => ({
          status: 'retrying',
          last_error: clip(error),
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('status', '!=', 'sent')
        .execute();
    },

    /** Gives up. The attempt itself was already counted by markRetrying. */
    async markFailed(id: number, error: string, now: string): Promise<void> {
      await k
        .updateTable('mails')
        .set({ status: 'failed', last_error: clip(error), updated_at: now })
        .where('id', '=', id)
        .where('status', '!=', 'sent')
        .execute();
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
