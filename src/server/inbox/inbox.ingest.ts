import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { IngestResult, QuarantineReason } from '../../common/schemas/inbox.schema.js';
import { DEFAULT_LANGUAGE, type Language } from '../../common/languages.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { isTransientDbError } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import type { DocumentService, PreparedMailFiles } from '../documents/document.service.js';
import { AppError } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { CustomerTickets } from '../tickets/ticket.customer.js';
import { MAX_RAW_BYTES } from './inbox.limits.js';
import { parseIncoming } from './inbox.parse.js';
import type { InboxRepository, ThreadTicket } from './inbox.repository.js';
import { droppedFilesNote, noSubject, noText } from './inbox.text.js';
import { UnparseableMailError, type ParsedMail } from './inbox.types.js';

const SUBJECT_MAX = 255;
const REF_IN_SUBJECT = /\[(TS\d{4}-\d{4,})\]/;
const DAY_MS = 24 * 3600 * 1000;

/** A concurrent import stored the same message first: this one is a duplicate, its transaction undone. */
class AlreadyStored extends Error {}

export interface MailIngestDeps {
  db: Db;
  clock: Clock;
  settings: Pick<SettingsService, 'get'>;
  repo: InboxRepository;
  customerTickets: Pick<CustomerTickets, 'createFromCustomer' | 'addCustomerMessage'>;
  documents: Pick<DocumentService, 'prepareMailFiles'>;
  /** Our own sending addresses (the support address): mail from them is our own coming back. */
  ownAddresses(): Promise<string[]>;
}

/** The Message-ID of a message that could not be parsed: its header when readable, else a hash of it. */
export function fallbackMessageId(raw: Buffer): string {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = end >= 0 ? head.slice(0, end) : head;
  const m = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]{1,900}>)/im.exec(headers);
  return m?.[1] ?? `<sha256-${crypto.createHash('sha256').update(raw).digest('hex')}@guichet.invalid>`;
}

function headerOf(raw: Buffer, name: string): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers);
  return m?.[1]?.trim().slice(0, 500) || null;
}

/** The database could not answer now: the message stays where it is and is tried again later. */
const isTransient = (err: unknown) =>
  isTransientDbError(err) || (err instanceof AppError && err.status >= 500);

/**
 * Incoming mail, one message at a time (SPEC 5), whatever brought it (IMAP collector, `mail:ingest` pipe,
 * quarantine retry). Each message is stored once per mailbox and Message-ID, and its record commits with
 * the ticket or message it makes, in one transaction. The order of decisions:
 * 1. unreadable, too large, or without a sender: quarantined, raw kept;
 * 2. already stored for this mailbox: ignored (`duplicate`), nothing written;
 * 3. our own mail coming back, an automatic reply, a bounce or bulk mail: ignored, recorded, nothing sent;
 * 4. threading: In-Reply-To/References naming a mail we sent or received about a ticket; else a `[ref]` in
 *    the subject when the sender belongs to that ticket (reporter, contact, third party); else a new ticket.
 *    A closed ticket takes the reply (and reopens) within `tickets.reopenOnReplyDays` of its closing;
 *    later, the reply opens a new ticket that names the old one.
 * A failure that is not transient (the database answering) quarantines the message with the error, so
 * one bad message never blocks the mailbox; a transient one is thrown for the caller to retry.
 */
export function createMailIngest(deps: MailIngestDeps) {
  const { db, clock, settings, repo, customerTickets, documents } = deps;

  interface Attempt {
    raw: Buffer;
    mailbox: string;
    /** The quarantined record being retried; its row is updated rather than inserted. */
    retryOf?: number;
  }

  /** Inserts the record, or updates the retried one, inside the transaction of what the message made. */
  async function record(
    trx: Kysely<Database>,
    a: Attempt,
    fields: {
      messageId: string;
      status: 'imported' | 'ignored' | 'quarantined';
      reason: string | null;
      error?: string | null;
      ticketId?: number | null;
      ticketMessageId?: number | null;
      from: string | null;
      subject: string | null;
    },
  ): Promise<void> {
    const at = iso(clock.now());
    const common = {
      status: fields.status,
      reason: fields.reason,
      error: fields.error ?? null,
      ticket_id: fields.ticketId ?? null,
      ticket_message_id: fields.ticketMessageId ?? null,
      from_address: fields.from?.slice(0, 500) ?? null,
      subject: fields.subject?.slice(0, 1000) ?? null,
      size: a.raw.length,
      raw: fields.status === 'quarantined' ? a.raw : null,
      updated_at: at,
    };
    if (a.retryOf !== undefined) {
      const previous = await repo.findQuarantined(a.retryOf, trx);
      await repo.update(trx, a.retryOf, { ...common, attempts: (previous?.attempts ?? 0) + 1 });
      return;
    }
    const id = await repo.insert(trx, {
      ...common,
      mailbox: a.mailbox,
      message_id: fields.messageId,
      received_at: at,
    });
    if (id === undefined) throw new AlreadyStored();
  }

  async function quarantine(
    a: Attempt,
    messageId: string,
    reason: QuarantineReason,
    error: string,
    parsed?: ParsedMail,
  ): Promise<IngestResult> {
    try {
      await db.kysely.transaction().execute((trx) =>
        record(trx, a, {
          messageId,
          status: 'quarantined',
          reason,
          error: error.slice(0, 1000),
          from: parsed?.from?.address ?? headerOf(a.raw, 'from'),
          subject: parsed?.subject ?? headerOf(a.raw, 'subject'),
        }),
      );
    } catch (err) {
      if (err instanceof AlreadyStored) return ignored('duplicate');
      throw err;
    }
    return { outcome: 'quarantined', ticketId: null, ticketRef: null, reason };
  }

  const ignored = (reason: string): IngestResult => ({
    outcome: 'ignored',
    ticketId: null,
    ticketRef: null,
    reason,
  });

  async function recordIgnored(a: Attempt, parsed: ParsedMail, reason: string): Promise<IngestResult> {
    try {
      await db.kysely.transaction().execute((trx) =>
        record(trx, a, {
          messageId: parsed.messageId,
          status: 'ignored',
          reason,
          from: parsed.from?.address ?? null,
          subject: parsed.subject,
        }),
      );
    } catch (err) {
      if (!(err instanceof AlreadyStored)) throw err;
    }
    return ignored(reason);
  }

  /** The ticket a message answers, by its references first, then by the `[ref]` of its subject. */
  async function threadOf(parsed: ParsedMail, sender: string): Promise<ThreadTicket | undefined> {
    const byReference = await repo.ticketIdByMessageIds(parsed.replyTo);
    if (byReference !== undefined) {
      const t = await repo.ticketById(byReference);
      if (t) return t;
    }
    const ref = REF_IN_SUBJECT.exec(parsed.subject)?.[1];
    if (ref) {
      const t = await repo.ticketByRef(ref);
      if (t && t.addresses.includes(sender)) return t;
    }
    return undefined;
  }

  async function classification() {
    const [typeCode, categoryCode, severityCode] = await Promise.all([
      settings.get('mail.incoming.typeCode'),
      settings.get('mail.incoming.categoryCode'),
      settings.get('mail.incoming.severityCode'),
    ]);
    return {
      ...(typeCode ? { typeCode } : {}),
      ...(categoryCode ? { categoryCode } : {}),
      ...(severityCode ? { severityCode } : {}),
    };
  }

  function bodyOf(parsed: ParsedMail, files: PreparedMailFiles, language: Language): string {
    const note = files.dropped.length > 0 ? droppedFilesNote(files.dropped, language) : '';
    const hasText = parsed.text.trim().length > 0 || /<img\b/i.test(parsed.html);
    return `${hasText ? parsed.html : noText(language)}${note}`;
  }

  async function importParsed(a: Attempt, parsed: ParsedMail, sender: string): Promise<IngestResult> {
    const files = await documents.prepareMailFiles(
      parsed.attachments.map((f) => ({ filename: f.filename, content: f.content })),
    );
    const customer = { kind: 'customer' as const, email: sender };
    const uploader = { type: 'customer' as const, email: sender };
    let committed = false;
    try {
      const target = await threadOf(parsed, sender);
      const reopenDays = await settings.get('tickets.reopenOnReplyDays');
      if (target && target.status !== 'deleted') {
        const language = (target.language as Language | null) ?? DEFAULT_LANGUAGE;
        try {
          await customerTickets.addCustomerMessage(target.id, customer, {
            bodyHtml: bodyOf(parsed, files, language),
            attachmentIds: [],
            ...(reopenDays > 0
              ? { reopenIfClosedSince: iso(new Date(clock.now().getTime() - reopenDays * DAY_MS)) }
              : {}),
            afterInsert: async (trx, ids) => {
              await files.attach(trx, { ticketId: ids.ticketId, messageId: ids.messageId, uploader });
              await record(trx, a, {
                messageId: parsed.messageId,
                status: 'imported',
                reason: 'replied',
                ticketId: ids.ticketId,
                ticketMessageId: ids.messageId,
                from: sender,
                subject: parsed.subject,
              });
            },
          });
          committed = true;
          return { outcome: 'replied', ticketId: target.id, ticketRef: target.ref, reason: null };
        } catch (err) {
          // Closed too long ago (or closed meanwhile): the reply opens a new ticket that names this one.
          if (!(err instanceof AppError && err.code === 'ticket_not_open')) throw err;
        }
      }
      const language = DEFAULT_LANGUAGE;
      const subject = (parsed.subject || noSubject(language)).slice(0, SUBJECT_MAX);
      const input = {
        origin: 'email' as const,
        email: sender,
        name: parsed.from?.name ?? null,
        subject,
        messageHtml: bodyOf(parsed, files, language),
        language: null,
        ...(target && target.status !== 'deleted' ? { follows: { id: target.id, ref: target.ref } } : {}),
        afterInsert: async (trx: Kysely<Database>, ticket: { id: number }) => {
          await files.attach(trx, { ticketId: ticket.id, messageId: null, uploader });
          await record(trx, a, {
            messageId: parsed.messageId,
            status: 'imported',
            reason: 'created',
            ticketId: ticket.id,
            from: sender,
            subject: parsed.subject,
          });
        },
      };
      let row;
      try {
        row = await customerTickets.createFromCustomer({ ...input, classification: await classification() });
      } catch (err) {
        // A classification setting naming a code since deactivated must not stop the mailbox.
        if (!(err instanceof AppError && err.status === 400 && /code/.test(err.code))) throw err;
        row = await customerTickets.createFromCustomer({ ...input, classification: {} });
      }
      committed = true;
      return { outcome: 'created', ticketId: row.id, ticketRef: row.ref, reason: null };
    } finally {
      await files.release(committed);
    }
  }

  async function run(a: Attempt): Promise<IngestResult> {
    if (a.raw.length > MAX_RAW_BYTES) {
      return quarantine(
        a,
        fallbackMessageId(a.raw),
        'too_large',
        `The message is larger than ${MAX_RAW_BYTES / (1024 * 1024)} MB`,
      );
    }
    let parsed: ParsedMail;
    try {
      parsed = await parseIncoming(a.raw);
    } catch (err) {
      const reason = err instanceof UnparseableMailError ? err.reason : 'unparseable';
      const message = err instanceof Error ? err.message : String(err);
      return quarantine(a, fallbackMessageId(a.raw), reason, message);
    }
    if (a.retryOf === undefined && (await repo.find(a.mailbox, parsed.messageId)))
      return ignored('duplicate');

    const sender = parsed.from?.address ?? '';
    const own = (await deps.ownAddresses()).map((x) => x.toLowerCase());
    if ((await repo.isOwnMessageId(parsed.messageId)) || own.includes(sender)) {
      return recordIgnored(a, parsed, 'own_mail');
    }
    if (parsed.automatic) return recordIgnored(a, parsed, parsed.automatic.kind);

    try {
      return await importParsed(a, parsed, sender);
    } catch (err) {
      if (err instanceof AlreadyStored) return ignored('duplicate');
      if (isTransient(err)) throw err;
      const message = err instanceof Error ? err.message : String(err);
      try {
        return await quarantine(a, parsed.messageId, 'import_failed', message, parsed);
      } catch {
        // The database itself fails: the caller keeps the message and tries again later.
        throw err;
      }
    }
  }

  return {
    /** Imports one raw message read from `mailbox`. Throws only when it should be tried again later. */
    ingest: (raw: Buffer, mailbox: string): Promise<IngestResult> => run({ raw, mailbox }),

    /** Runs the import again on a quarantined message (its record is updated, never duplicated). */
    retry: (id: number, raw: Buffer, mailbox: string): Promise<IngestResult> =>
      run({ raw, mailbox, retryOf: id }),
  };
}

export type MailIngest = ReturnType<typeof createMailIngest>;
