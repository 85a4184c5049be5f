import { z } from 'zod';
import { isoDateTime } from './common.js';

/**
 * Incoming mail (SPEC 5): the collector's state on the Email settings page, its connection test, and the
 * quarantine of messages that could not be imported. Administrators only.
 */

/** GET /settings/mail/inbox: where mail is read from and how the collector is doing. */
export const inboxStatusSchema = z
  .object({
    /** Where the mailbox comes from: the Email settings, GUICHET_IMAP_URL, or nowhere (nothing collected). */
    source: z.enum(['settings', 'env', 'none']),
    /** `user@host/folder`, never the password; null when nothing is configured. */
    mailbox: z.string().nullable(),
    /** A worker holds the collector's lease and renewed it recently. */
    running: z.boolean(),
    /** `idle` when the server pushes new mail, `poll` otherwise; null until connected. */
    mode: z.enum(['idle', 'poll']).nullable(),
    lastCheckAt: isoDateTime.nullable(),
    lastSuccessAt: isoDateTime.nullable(),
    /** Totals since the mailbox was first read. */
    importedCount: z.number().int(),
    ignoredCount: z.number().int(),
    /** Messages waiting in the quarantine now. */
    quarantinedCount: z.number().int(),
    lastError: z.string().nullable(),
    lastErrorAt: isoDateTime.nullable(),
  })
  .meta({ id: 'InboxStatus' });
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

/** POST /settings/mail/inbox/test: logs in with the current settings and opens the folder. */
export const inboxTestResultSchema = z
  .object({
    ok: z.literal(true),
    mailbox: z.string(),
    /** Messages in the folder, and how many are not seen yet. */
    messages: z.number().int(),
    unseen: z.number().int(),
    /** The server offers IDLE (new mail arrives at once rather than at the next poll). */
    idle: z.boolean(),
  })
  .meta({ id: 'InboxTestResult' });
export type InboxTestResult = z.infer<typeof inboxTestResultSchema>;

/** Why a message sits in the quarantine. */
export const QUARANTINE_REASONS = [
  /** MIME that cannot be read. */
  'unparseable',
  /** No usable sender address. */
  'no_sender',
  /** Larger than the collector accepts (the raw message is kept all the same). */
  'too_large',
  /** Importing failed for another reason (the message is in `error`). */
  'import_failed',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const quarantinedMailSchema = z
  .object({
    id: z.number().int(),
    /** The mailbox it came from (`user@host/folder`, or `pipe`). */
    mailbox: z.string(),
    receivedAt: isoDateTime,
    /** As far as they could be read from the raw headers. */
    from: z.string().nullable(),
    subject: z.string().nullable(),
    messageId: z.string(),
    reason: z.enum(QUARANTINE_REASONS),
    /** What went wrong, for the administrator (never a stack trace). */
    error: z.string().nullable(),
    size: z.number().int(),
    attempts: z.number().int(),
  })
  .meta({ id: 'QuarantinedMail' });
export type QuarantinedMail = z.infer<typeof quarantinedMailSchema>;

/** GET /settings/mail/quarantine: newest first, keyset pages. */
export const quarantineQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type QuarantineQuery = z.infer<typeof quarantineQuerySchema>;

export const quarantinePageSchema = z
  .object({
    items: z.array(quarantinedMailSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'QuarantinePage' });
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

export const quarantineParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });

/**
 * What importing one message did. `ignored` covers auto-replies, bounces, bulk mail, our own mail coming
 * back and a message already imported; `quarantined` keeps the raw message aside with its reason.
 */
export const INGEST_OUTCOMES = ['created', 'replied', 'ignored', 'quarantined'] as const;
export type IngestOutcomeKind = (typeof INGEST_OUTCOMES)[number];

export const IGNORE_REASONS = ['duplicate', 'auto_reply', 'bounce', 'bulk', 'own_mail'] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

/** POST /settings/mail/quarantine/{id}/retry: the import is run again on the kept raw message. */
export const ingestResultSchema = z
  .object({
    outcome: z.enum(INGEST_OUTCOMES),
    ticketId: z.number().int().nullable(),
    ticketRef: z.string().nullable(),
    /** For `ignored` and `quarantined`. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof ingestResultSchema>;
