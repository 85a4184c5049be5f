import type { AutomaticKind, MailAddress, ParsedMail } from './inbox.types.js';

/**
 * The MIME structure of a message as far as deciding "automatic" needs it: each part's type and
 * parameters, without descending into attached messages (a forwarded bounce is not a bounce).
 */
export interface MimeOutline {
  /** Lower-cased `type/subtype`; `text/plain` when the part declares none. */
  type: string;
  /** Lower-cased parameter names to their values (`boundary`, `report-type`, `method`). */
  params: Record<string, string>;
  parts: MimeOutline[];
  /** For a multipart: whether one of its boundary lines appears at all. */
  boundaryFound: boolean;
}

export interface AutomaticInput {
  /** Lower-cased header names to raw values (first occurrence), as in ParsedMail. */
  headers: Map<string, string>;
  from: MailAddress | null;
  mime: MimeOutline;
}

type Verdict = ParsedMail['automatic'];

const verdict = (kind: AutomaticKind, evidence: string): Verdict => ({ kind, evidence });

const DELIVERY_STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);

function hasPart(mime: MimeOutline, test: (type: string) => boolean): boolean {
  return test(mime.type) || mime.parts.some((p) => hasPart(p, test));
}

/** `auto-replied (vacation); x=y` → `auto-replied`: comments and parameters do not change the keyword. */
function keyword(value: string): string {
  return value
    .replace(/\([^)]*\)/g, '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

/**
 * Whether a message was sent by a machine and must never open a ticket nor be answered (SPEC 5, mail
 * loops). Delivery reports are looked at first, so that a bounce that also says `Auto-Submitted` (Postfix
 * and Exchange both do) is a bounce. `X-Auto-Response-Suppress` alone means nothing: Outlook and
 * Exchange put it on ordinary mail, it only asks others not to answer automatically.
 */
export function detectAutomatic({ headers, from, mime }: AutomaticInput): Verdict {
  const header = (name: string) => headers.get(name)?.trim() ?? null;
  const isReport = mime.type === 'multipart/report';
  const reportType = mime.params['report-type']?.toLowerCase() ?? '';
  const sender = from?.address ?? '';
  const returnPath = header('return-path');

  if (isReport && reportType === 'delivery-status') {
    return verdict('bounce', 'Content-Type: multipart/report; report-type=delivery-status');
  }
  if (hasPart(mime, (type) => DELIVERY_STATUS.has(type))) {
    return verdict('bounce', 'message/delivery-status part');
  }
  // A read receipt: the customer's client answering by itself.
  if (isReport && reportType === 'disposition-notification') {
    return verdict('auto_reply', 'Content-Type: multipart/report; report-type=disposition-notification');
  }
  if (isReport && returnPath !== null && /^<\s*>$/.test(returnPath)) {
    return verdict('bounce', 'Return-Path: <>');
  }
  if (isReport && /^(mailer-daemon|postmaster)@/.test(sender)) {
    return verdict('bounce', `From: ${sender}`);
  }
  // No person writes as MAILER-DAEMON (postmaster can be a person, hence the report above).
  if (/^mailer-daemon@/.test(sender)) return verdict('bounce', `From: ${sender}`);

  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== null && keyword(autoSubmitted) !== 'no' && keyword(autoSubmitted) !== '') {
    return verdict('auto_reply', `Auto-Submitted: ${autoSubmitted}`);
  }
  const autoreply = header('x-autoreply');
  if (autoreply !== null && !/^(no|false|0)$/i.test(autoreply)) {
    return verdict('auto_reply', `X-Autoreply: ${autoreply}`);
  }
  const autorespond = header('x-autorespond');
  if (autorespond !== null) return verdict('auto_reply', `X-Autorespond: ${autorespond}`);

  const precedence = header('precedence');
  if (precedence !== null) {
    const value = keyword(precedence);
    if (value === 'auto_reply') return verdict('auto_reply', `Precedence: ${precedence}`);
    if (value === 'bulk' || value === 'junk' || value === 'list') {
      return verdict('bulk', `Precedence: ${precedence}`);
    }
  }
  const listId = header('list-id');
  if (listId) return verdict('bulk', `List-Id: ${listId}`);
  if (header('list-unsubscribe')) return verdict('bulk', 'List-Unsubscribe');
  return null;
}
