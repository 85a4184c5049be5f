/** Longest stored file name, in characters (most file systems stop at 255). */
export const MAX_FILENAME_LENGTH = 255;

// C0 and C1 controls, plus the bidirectional overrides that can disguise an extension
// ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name to keep for an uploaded file: the original name without any directory part, without control
 * or direction characters, without the trailing dots and spaces Windows would drop (which could turn
 * `x.exe.` back into `x.exe`), at most 255 characters with the extension kept when the name is cut.
 */
export function sanitizeFilename(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC').replace(UNSAFE_CHARS, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.trim().replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') return 'file';
  const chars = [...name];
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  if (ext.length > 0 && ext.length < 32) {
    return chars.slice(0, MAX_FILENAME_LENGTH - ext.length).join('') + ext.join('');
  }
  return chars.slice(0, MAX_FILENAME_LENGTH).join('');
}

/** Raster images a browser shows without running anything. SVG (scripts) and HTML never are. */
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const isInlineImage = (mimeType: string): boolean => INLINE_IMAGES.has(mimeType);

/** RFC 5987 ext-value: percent-encoded UTF-8, where only attr-char stay as they are. */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A plain ASCII stand-in for old clients: accents dropped, other characters replaced by `_`. */
function asciiFallback(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/**
 * The Content-Disposition of a download (RFC 6266): `inline` for safe images, `attachment` for anything
 * else, with an ASCII `filename` for old clients and the exact name in `filename*`.
 */
export function contentDisposition(filename: string, mimeType: string): string {
  const kind = isInlineImage(mimeType) ? 'inline' : 'attachment';
  return `${kind}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}
