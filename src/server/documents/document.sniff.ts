import fs from 'node:fs';
import { fileTypeFromFile } from 'file-type';

/**
 * Programs and scripts, by the type found in their content. A helpdesk receives files from anyone (the
 * portal, email) and staff open them: nothing that runs when double-clicked is stored.
 */
const FORBIDDEN_TYPES = new Set([
  'application/x-msdownload',
  'application/x-dosexec',
  'application/vnd.microsoft.portable-executable',
  'application/x-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sh',
  'application/x-shellscript',
  'application/x-msi',
  'application/java-archive',
  'application/java-vm',
  'application/x-ms-regedit',
  'application/javascript',
  'text/javascript',
]);

/**
 * The same by file name: Windows decides what to run by the extension, so a harmless-looking content
 * under one of these names is refused too (a .js file is plain text to us, a script to Windows).
 */
const FORBIDDEN_EXTENSIONS = new Set([
  'exe',
  'bat',
  'cmd',
  'com',
  'scr',
  'pif',
  'cpl',
  'msi',
  'msp',
  'dll',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'hta',
  'ps1',
  'psm1',
  'reg',
  'lnk',
  'jar',
  'sh',
]);

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** True for types and names of programs and scripts, which are never stored. */
export function isForbidden(mimeType: string, filename: string): boolean {
  return FORBIDDEN_TYPES.has(mimeType) || FORBIDDEN_EXTENSIONS.has(extensionOf(filename));
}

/**
 * True when the file is UTF-8 text: valid UTF-8 without control characters other than tab, line breaks,
 * form feed and escape. Read as a stream so a large file is never held in memory.
 */
export async function isUtf8Text(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file)) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) return false;
    }
    decoder.decode();
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false; // invalid UTF-8
    throw err;
  }
}

async function startsWith(file: string, prefix: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(prefix.length + 3);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return head.startsWith(prefix);
  } finally {
    await handle.close();
  }
}

/**
 * The real type of a stored file, from its content (the browser's claim is never trusted). Binary formats
 * come from their signature (file-type); otherwise valid UTF-8 text is text/plain (text/csv for .csv), a
 * script with a `#!` line is a shell script, and anything else is application/octet-stream.
 */
export async function sniffType(file: string, filename: string): Promise<string> {
  const found = await fileTypeFromFile(file);
  if (found) return found.mime;
  if (!(await isUtf8Text(file))) return 'application/octet-stream';
  if (await startsWith(file, '#!')) return 'application/x-sh';
  return extensionOf(filename) === 'csv' ? 'text/csv' : 'text/plain';
}
