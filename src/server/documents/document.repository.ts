import type { Insertable, Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, DocumentRow, DocumentsTable } from '../db/schema.js';

type Executor = Kysely<Database>;

export type DocumentWithUploader = DocumentRow & { uploader_name: string | null };

/** What the document commands need to know of the ticket they act on. */
export interface TicketForDocuments {
  id: number;
  status: string;
  assignee_id: number | null;
}

/** Documents, the blobs they point to, and the ticket bookkeeping of document commands. */
export function createDocumentRepository(db: Db) {
  const k = db.kysely;

  const withUploader = (ex: Executor) =>
    ex
      .selectFrom('documents as d')
      .leftJoin('users as u', 'u.id', 'd.uploaded_by_user_id')
      .selectAll('d')
      .select('u.name as uploader_name');

  return {
    findTicket: (id: number, ex: Executor = k): Promise<TicketForDocuments | undefined> =>
      ex
        .selectFrom('tickets')
        .select(['id', 'status', 'assignee_id'])
        .where('id', '=', id)
        .executeTakeFirst(),

    messageExists: async (ticketId: number, messageId: number, ex: Executor = k): Promise<boolean> =>
      (await ex
        .selectFrom('ticket_messages')
        .select('id')
        .where('id', '=', messageId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst()) !== undefined,

    countOnMessage: async (messageId: number, ex: Executor = k): Promise<number> =>
      Number(
        (
          await ex
            .selectFrom('documents')
            .select((e) => e.fn.countAll().as('n'))
            .where('message_id', '=', messageId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /**
     * Makes sure the blob row exists and holds its lock until the transaction ends. The no-op update on
     * conflict is what takes the row lock on PostgreSQL: the collector of unreferenced blobs takes the
     * same lock, so it can never delete a file that an upload is about to point a document at.
     */
    lockBlob: (ex: Executor, blob: { sha256: string; size: number; mimeType: string; at: string }) =>
      ex
        .insertInto('blobs')
        .values({ sha256: blob.sha256, size: blob.size, mime_type: blob.mimeType, created_at: blob.at })
        .onConflict((oc) => oc.column('sha256').doUpdateSet((eb) => ({ sha256: eb.ref('excluded.sha256') })))
        .execute(),

    insertDocuments: (ex: Executor, rows: Insertable<DocumentsTable>[]): Promise<DocumentRow[]> =>
      ex.insertInto('documents').values(rows).returningAll().execute(),

    /**
     * Counts one change on the ticket (version + 1, updated_at) unless it was deleted meanwhile. Answers
     * false when no row changed.
     */
    touchTicket: async (ex: Executor, ticketId: number, at: string): Promise<boolean> => {
      const row = await ex
        .updateTable('tickets')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', ticketId)
        .where('status', '<>', 'deleted')
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Ticket-level and message-level documents together, newest first. */
    listForTicket: (ticketId: number): Promise<DocumentWithUploader[]> =>
      withUploader(k).where('d.ticket_id', '=', ticketId).orderBy('d.id', 'desc').execute(),

    /** The attachments of some messages, oldest first within each message. */
    listForMessages: (messageIds: number[], ex: Executor = k): Promise<DocumentWithUploader[]> =>
      messageIds.length === 0
        ? Promise.resolve([])
        : withUploader(ex).where('d.message_id', 'in', messageIds).orderBy('d.id').execute(),

    findById: (id: number, ex: Executor = k): Promise<DocumentWithUploader | undefined> =>
      withUploader(ex).where('d.id', '=', id).executeTakeFirst(),

    deleteById: async (ex: Executor, id: number): Promise<boolean> =>
      (await ex.deleteFrom('documents').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n,

    countBySha: async (ex: Executor, sha256: string): Promise<number> =>
      Number(
        (
          await ex
            .selectFrom('documents')
            .select((e) => e.fn.countAll().as('n'))
            .where('sha256', '=', sha256)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    deleteBlob: (ex: Executor, sha256: string) =>
      ex.deleteFrom('blobs').where('sha256', '=', sha256).execute(),
  };
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>;
