/**
 * What the incoming-mail pipeline knows of one message once parsed (inbox.parse.ts), before deciding
 * where it goes (inbox.ingest.ts). Everything here comes from the message itself; nothing from the database.
 */

/** An address as written in a header, the address lower-cased and trimmed. */
export interface MailAddress {
  address: string;
  name: string | null;
}

/** A file carried by the message: a real attachment, or an inline image of the HTML body. */
export interface IncomingAttachment {
  /** As the sender named it; a name is made up when the part has none (`image-1.png`). */
  filename: string;
  /** The declared type; the documents domain sniffs the real one again before storing. */
  contentType: string;
  content: Buffer;
  size: number;
  /** Shown inside the HTML body (`cid:`) rather than attached. */
  inline: boolean;
  /** Without angle brackets. */
  contentId: string | null;
}

/**
 * Why a message must never open a ticket nor be answered (SPEC 5): an out-of-office or other automatic
 * reply, a delivery report (bounce), or bulk/list mail.
 */
export type AutomaticKind = 'auto_reply' | 'bounce' | 'bulk';

export interface ParsedMail {
  /**
   * The Message-ID with its angle brackets (`<abc@host>`), as the key that stores a message once per
   * mailbox. A message without one gets a stable one made from a SHA-256 of its raw bytes:
   * `<sha256-<hex>@guichet.invalid>`.
   */
  messageId: string;
  /** Whether `messageId` was made up (the message had none). */
  messageIdGenerated: boolean;
  /** Message-IDs of In-Reply-To then References (angle brackets kept), most recent first, no duplicates. */
  replyTo: string[];
  from: MailAddress | null;
  /** Reply-To, when given: where a customer wants answers (not used for matching). */
  replyToAddress: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** Decoded (RFC 2047), one line, trimmed; '' when absent. */
  subject: string;
  /** The Date header, when it could be read. */
  date: Date | null;
  /**
   * The new part of the message as HTML, not yet sanitized (the tickets domain sanitizes): the HTML body
   * when there is one, else the plain text made HTML. The quoted history of a reply is folded into one
   * `<details><summary>…</summary>…</details>` at the end, and `cid:` images are left out (they are
   * attachments).
   */
  html: string;
  /** The new part as plain text, quoted history removed. */
  text: string;
  /** Whether a quoted history was found and folded. */
  quoteFolded: boolean;
  attachments: IncomingAttachment[];
  /** Set when the message is automatic (see AutomaticKind), with the header or part that says so. */
  automatic: { kind: AutomaticKind; evidence: string } | null;
  /** Lower-cased header names to their raw values, for loop detection (our own headers). */
  headers: Map<string, string>;
  /** The raw message size in bytes. */
  size: number;
}

/** A message that cannot be imported at all: it goes to the quarantine with this reason. */
export class UnparseableMailError extends Error {
  constructor(
    readonly reason: 'unparseable' | 'no_sender',
    message: string,
  ) {
    super(message);
    this.name = 'UnparseableMailError';
  }
}
