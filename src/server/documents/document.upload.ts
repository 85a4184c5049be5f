import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Document } from '../../common/schemas/document.schema.js';
import type { Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createHistoryRepository } from '../tickets/history.repository.js';
import { FileTooLargeError, type BlobStore, type TempFile } from './blob.store.js';
import { ticketDeleted, ticketNotFound, tooManyFiles, type DocumentAccess } from './document.access.js';
import { sanitizeFilename } from './document.filename.js';
import { presentDocument } from './document.presenter.js';
import type { DocumentRepository } from './document.repository.js';
import { isForbidden, sniffType } from './document.sniff.js';

/** One part of a multipart upload, as @fastify/multipart hands it over (or any other source). */
export type IncomingPart =
  { type: 'file'; filename?: string; file: Readable } | { type: 'field'; fieldname: string; value: unknown };

/** Limits of one request, from the settings, for the parser to enforce as early as it can. */
export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** Who uploads: a staff user, or a customer on the portal (their access checked by the portal). */
export type Uploader = { type: 'user'; userId: number; name: string } | { type: 'customer'; email: string };

/** Opens the request's parts; called only once the actor and the ticket have been checked. */
export type OpenParts = (limits: UploadLimits) => AsyncIterable<IncomingPart>;

interface Received {
  temp: TempFile;
  filename: string;
  mimeType: string;
}

const MB = 1024 * 1024;
/** A temporary file this old belongs to no upload still running: a crash left it. */
const TEMP_MAX_AGE_MS = 24 * 3600 * 1000;

const fileTooLarge = (filename: string, maxFileMb: number) =>
  new AppError('file_too_large', 413, `"${filename}" is larger than ${maxFileMb} MB`, {
    details: { filename, maxFileMb },
  });
const forbiddenFileType = (filename: string, mimeType?: string) =>
  new AppError('forbidden_file_type', 422, `"${filename}" is a program or a script, which is not accepted`, {
    details: { filename, ...(mimeType ? { mimeType } : {}) },
  });

function parseMessageId(value: unknown): number {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!/^[1-9]\d{0,14}$/.test(s))
    throw badRequest('messageId must be a positive integer', { messageId: value });
  return Number(s);
}

/**
 * The upload workflow (POST /tickets/{id}/documents). Files stream to temporary files while being hashed
 * and measured; every limit and type check happens before anything is stored. Then one transaction moves
 * the contents into the blob store, writes the documents and their history, and counts a change on the
 * ticket. A failure at any point leaves no row; a file moved into the store by a transaction that then
 * failed is handed to the blob collector.
 */
export function createUploadCommand(deps: {
  db: Db;
  clock: Clock;
  settings: SettingsService;
  jobs: JobQueue;
  repo: DocumentRepository;
  store: BlobStore;
  access: DocumentAccess;
}) {
  const { db, clock, settings, jobs, repo, store, access } = deps;
  const history = createHistoryRepository(db);

  async function receiveAll(
    parts: AsyncIterable<IncomingPart>,
    limits: UploadLimits,
    into: Received[],
    acceptMessageId: boolean,
  ) {
    let messageId: number | null = null;
    const maxFileMb = limits.maxFileBytes / MB;
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'messageId') {
          // Customers upload to their ticket only: a message id could name a private note.
          if (!acceptMessageId) throw badRequest('messageId is not accepted here');
          messageId = parseMessageId(part.value);
        }
        continue;
      }
      if (into.length >= limits.maxFiles) throw tooManyFiles(limits.maxFiles);
      const filename = sanitizeFilename(part.filename);
      // Refused by its name alone: no need to read it.
      if (isForbidden('', filename)) throw forbiddenFileType(filename);
      let temp: TempFile;
      try {
        temp = await store.receive(part.file, limits.maxFileBytes);
      } catch (err) {
        if (err instanceof FileTooLargeError) throw fileTooLarge(filename, maxFileMb);
        throw err;
      }
      const received: Received = { temp, filename, mimeType: 'application/octet-stream' };
      into.push(received);
      received.mimeType = await sniffType(temp.path, filename);
      if (isForbidden(received.mimeType, filename)) throw forbiddenFileType(filename, received.mimeType);
    }
    if (into.length === 0) throw badRequest('No file in the request: send one or more "files" parts');
    return messageId;
  }

  /**
   * Inside the caller's transaction: moves the received contents into the blob store, writes the documents
   * and their history lines. `placed` collects the contents moved, for the blob collector if the transaction
   * then fails.
   */
  async function writeDocuments(
    trx: Kysely<Database>,
    uploader: Uploader,
    ticketId: number,
    messageId: number | null,
    files: Received[],
    at: string,
    placed: string[],
  ) {
    const stored = new Set<string>();
    for (const f of files) {
      if (stored.has(f.temp.sha256)) continue;
      stored.add(f.temp.sha256);
      await repo.lockBlob(trx, { sha256: f.temp.sha256, size: f.temp.size, mimeType: f.mimeType, at });
      if (await store.place(f.temp)) placed.push(f.temp.sha256);
    }
    const rows = await repo.insertDocuments(
      trx,
      files.map((f) => ({
        ticket_id: ticketId,
        message_id: messageId,
        sha256: f.temp.sha256,
        filename: f.filename,
        mime_type: f.mimeType,
        size: f.temp.size,
        uploaded_by_user_id: uploader.type === 'user' ? uploader.userId : null,
        uploaded_by_email: uploader.type === 'customer' ? uploader.email : null,
        created_at: at,
      })),
    );
    await history.record(
      trx,
      rows.map((r) => ({
        ticketId,
        at,
        actor:
          uploader.type === 'user'
            ? { type: 'user', userId: uploader.userId }
            : { type: 'customer', email: uploader.email },
        kind: 'document_added',
        details: {
          documentId: r.id,
          filename: r.filename,
          size: r.size,
          ...(messageId !== null ? { messageId } : {}),
        },
      })),
    );
    return rows;
  }

  /** Hands contents moved into the store by a transaction that failed to the blob collector. */
  async function collectPlaced(placed: string[]) {
    if (placed.length === 0) return;
    // Best effort: the original error is what the caller must see.
    await jobs.enqueue(db.kysely, 'documents.gcBlobs', { sha256s: placed }).catch(() => undefined);
  }

  async function commit(
    uploader: Uploader,
    ticketId: number,
    messageId: number | null,
    files: Received[],
    maxFiles: number,
  ) {
    const at = iso(clock.now());
    const placed: string[] = [];
    try {
      return await db.kysely.transaction().execute(async (trx) => {
        // First, so that concurrent commands on this ticket (PostgreSQL) wait here and count right.
        if (!(await repo.touchTicket(trx, ticketId, at))) {
          throw (await repo.findTicket(ticketId, trx)) ? ticketDeleted() : ticketNotFound();
        }
        if (messageId !== null) {
          if (!(await repo.messageExists(ticketId, messageId, trx))) {
            throw notFound('message_not_found', 'No such message on this ticket');
          }
          if ((await repo.countOnMessage(messageId, trx)) + files.length > maxFiles)
            throw tooManyFiles(maxFiles);
        }
        return writeDocuments(trx, uploader, ticketId, messageId, files, at, placed);
      });
    } catch (err) {
      await collectPlaced(placed);
      throw err;
    }
  }

  /** Receives, checks and stores the files of one request on a ticket whose access was checked. */
  async function storeFiles(uploader: Uploader, ticketId: number, openParts: OpenParts): Promise<Document[]> {
    const limits: UploadLimits = {
      maxFileBytes: (await settings.get('uploads.maxFileMb')) * MB,
      maxFiles: await settings.get('uploads.maxFilesPerMessage'),
    };
    await store.sweepTemp(TEMP_MAX_AGE_MS);
    const received: Received[] = [];
    try {
      const messageId = await receiveAll(openParts(limits), limits, received, uploader.type === 'user');
      const rows = await commit(uploader, ticketId, messageId, received, limits.maxFiles);
      return rows.map((r) => presentDocument(r, uploader.type === 'user' ? uploader.name : null));
    } finally {
      // Whatever was not moved into the store (duplicates, refused requests) goes.
      await Promise.all(received.map((r) => store.discard(r.temp.path)));
    }
  }

  return {
    /**
     * Stores the files of a multipart request on a ticket, or on one of its messages with a `messageId`
     * field. Needs ticket.write (without ticket.read: 404 ticket_not_found). Answers the new documents.
     */
    async upload(actorIn: Actor | null, ticketId: number, openParts: OpenParts): Promise<Document[]> {
      const actor = access.check(actorIn, true, ticketNotFound);
      const ticket = await access.readableTicket(actor, ticketId);
      if (ticket.status === 'deleted') throw ticketDeleted();
      return storeFiles({ type: 'user', userId: actor.userId, name: actor.name }, ticketId, openParts);
    },

    /**
     * The same upload for a customer (portal), to the ticket itself, never to a message. The caller has
     * checked that the ticket is the customer's and open; the same limits and type checks apply.
     */
    async uploadAsCustomer(email: string, ticketId: number, openParts: OpenParts): Promise<Document[]> {
      return storeFiles({ type: 'customer', email }, ticketId, openParts);
    },

    /**
     * The files of an incoming email, checked like uploads (size, count, real type) before any
     * transaction. A refused file never fails the message: it is dropped, with the reason, for the note the
     * caller adds to the message. Call `attach` inside the message's transaction, then `release` always.
     */
    async prepareMailFiles(files: { filename: string; content: Buffer }[]): Promise<PreparedMailFiles> {
      const maxFileMb = await settings.get('uploads.maxFileMb');
      const maxFiles = await settings.get('uploads.maxFilesPerMessage');
      await store.sweepTemp(TEMP_MAX_AGE_MS);
      const received: Received[] = [];
      const dropped: DroppedFile[] = [];
      const placed: string[] = [];
      for (const file of files) {
        const filename = sanitizeFilename(file.filename);
        const size = file.content.length;
        if (received.length >= maxFiles) {
          dropped.push({ filename, size, reason: 'too_many', limit: maxFiles });
        } else if (size > maxFileMb * MB) {
          dropped.push({ filename, size, reason: 'too_large', limit: maxFileMb });
        } else if (isForbidden('', filename)) {
          dropped.push({ filename, size, reason: 'forbidden_type', limit: null });
        } else {
          const temp = await store.receive(Readable.from([file.content]), maxFileMb * MB);
          const mimeType = await sniffType(temp.path, filename);
          if (isForbidden(mimeType, filename)) {
            await store.discard(temp.path);
            dropped.push({ filename, size, reason: 'forbidden_type', limit: null });
          } else {
            received.push({ temp, filename, mimeType });
          }
        }
      }
      return {
        count: received.length,
        dropped,
        async attach(trx, target) {
          if (received.length === 0) return [];
          const at = iso(clock.now());
          return writeDocuments(
            trx,
            target.uploader,
            target.ticketId,
            target.messageId,
            received,
            at,
            placed,
          );
        },
        async release(committed) {
          if (!committed) await collectPlaced(placed);
          await Promise.all(received.map((r) => store.discard(r.temp.path)));
        },
      };
    },
  };
}

/** A file of an email that was not kept, and why (the limit in MB or files, when one applies). */
export interface DroppedFile {
  filename: string;
  size: number;
  reason: 'too_large' | 'too_many' | 'forbidden_type';
  limit: number | null;
}

/** The checked files of an email, waiting in temporary files for the message's transaction. */
export interface PreparedMailFiles {
  /** How many will be stored. */
  count: number;
  dropped: DroppedFile[];
  /** Stores them as documents of the ticket, or of one of its messages, inside the caller's transaction. */
  attach(
    trx: Kysely<Database>,
    target: { ticketId: number; messageId: number | null; uploader: Uploader },
  ): Promise<unknown[]>;
  /** Removes the temporary files; contents placed by a transaction that did not commit go to the collector. */
  release(committed: boolean): Promise<void>;
}
