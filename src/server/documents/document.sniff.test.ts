import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isForbidden, sniffType } from './document.sniff.js';
import { fakeExe, tinyPdf, tinyPng } from './document.test-helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(content: Buffer | string): string {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, content);
  return file;
}

describe('sniffType', () => {
  it('finds binary formats from their signature, whatever the name says', async () => {
    expect(await sniffType(write(tinyPng()), 'doc.pdf')).toBe('image/png');
    expect(await sniffType(write(tinyPdf()), 'photo.png')).toBe('application/pdf');
    expect(await sniffType(write(fakeExe()), 'readme.txt')).toBe('application/x-msdownload');
  });

  it('calls valid UTF-8 text text/plain, or text/csv for a .csv name', async () => {
    expect(await sniffType(write('Café\r\n\tfermé\n'), 'notes')).toBe('text/plain');
    expect(await sniffType(write('a;b\n1;2\n'), 'Export.CSV')).toBe('text/csv');
    expect(await sniffType(write(''), 'empty.txt')).toBe('text/plain');
  });

  it('calls text with a #! line a shell script', async () => {
    expect(await sniffType(write('#!/usr/bin/env python3\nprint(1)\n'), 'tool')).toBe('application/x-sh');
  });

  it('calls invalid UTF-8 or control characters application/octet-stream', async () => {
    expect(await sniffType(write(Buffer.from([0x43, 0x61, 0x66, 0xe9])), 'latin1.txt')).toBe(
      'application/octet-stream',
    );
    expect(await sniffType(write(Buffer.from('abc\u0000def')), 'nul.txt')).toBe('application/octet-stream');
  });

  it('reads text split across chunks without breaking multi-byte characters', async () => {
    const big = 'é'.repeat(100_000); // 200 kB: several read chunks, some ending mid-character
    expect(await sniffType(write(big), 'big.txt')).toBe('text/plain');
  });
});

describe('isForbidden', () => {
  it('refuses programs and scripts by type', () => {
    for (const type of [
      'application/x-msdownload',
      'application/x-elf',
      'application/x-mach-binary',
      'application/x-sh',
    ]) {
      expect(isForbidden(type, 'file.bin')).toBe(true);
    }
  });

  it('refuses Windows-run extensions, in any case', () => {
    for (const name of [
      'a.exe',
      'a.BAT',
      'a.cmd',
      'a.com',
      'a.scr',
      'a.js',
      'a.vbs',
      'a.ps1',
      'a.msi',
      'a.jar',
    ]) {
      expect(isForbidden('text/plain', name)).toBe(true);
    }
  });

  it('accepts documents and images', () => {
    expect(isForbidden('application/pdf', 'report.pdf')).toBe(false);
    expect(isForbidden('image/png', 'exe.png')).toBe(false);
    expect(isForbidden('text/plain', 'noextension')).toBe(false);
  });
});
