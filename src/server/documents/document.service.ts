import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { Document, UploadLimitsInfo } from '../../common/schemas/document.schema.js';
import { requireActor, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createHistoryRepository } from '../tickets/history.repository.js';
import { createBlobStore } from './blob.store.js';
import { createDocumentAccess, documentNotFound, ticketDeleted, ticketNotFound } from './document.access.js';
import { presentDocument } from './document.presenter.js';
import { createDocumentRepository } from './document.repository.js';
import { createUploadCommand } from './document.upload.js';

export type {
  DroppedFile,
  IncomingPart,
  OpenParts,
  PreparedMailFiles,
  UploadLimits,
} from './document.upload.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** A download ready to stream: the document as the API shows it, and its bytes. */
export interface DocumentDownload {
  document: Document;
  size: number;
  stream: Readable;
}

/**
 * Files attached to tickets and messages (SPEC 2.1, 2.3, 8): upload, list, download, delete, and the
 * collection of stored contents no document points to any more.
 */
export function createDocumentService(deps: {
  db: Db;
  clock: Clock;
  settings: SettingsService;
  config: Pick<Config, 'dataDir'>;
  jobs: JobQueue;
}) {
  const { db, clock, settings, config, jobs } = deps;
  const repo = createDocumentRepository(db);
  const store = createBlobStore(config.dataDir);
  const access = createDocumentAccess({ repo, settings });
  const history = createHistoryRepository(db);

  /** The document when the actor may read its ticket; otherwise the same 404 as for a missing one. */
  async function loadReadable(actor: Actor, id: number) {
    const doc = await repo.findById(id);
    if (!doc || !(await access.canSee(actor, doc.ticket_id))) throw documentNotFound();
    return doc;
  }

  return {
    ...createUploadCommand({ db, clock, settings, jobs, repo, store, access }),

    /** The upload limits, for any signed-in user: forms check them before sending. */
    async limits(actorIn: Actor | null): Promise<UploadLimitsInfo> {
      requireActor(actorIn);
      return {
        maxFileMb: await settings.get('uploads.maxFileMb'),
        maxFilesPerMessage: await settings.get('uploads.maxFilesPerMessage'),
      };
    },

    /** Every document of the ticket, ticket-level and message-level together, newest first. */
    async list(actorIn: Actor | null, ticketId: number): Promise<Document[]> {
      const actor = access.check(actorIn, false, ticketNotFound);
      await access.readableTicket(actor, ticketId);
      const rows = await repo.listForTicket(ticketId);
      return rows.map((r) => presentDocument(r, r.uploader_name));
    },

    /** Opens a document's file for download (ticket.read on its ticket, else 404). */
    async download(actorIn: Actor | null, documentId: number): Promise<DocumentDownload> {
      const actor = access.check(actorIn, false, documentNotFound);
      const doc = await loadReadable(actor, documentId);
      const blob = await store.open(doc.sha256);
      if (!blob) throw documentNotFound('The file of this document is missing from the server');
      return { document: presentDocument(doc, doc.uploader_name), ...blob };
    },

    /**
     * Deletes a document (ticket.write; not on a deleted ticket): history `document_removed`, a change
     * counted on the ticket, and the stored file collected later if nothing else points to it.
     */
    async remove(actorIn: Actor | null, documentId: number): Promise<void> {
      const actor = access.check(actorIn, true, documentNotFound);
      const doc = await loadReadable(actor, documentId);
      const at = iso(clock.now());
      await db.kysely.transaction().execute(async (trx) => {
        if (!(await repo.touchTicket(trx, doc.ticket_id, at))) throw ticketDeleted();
        if (!(await repo.deleteById(trx, doc.id))) throw documentNotFound();
        await history.record(trx, {
          ticketId: doc.ticket_id,
          at,
          actor: { type: 'user', userId: actor.userId },
          kind: 'document_removed',
          details: { documentId: doc.id, filename: doc.filename, size: doc.size },
        });
        await jobs.enqueue(trx, 'documents.gcBlobs', { sha256s: [doc.sha256] });
      });
    },

    /**
     * The attachments of some messages, by message id. For the tickets domain, which has already checked
     * that the actor may read these messages.
     */
    async forMessages(messageIds: number[], ex?: Kysely<Database>): Promise<Map<number, Document[]>> {
      const byMessage = new Map<number, Document[]>();
      for (const row of await repo.listForMessages(messageIds, ex)) {
        if (row.message_id === null) continue;
        const list = byMessage.get(row.message_id) ?? [];
        list.push(presentDocument(row, row.uploader_name));
        byMessage.set(row.message_id, list);
      }
      return byMessage;
    },

    /**
     * The `documents.gcBlobs` job: deletes the stored file and blob row of each hash no document points
     * to. Idempotent (a missing file is fine). The blob row lock taken first makes it wait for, and then
     * see, any upload of the same content in flight, so it never removes a file about to be used.
     */
    async gcBlobs(sha256s: string[]): Promise<void> {
      for (const sha256 of new Set(sha256s)) {
        if (!SHA256.test(sha256)) continue;
        await db.kysely.transaction().execute(async (trx) => {
          const at = iso(clock.now());
          await repo.lockBlob(trx, { sha256, size: 0, mimeType: 'application/octet-stream', at });
          if ((await repo.countBySha(trx, sha256)) > 0) return;
          await repo.deleteBlob(trx, sha256);
          // Inside the transaction: an upload waiting on the lock must find the file gone, not going.
          await store.remove(sha256);
        });
      }
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
