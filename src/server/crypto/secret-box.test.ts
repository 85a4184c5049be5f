import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, createSecretBox, loadMasterKey } from './secret-box.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('secret box', () => {
  it('a sealed secret opens with the same key and never shows the plain text', () => {
    const box = createSecretBox(loadMasterKey({ secret: 'x'.repeat(40), dataDir: tempDir() }));
    const sealed = box.seal('smtp password é');
    expect(sealed).not.toContain('smtp');
    expect(box.seal('smtp password é')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('smtp password é');
  });

  it('a tampered secret or another key is refused', () => {
    const box = createSecretBox(loadMasterKey({ secret: 'a'.repeat(40), dataDir: tempDir() }));
    const other = createSecretBox(loadMasterKey({ secret: 'b'.repeat(40), dataDir: tempDir() }));
    const sealed = box.seal('secret');
    // Change one character well inside the body (the last one may only carry padding bits).
    const i = 10;
    const tampered = sealed.slice(0, i) + (sealed[i] === 'A' ? 'B' : 'A') + sealed.slice(i + 1);
    expect(() => box.open(tampered)).toThrow(/cannot be decrypted/);
    expect(() => other.open(sealed)).toThrow(/cannot be decrypted/);
    expect(() => box.open('garbage')).toThrow();
  });

  it('without GUICHET_SECRET a key file is created once, private to its owner, and reused', () => {
    const dataDir = tempDir();
    const first = loadMasterKey({ secret: undefined, dataDir });
    const file = path.join(dataDir, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ secret: undefined, dataDir }).equals(first)).toBe(true);
    const box = createSecretBox(first);
    expect(createSecretBox(loadMasterKey({ secret: undefined, dataDir })).open(box.seal('kept'))).toBe(
      'kept',
    );
  });

  it('signatures verify only for the signed value', () => {
    const box = createSecretBox(loadMasterKey({ secret: 'c'.repeat(40), dataDir: tempDir() }));
    const sig = box.sign('ticket:42');
    expect(box.verify('ticket:42', sig)).toBe(true);
    expect(box.verify('ticket:43', sig)).toBe(false);
    expect(box.verify('ticket:42', 'short')).toBe(false);
  });
});
