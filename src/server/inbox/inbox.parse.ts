import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { DomUtils, parseDocument } from 'htmlparser2';
import {
  parseAddressHeader,
  simpleParser,
  type AddressObject,
  type Attachment,
  type EmailAddress,
} from 'mailparser';
import { htmlToText } from '../text/rich-text.js';
import { plainTextToHtml } from '../tickets/ticket.customer.js';
import { detectAutomatic, type MimeOutline } from './inbox.automatic.js';
import { foldHtmlQuote, foldTextQuote, isForwardSubject, withFoldedQuote } from './inbox.quotes.js';
import {
  UnparseableMailError,
  type IncomingAttachment,
  type MailAddress,
  type ParsedMail,
} from './inbox.types.js';

const PARSER_OPTIONS = {
  // cid: links stay as they are: those images become inline attachments, not data: URLs in the body.
  keepCidLinks: true,
  // Text is made from the HTML here, after the quote is folded; mailparser's conversion would be wasted.
  skipHtmlToText: true,
  // A forwarded message/rfc822 stays one .eml file instead of spilling its parts into this message.
  ignoreEmbedded: true,
  checksumAlgo: false as const,
};

/**
 * Reads one raw message (SPEC 5). Nothing here touches the database: the result says what the message
 * is, and the ingest decides where it goes.
 *
 * Throws UnparseableMailError, and the message goes to the quarantine with its raw bytes, when:
 * - `no_sender`: there is no From address to answer or to match a customer by;
 * - `unparseable`: the input is not a mail (its first line is not a header), its top-level multipart
 *   boundary never appears (nothing of the body can be read), mailparser gives up (a header block over
 *   1 MB, more than 1,000 parts), or its HTML nests more than 1,000 elements (no client does; reading
 *   it would hold the mailbox up for minutes).
 * Anything else that is damaged but readable is imported as well as it reads: a nested multipart with a
 * missing boundary, an unknown charset (read as UTF-8), a Date that cannot be read (null), 8-bit headers.
 */
export async function parseIncoming(raw: Buffer): Promise<ParsedMail> {
  const source = withoutEnvelopeLine(raw);
  const binary = source.toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(binary)) {
    throw new UnparseableMailError('unparseable', 'Not a mail: the first line is not a header');
  }
  const mime = readOutline(binary, 0);
  if (mime.type.startsWith('multipart/') && !mime.boundaryFound) {
    throw new UnparseableMailError('unparseable', `${mime.type} whose boundary never appears`);
  }
  let mail;
  try {
    mail = await simpleParser(source, PARSER_OPTIONS);
  } catch (err) {
    throw new UnparseableMailError('unparseable', `MIME could not be read: ${(err as Error).message}`);
  }

  const rawHeaders = new Map<string, string>();
  for (const { key, line } of mail.headerLines ?? []) {
    if (key && !rawHeaders.has(key)) rawHeaders.set(key, line.slice(line.indexOf(':') + 1));
  }
  const headers = new Map(
    [...rawHeaders].map(([k, v]) => [
      k,
      decodeRaw(v)
        .replace(/\r?\n(?=[ \t])/g, '')
        .trim(),
    ]),
  );

  const fromHeader = rawHeaders.get('from');
  const from = addresses(
    needsRepair(mail.from?.text, fromHeader) ? parseAddressHeader(win1252(fromHeader!)) : mail.from,
  )[0];
  if (!from) throw new UnparseableMailError('no_sender', 'No usable From address');

  const rawSubject = rawHeaders.get('subject');
  const subject = (needsRepair(mail.subject, rawSubject) ? win1252(rawSubject!) : (mail.subject ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  const dateHeader = headers.get('date');
  const date = dateHeader ? new Date(dateHeader) : null;
  const messageIdHeader = messageIds(headers.get('message-id'))[0];

  const rawHtml = typeof mail.html === 'string' ? mail.html : '';
  if (nestsDeeperThan(rawHtml, MAX_HTML_DEPTH)) {
    throw new UnparseableMailError('unparseable', `HTML nested deeper than ${MAX_HTML_DEPTH} elements`);
  }
  const body = readBody(rawHtml, mail.text ?? '', isForwardSubject(subject));

  return {
    messageId: messageIdHeader ?? `<sha256-${hashOf(binary)}@guichet.invalid>`,
    messageIdGenerated: messageIdHeader === undefined,
    replyTo: [
      ...new Set([
        ...messageIds(headers.get('in-reply-to')),
        ...messageIds(headers.get('references')).reverse(),
      ]),
    ],
    from,
    replyToAddress: addresses(mail.replyTo)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    html: body.html,
    text: body.text,
    quoteFolded: body.quoteFolded,
    attachments: attachmentsOf(mail.attachments, body.cids),
    automatic: detectAutomatic({ headers, from, mime }),
    headers,
    size: raw.length,
  };
}

/** An MTA `pipe` may put the mbox envelope line (`From sender date`) before the headers. */
function withoutEnvelopeLine(raw: Buffer): Buffer {
  if (raw.subarray(0, 5).toString('latin1') !== 'From ') return raw;
  const eol = raw.indexOf(0x0a);
  return eol === -1 ? raw : raw.subarray(eol + 1);
}

/** Same message, same id: line endings differ between the pipe (LF) and IMAP (CRLF), so they do not count. */
function hashOf(binary: string): string {
  return createHash('sha256')
    .update(binary.replace(/\r\n/g, '\n').replace(/\n+$/, ''), 'latin1')
    .digest('hex');
}

/** Raw header bytes (kept as latin1 by mailparser) as UTF-8 when they are, else as Windows-1252. */
function decodeRaw(value: string): string {
  const bytes = Buffer.from(value, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : win1252(value);
}

// Windows-1252 differs from Latin-1 in 0x80–0x9f (€, curly quotes…), and Node's TextDecoder treats both alike.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function win1252(binary: string): string {
  return binary.replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}

/** Old clients send raw 8-bit Latin-1 headers, which mailparser reads as broken UTF-8. */
function needsRepair(decoded: string | undefined, raw: string | undefined): boolean {
  return (
    !!decoded?.includes('\ufffd') &&
    raw !== undefined &&
    !raw.includes('=?') &&
    !isUtf8(Buffer.from(raw, 'latin1'))
  );
}

const USABLE_ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/;

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const flat = (e: EmailAddress): EmailAddress[] => (e.group ? e.group.flatMap(flat) : [e]);
  return (
    (value === undefined ? [] : Array.isArray(value) ? value : [value])
      .flatMap((o) => o.value.flatMap(flat))
      // Outlook writes names as 'Support Example' when they come from its address book.
      .map((e) => ({
        address: (e.address ?? '').trim().toLowerCase(),
        name: e.name.trim().replace(/^'(.+)'$/, '$1') || null,
      }))
      .filter((a) => USABLE_ADDRESS.test(a.address))
  );
}

/** `<a@b> (comment) <c@d>` → both ids with their brackets; bare ids (some clients) get brackets. */
function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]+)>/g)].map((m) => m[1]!.replace(/\s+/g, ''));
  const ids = bracketed.length > 0 ? bracketed : value.split(/\s+/).filter((t) => t.includes('@'));
  return ids.filter((id) => id !== '').map((id) => `<${id}>`);
}

/** Content-Type of a header block: type lower-cased, parameters by lower-cased name. */
function contentType(head: string): { type: string; params: Record<string, string> } {
  const line = /^content-type[ \t]*:(.*)$/im.exec(head.replace(/\r?\n(?=[ \t])/g, ''))?.[1] ?? '';
  const params: Record<string, string> = {};
  for (const m of line.matchAll(/;\s*([\w!#$%&'*+.^`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]+)/g)) {
    params[m[1]!.toLowerCase()] = m[2]!.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1');
  }
  return { type: line.split(';')[0]!.trim().toLowerCase() || 'text/plain', params };
}

/** The MIME tree (types only), to check boundaries and find delivery reports; attached messages are leaves. */
function readOutline(entity: string, depth: number): MimeOutline {
  const blank = /\r?\n\r?\n/.exec(entity);
  const headEnd = /^\r?\n/.test(entity) ? 0 : (blank?.index ?? entity.length);
  const { type, params } = contentType(entity.slice(0, headEnd));
  const outline: MimeOutline = { type, params, parts: [], boundaryFound: false };
  const boundary = params.boundary;
  if (!type.startsWith('multipart/') || !boundary || depth > 8) return outline;
  const body = entity.slice(headEnd);
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiters = [...body.matchAll(new RegExp(`(?:^|\\n)--${escaped}(--)?[ \\t]*\\r?(?=\\n|$)`, 'g'))];
  outline.boundaryFound = delimiters.length > 0;
  for (let i = 0; i < delimiters.length - 1 && i < 1000; i++) {
    const d = delimiters[i]!;
    if (d[1]) break;
    const part = body.slice(d.index + d[0].length, delimiters[i + 1]!.index).replace(/^\r?\n/, '');
    outline.parts.push(readOutline(part, depth + 1));
  }
  return outline;
}

// No mail client nests a thousand elements; parsing a hundred thousand takes the DOM parser seconds
// (it is not linear in depth), which would hold the whole mailbox up.
const MAX_HTML_DEPTH = 1000;
const VOID_ELEMENTS = new Set('area base br col embed hr img input link meta source wbr'.split(' '));
// Closed by their next sibling (p after p, td after td): an unclosed run of them does not nest.
const IMPLIED_END = new Set('p li dt dd option optgroup tr td th thead tbody tfoot'.split(' '));

/** Whether elements nest deeper than `max`, in one linear pass over the tags (comments skipped). */
function nestsDeeperThan(html: string, max: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const tags = /<!--|<(\/?)([a-z][a-z0-9:_-]*)/gi;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tags.lastIndex);
      if (end < 0) break;
      tags.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (VOID_ELEMENTS.has(name) || IMPLIED_END.has(name)) continue;
    if (!m[1]) {
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
      if (stack.length > max) return true;
    } else if (open.get(name)) {
      // An end tag closes everything opened since the element it names, as the parser does.
      for (let popped = stack.pop(); ; popped = stack.pop()) {
        open.set(popped!, open.get(popped!)! - 1);
        if (popped === name) break;
      }
    }
  }
  return false;
}

interface Body {
  html: string;
  text: string;
  quoteFolded: boolean;
  /** Content-IDs the HTML showed as images (now removed from it). */
  cids: Set<string>;
}

const DROPPED = new Set('head style script title meta link base template noscript xml'.split(' '));

/** The `<body>` content of the HTML part without what a reader never sees, and the cid: images it shows. */
function bodyContent(html: string): { html: string; visible: boolean; cids: Set<string> } {
  const doc = parseDocument(html);
  const cids = new Set<string>();
  const doomed = DomUtils.filter(
    (node) =>
      DomUtils.isComment(node) ||
      (DomUtils.isTag(node) &&
        (DROPPED.has(node.name) || (node.name === 'img' && /^\s*cid:/i.test(node.attribs.src ?? '')))),
    doc.children,
  );
  for (const node of doomed) {
    if (DomUtils.isTag(node) && node.name === 'img') cids.add(cidOf(node.attribs.src!));
  }
  // One pass per parent: removing nodes one by one costs a search of their siblings each time.
  const dropped = new Set(doomed);
  for (const parent of new Set(doomed.map((n) => n.parent))) {
    if (!parent) continue;
    parent.children = parent.children.filter((c) => !dropped.has(c));
    parent.children.forEach((c, i, all) => {
      c.prev = all[i - 1] ?? null;
      c.next = all[i + 1] ?? null;
    });
  }
  const bodies = DomUtils.getElementsByTagName('body', doc.children);
  const htmlRoot = DomUtils.getElementsByTagName('html', doc.children, true, 1)[0];
  const nodes = bodies.length > 0 ? bodies.flatMap((b) => b.children) : (htmlRoot?.children ?? doc.children);
  const visible =
    DomUtils.textContent(nodes).replace(/[\s\u00a0]+/g, '') !== '' ||
    DomUtils.getElementsByTagName('img', nodes).length > 0;
  return { html: DomUtils.getOuterHTML(nodes, { encodeEntities: 'utf8' }).trim(), visible, cids };
}

function cidOf(src: string): string {
  const value = src.trim().replace(/^cid:/i, '');
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function readBody(rawHtml: string, plain: string, forward: boolean): Body {
  const content = rawHtml ? bodyContent(rawHtml) : null;
  const cids = content?.cids ?? new Set<string>();
  if (content?.visible) {
    const folded = foldHtmlQuote(content.html, { forward });
    const freshText = () => htmlToText(folded.fresh);
    let text: string;
    if (plain.trim() === '') text = freshText();
    else {
      // The plain part is what the sender wrote as text; when only the HTML showed where the quote
      // starts, the text is taken from the HTML's new part so that both agree.
      const fromPlain = foldTextQuote(plain, { forward });
      text = fromPlain.quoted === null && folded.folded ? freshText() : fromPlain.text;
    }
    return { html: folded.html, text, quoteFolded: folded.folded, cids };
  }
  const folded = foldTextQuote(plain, { forward });
  const html =
    folded.quoted === null
      ? plainTextToHtml(folded.text)
      : withFoldedQuote(plainTextToHtml(folded.text), plainTextToHtml(folded.quoted));
  return { html, text: folded.text, quoteFolded: folded.quoted !== null, cids };
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'application/xml': 'xml',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/ics': 'ics',
  'text/calendar': 'ics',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'text/xml': 'xml',
  'text/rfc822-headers': 'txt',
  'message/rfc822': 'eml',
  'message/delivery-status': 'txt',
};

const isCalendar = (a: IncomingAttachment) =>
  a.contentType === 'text/calendar' || a.contentType === 'application/ics' || /\.ics$/i.test(a.filename);

/** A name for a part that has none, from its type: `image-1.png`, `attachment-2.bin`, `invite.ics`. */
function nameFor(type: string, position: number): string {
  if (type === 'text/calendar') return 'invite.ics';
  const ext = EXTENSIONS[type] ?? 'bin';
  if (type === 'message/rfc822') return `message-${position}.eml`;
  return `${type.startsWith('image/') ? 'image' : 'attachment'}-${position}.${ext}`;
}

function attachmentsOf(parts: Attachment[], shown: Set<string>): IncomingAttachment[] {
  const out: IncomingAttachment[] = [];
  for (const part of parts) {
    const type = part.contentType.toLowerCase();
    let filename = part.filename?.trim() || nameFor(type, out.length + 1);
    if (type === 'message/rfc822' && !/\.[a-z0-9]{2,4}$/i.test(filename)) filename += '.eml';
    const attachment: IncomingAttachment = {
      filename,
      contentType: type,
      content: part.content,
      size: part.content.length,
      inline: part.cid !== undefined && shown.has(part.cid),
      contentId: part.cid ?? null,
    };
    // Gmail sends an invitation twice: the text/calendar alternative and the same bytes as invite.ics.
    const duplicate =
      isCalendar(attachment) && out.some((a) => isCalendar(a) && a.content.equals(part.content));
    if (!duplicate) out.push(attachment);
  }
  return out;
}
