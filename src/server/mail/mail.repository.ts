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
}

export function createMailRepository(db: Db) {
  const k = db.kysely;
  return {
    /** Inserts through `executor` so the mail commits with the caller's transaction. */
    async insert(executor: Kysely<Database>, mail: NewMail): Promise<number> {
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
          created_at: mail.now,
          updated_at: mail.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
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
