import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createBlobStore, FileTooLargeError } from './blob.store.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-blobs-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const store = createBlobStore(dataDir);

describe('blob store', () => {
  it('stores content under files/<aa>/<bb>/<sha256>, once per content', async () => {
    const first = await store.receive(Readable.from([Buffer.from('hello '), Buffer.from('world')]), 100);
    expect(first.size).toBe(11);
    expect(first.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(await store.place(first)).toBe(true);
    const target = path.join(dataDir, 'files', 'b9', '4d', first.sha256);
    expect(fs.readFileSync(target, 'utf8')).toBe('hello world');

    const second = await store.receive(Readable.from([Buffer.from('hello world')]), 100);
    expect(await store.place(second)).toBe(false);
    await store.discard(second.path);
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });

  it('stops past the size limit and leaves no partial file', async () => {
    const source = Readable.from([Buffer.alloc(60), Buffer.alloc(60)]);
    await expect(store.receive(source, 100)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });

  it('never builds a path from something that is not a SHA-256', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });

  it('sweeps temporary files a crash left behind, and only old ones', async () => {
    const old = path.join(store.tmpDir, 'old.part');
    const fresh = path.join(store.tmpDir, 'fresh.part');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(fresh, 'y');
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    fs.utimesSync(old, dayAgo, dayAgo);
    await store.sweepTemp(24 * 3600 * 1000);
    expect(fs.readdirSync(store.tmpDir)).toEqual(['fresh.part']);
  });

  it('removing a file twice is fine', async () => {
    const sha = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';
    await store.remove(sha);
    await store.remove(sha);
    expect(await store.open(sha)).toBeNull();
  });
});
