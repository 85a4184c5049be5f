import { describe, expect, it } from 'vitest';
import { contentDisposition, isInlineImage, sanitizeFilename } from './document.filename.js';

describe('sanitizeFilename', () => {
  it('keeps the original name, accents and spaces included', () => {
    expect(sanitizeFilename('Compte rendu d’intervention (v2).pdf')).toBe(
      'Compte rendu d’intervention (v2).pdf',
    );
  });

  it('drops any directory part, Windows or POSIX', () => {
    expect(sanitizeFilename('C:\\Users\\bob\\photo.jpg')).toBe('photo.jpg');
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
  });

  it('removes control characters and direction overrides that disguise an extension', () => {
    expect(sanitizeFilename('a\u0000b\u001f\u007fc.txt')).toBe('abc.txt');
    expect(sanitizeFilename('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
  });

  it('drops trailing dots and spaces that Windows would drop itself', () => {
    expect(sanitizeFilename('setup.exe. . ')).toBe('setup.exe');
  });

  it('names an empty or dot-only name "file"', () => {
    expect(sanitizeFilename('')).toBe('file');
    expect(sanitizeFilename(undefined)).toBe('file');
    expect(sanitizeFilename('..')).toBe('file');
    expect(sanitizeFilename('dir/')).toBe('file');
  });

  it('cuts long names to 255 characters and keeps the extension', () => {
    const name = sanitizeFilename(`${'é'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('shows safe raster images inline', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) {
      expect(isInlineImage(type)).toBe(true);
      expect(contentDisposition('a.png', type)).toMatch(/^inline;/);
    }
  });

  it('downloads SVG, HTML and everything else as an attachment', () => {
    for (const type of ['image/svg+xml', 'text/html', 'application/pdf', 'text/plain', 'application/xml']) {
      expect(contentDisposition('a', type)).toMatch(/^attachment;/);
    }
  });

  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('Été "100%" (final)*.txt', 'text/plain')).toBe(
      `attachment; filename="Ete _100__ (final)*.txt"; filename*=UTF-8''%C3%89t%C3%A9%20%22100%25%22%20%28final%29%2A.txt`,
    );
  });

  it('never lets a name break out of the header', () => {
    const header = contentDisposition('a"; filename=evil.exe\\', 'text/plain');
    expect(header.startsWith('attachment; filename="a_; filename=evil.exe_"; ')).toBe(true);
  });
});
