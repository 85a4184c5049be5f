import sanitizeHtml from 'sanitize-html';

/**
 * Rich text from the editor, the portal or email is HTML from an untrusted source. It is cleaned with an
 * allow-list before it is stored: formatting, lists, tables, links, inline images and folded sections
 * (details/summary) survive; scripts, event handlers, styles, forms and frames do not.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'div',
    'span',
    'blockquote',
    'pre',
    'code',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'strike',
    'del',
    'sub',
    'sup',
    'mark',
    'small',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'img',
    // The quoted history of an email reply, folded (inbox.quotes.ts).
    'details',
    'summary',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open outside Guichet and give the target no handle on the page.
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
  },
};
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'target', 'rel'] };

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Line breaks a reader sees: `<br>` and the end of a block. */
function breaksToNewlines(html: string): string {
  return html.replace(/<\s*br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)\s*>/gi, '\n');
}

function tidyText(text: string): string {
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text a person reads, for search, email plain parts and previews, of any HTML (email bodies). */
export function htmlToText(html: string): string {
  return tidyText(sanitizeHtml(breaksToNewlines(html), { allowedTags: [], allowedAttributes: {} }));
}

/**
 * The same text as `htmlToText`, for HTML that `sanitizeRichText` produced. Its output is well formed: `<`
 * and `>` are escaped in text and in attribute values, so a tag ends at the first `>` and a regular
 * expression strips tags exactly, at a small fraction of the cost of parsing again. Ticket creation and
 * every message run this, so it matters at thousands of requests a second.
 */
export function cleanHtmlToText(clean: string): string {
  return tidyText(breaksToNewlines(clean).replace(/<[^>]*>/g, ''));
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** True when HTML from `sanitizeRichText` holds something a reader would see (text or an image). */
export function hasVisibleContent(clean: string): boolean {
  return /<img\s/i.test(clean) || cleanHtmlToText(clean).length > 0;
}

/** Lower case without accents: `Réseau` and `reseau` match (search and company names). */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
