import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * A reply carries the whole conversation below the new text. Staff already have that history on the
 * ticket, so it is folded: cut where the client's quote starts and moved to one closed
 * `<details>` at the end. A forwarded message is the opposite case: what sits below is the request
 * itself, so it is never folded. When in doubt (interleaved answers, nothing new above the quote)
 * nothing is folded: showing too much is better than hiding what the customer wrote.
 */

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];
type HtmlText = Extract<HtmlNode, { type: 'text' }>;

export interface FoldedHtml {
  /** The new part, then the quote in `<details>` when one was folded. */
  html: string;
  /** The new part alone. */
  fresh: string;
  folded: boolean;
}

export interface FoldedText {
  /** The new part (the whole text when nothing was folded), trimmed. */
  text: string;
  /** The quoted history, or null when nothing was folded. */
  quoted: string | null;
}

/** The folded history as the ticket shows it: one closed block, its summary a single `…`. */
export function withFoldedQuote(freshHtml: string, quotedHtml: string): string {
  return `${freshHtml}<details><summary>…</summary>${quotedHtml}</details>`;
}

/** `Fwd:`, `FW:`, `TR:` (Outlook in French), `WG:` (German): the message is a forward. */
export function isForwardSubject(subject: string): boolean {
  return /^\s*(fwd?|tr|wg)\s*:/i.test(subject);
}

// Gmail, Thunderbird and Apple Mail (English and French) announce a forwarded message with these.
const FORWARD =
  /-{3,}\s*(forwarded message|message transf[ée]r[ée])\s*-{3,}|begin forwarded message\s*:|d[ée]but du message r[ée]exp[ée]di[ée]\s*:/i;
const ORIGINAL_MESSAGE =
  /-{3,}\s*(original message|message d['’]origine|urspr[üu]ngliche nachricht)\s*-{3,}/i;
const ATTRIBUTION_END = /(wrote|a [ée]crit|schrieb)\s*:\s*$/i;
const ATTRIBUTION_START = /^\s*(on|le|am)\s/i;
const ATTRIBUTIONS = /(^|\s)(on|le|am)\s.{0,300}?(wrote|a [ée]crit|schrieb)\s*:/gi;
// Outlook's header block: "From: … Sent: … To: … Subject:" (or "De : … Envoyé : … À : … Objet :").
const HEADER_BLOCK =
  /^(from|de|von)\s*:\s*\S.{0,300}?(sent|envoy[ée]|date|gesendet)\s*:.{0,300}?(to|à|subject|objet|betreff|cc)\s*:/i;
const QUOTE_CLASSES = [
  'gmail_quote',
  'gmail_quote_container',
  'moz-cite-prefix',
  'yahoo_quoted',
  'protonmail_quote',
];
// Where Outlook (desktop, on the web, for Mac) starts the quoted message; Exchange prefixes ids with x_.
const OUTLOOK_IDS = /^(x_)*(appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)$/i;
// Holders of an attribution line, not text the customer wrote.
const ATTRIBUTION_CLASSES = ['gmail_attr', 'moz-cite-prefix'];

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Nodes in document order, without recursion (mail HTML can nest deeply). */
function* walk(nodes: HtmlNode[]): Generator<HtmlNode> {
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    if (DomUtils.hasChildren(node))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The text a reader sees, blocks and `<br>` as spaces, skipping what `skip` says. */
function visibleText(nodes: HtmlNode[], skip: (el: HtmlElement) => boolean = () => false): string {
  const parts: string[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (DomUtils.isText(node)) parts.push(node.data);
    else if (DomUtils.isTag(node)) {
      if (skip(node)) continue;
      parts.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return squash(parts.join(''));
}

/** The first `max` characters of an element's text, cheaply (tested on every block). */
function leadingText(el: HtmlElement, max = 700): string {
  let out = '';
  for (const node of walk(el.children)) {
    if (DomUtils.isText(node)) out += node.data;
    else if (DomUtils.isTag(node)) out += ' ';
    if (out.length > max) break;
  }
  return squash(out);
}

const hasImage = (nodes: HtmlNode[]) => [...walk(nodes)].some((n) => DomUtils.isTag(n) && n.name === 'img');
const hasContent = (nodes: HtmlNode[]) => visibleText(nodes).length > 0 || hasImage(nodes);

const classes = (el: HtmlElement) => (el.attribs.class ?? '').split(/\s+/);

/** Line breaks, empty blocks, rules and comments: nothing a reader would miss. */
function isBlank(node: HtmlNode): boolean {
  if (DomUtils.isComment(node)) return true;
  if (DomUtils.isText(node)) return squash(node.data) === '';
  if (!DomUtils.isTag(node)) return false;
  if (node.name === 'br' || node.name === 'hr') return true;
  return !hasContent([node]);
}

function previousContent(node: HtmlNode): HtmlNode | null {
  let prev = node.prev;
  while (prev && isBlank(prev)) prev = prev.prev;
  return prev;
}

interface QuoteStart {
  node: HtmlNode;
  /** Started by a citation (blockquote, Gmail, Thunderbird): text after it means interleaved answers. */
  cite: boolean;
}

/** An attribution line ("On … wrote:") just before a quote belongs to the quote. */
function withAttribution(blockquote: HtmlNode): HtmlNode | null {
  const prev = previousContent(blockquote);
  if (!prev) return null;
  const text = DomUtils.isText(prev) ? squash(prev.data) : DomUtils.isTag(prev) ? leadingText(prev) : '';
  return ATTRIBUTION_END.test(text) ? prev : null;
}

function findQuoteStart(doc: HtmlDocument): QuoteStart | null {
  for (const node of walk(doc.children)) {
    if (DomUtils.isText(node)) {
      const match = ORIGINAL_MESSAGE.exec(node.data);
      if (match) return { node: splitText(node, match.index), cite: false };
      continue;
    }
    if (!DomUtils.isTag(node)) continue;
    if (OUTLOOK_IDS.test(node.attribs.id ?? '')) return { node, cite: false };
    if (QUOTE_CLASSES.some((c) => classes(node).includes(c))) return { node, cite: true };
    if (node.name === 'blockquote') {
      const attribution = withAttribution(node);
      if (attribution) return { node: attribution, cite: true };
      if ((node.attribs.type ?? '').toLowerCase() === 'cite') return { node, cite: true };
    }
    if ((node.name === 'div' || node.name === 'p') && HEADER_BLOCK.test(leadingText(node))) {
      return { node, cite: false };
    }
  }
  return null;
}

function splitText(node: HtmlText, index: number): HtmlNode {
  if (squash(node.data.slice(0, index)) === '') return node;
  const tail = node.cloneNode();
  tail.data = node.data.slice(index);
  node.data = node.data.slice(0, index);
  DomUtils.append(node, tail);
  return tail;
}

/** Takes `node` and its following siblings out of their parent in one splice (one by one is quadratic). */
function detachFrom(node: HtmlNode): HtmlNode[] {
  const siblings: HtmlNode[] = node.parent ? node.parent.children : [node];
  const moved = siblings.splice(siblings.indexOf(node));
  if (node.prev) node.prev.next = null;
  node.prev = null;
  for (const n of moved) n.parent = null;
  return moved;
}

/**
 * Moves `start` and everything after it out of the document. What is moved keeps copies of its
 * ancestors (without their earlier children), so a cut inside a table or a list stays well formed.
 */
function cutFrom(start: HtmlNode): HtmlNode[] {
  let parent = start.parent;
  let moved = detachFrom(start);
  while (parent && DomUtils.isTag(parent)) {
    const shell = parent.cloneNode(false);
    shell.children = moved;
    for (const n of moved) n.parent = shell;
    const next = parent.next;
    const grandparent = parent.parent;
    moved = [shell, ...(next ? detachFrom(next) : [])];
    parent = grandparent;
  }
  return moved;
}

/** Removes the empty lines and rules left at the end of the new part (Outlook's `<hr>`, `&nbsp;` paragraphs). */
function trimTrailing(doc: HtmlDocument): void {
  let parent: { children: HtmlNode[] } = doc;
  for (;;) {
    const last = parent.children.at(-1);
    if (!last) return;
    if (isBlank(last)) DomUtils.removeElement(last);
    else if (DomUtils.isTag(last)) parent = last;
    else return;
  }
}

const render = (nodes: HtmlNode[]) => DomUtils.getOuterHTML(nodes, { encodeEntities: 'utf8' });

/** Answers written between quoted passages: the text outside quotes that is not an attribution line. */
function isInterleaved(quote: HtmlNode[]): boolean {
  const outside = visibleText(
    quote,
    (el) => el.name === 'blockquote' || ATTRIBUTION_CLASSES.some((c) => classes(el).includes(c)),
  );
  return squash(outside.replace(ATTRIBUTIONS, ' ')) !== '';
}

/**
 * Folds the quoted history of an HTML reply (body content, no `<head>`): Gmail (`gmail_quote`), Apple
 * Mail and Thunderbird (`blockquote type="cite"`, `moz-cite-prefix`), Outlook (`divRplyFwdMsg`,
 * `appendonsend`, the From/Sent header block, `-----Original Message-----`), and any blockquote right
 * after an "On … wrote:" / "Le … a écrit :" line.
 */
export function foldHtmlQuote(html: string, options: { forward: boolean }): FoldedHtml {
  const unchanged: FoldedHtml = { html, fresh: html, folded: false };
  if (options.forward) return unchanged;
  const doc = parseDocument(html);
  const start = findQuoteStart(doc);
  if (!start) return unchanged;
  const quote = cutFrom(start.node);
  if (!hasContent(doc.children)) return unchanged;
  if (FORWARD.test(visibleText(doc.children))) return unchanged;
  if (new RegExp(`^(${FORWARD.source})`, 'i').test(visibleText(quote))) return unchanged;
  if (start.cite && isInterleaved(quote)) return unchanged;
  trimTrailing(doc);
  const fresh = render(doc.children);
  return { html: withFoldedQuote(fresh, render(quote)), fresh, folded: true };
}

const isQuoted = (line: string) => line.startsWith('>');
const isBlankLine = (line: string) => line.trim() === '';
const isRule = (line: string) => /^_{10,}$/.test(line.trim());

/** Outlook's plain-text header block: "From:" then "Sent:"/"Date:" then "To:"/"Subject:" within a few lines. */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!/^\s*(from|de|von)\s*:\s*\S/i.test(lines[i]!)) return false;
  const next = lines.slice(i + 1, i + 5);
  return (
    next.some((l) => /^\s*(sent|envoy[ée]|date|gesendet)\s*:/i.test(l)) &&
    next.some((l) => /^\s*(to|à|subject|objet|betreff|cc)\s*:/i.test(l))
  );
}

function outlookStart(lines: string[]): number | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('-') && ORIGINAL_MESSAGE.test(line)) return i;
    const prev = i > 0 ? lines[i - 1]! : '';
    if (isHeaderBlock(lines, i) && (i === 0 || isBlankLine(prev) || isRule(prev))) {
      return isRule(prev) ? i - 1 : i;
    }
  }
  return null;
}

/** The `>` lines that end the message, with the attribution line above them (Gmail wraps it over lines). */
function trailingQuoteStart(lines: string[]): number | null {
  let i = lines.length - 1;
  while (i >= 0 && isBlankLine(lines[i]!)) i--;
  if (i < 0 || !isQuoted(lines[i]!)) return null;
  let start = i;
  for (; i >= 0 && (isQuoted(lines[i]!) || isBlankLine(lines[i]!)); i--) if (isQuoted(lines[i]!)) start = i;
  let j = start - 1;
  if (j >= 0 && isBlankLine(lines[j]!)) j--;
  if (j < 0 || !ATTRIBUTION_END.test(lines[j]!)) return start;
  for (let k = j; k >= Math.max(0, j - 2) && !isBlankLine(lines[k]!); k--) {
    if (ATTRIBUTION_START.test(lines[k]!)) return k;
  }
  return j;
}

/**
 * Folds the quoted history of a plain-text reply: the `>` lines that end it and their attribution line
 * ("On … wrote:", "Le … a écrit :"), or Outlook's `-----Original Message-----` / From-Sent header block.
 */
export function foldTextQuote(text: string, options: { forward: boolean }): FoldedText {
  const unchanged: FoldedText = { text: text.trim(), quoted: null };
  if (options.forward) return unchanged;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found = [outlookStart(lines), trailingQuoteStart(lines)].filter((n): n is number => n !== null);
  if (found.length === 0) return unchanged;
  const start = Math.min(...found);
  const forwardAt = lines.findIndex((l) => FORWARD.test(l));
  if (forwardAt !== -1 && forwardAt <= start) return unchanged;
  const fresh = lines.slice(0, start).join('\n').trim();
  if (fresh === '') return unchanged;
  return { text: fresh, quoted: lines.slice(start).join('\n').trim() };
}
