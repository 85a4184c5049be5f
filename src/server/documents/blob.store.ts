import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A received upload, hashed and counted, waiting in the temporary directory. */
export interface TempFile {
  path: string;
  sha256: string;
  size: number;
}

/** The stream went past the allowed size; the partial temporary file is already gone. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * File contents under `<dataDir>/files/<aa>/<bb>/<sha256>`: content-addressed, so identical files are
 * stored once. Uploads land in `<dataDir>/files/tmp` first and are moved into place with a rename, which
 * is atomic on one file system: a reader never sees half a file. Which files are still wanted is the
 * database's business (the `blobs` and `documents` tables); this store only moves bytes.
 */
export function createBlobStore(dataDir: string) {
  const root = path.join(dataDir, 'files');
  const tmpDir = path.join(root, 'tmp');

  function pathOf(sha256: string): string {
    // The hash also comes from job payloads: never let it name anything outside the store.
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function discard(file: string): Promise<void> {
    await fs.promises.rm(file, { force: true });
  }

  return {
    root,
    tmpDir,
    pathOf,
    discard,

    /**
     * Streams `source` to a new temporary file while hashing and counting it. Past `maxBytes` it stops
     * reading, deletes the partial file and throws FileTooLargeError. The file is flushed to disk before
     * this resolves, so a later rename cannot expose a file the kernel has not written.
     */
    async receive(source: Readable, maxBytes: number): Promise<TempFile> {
      await fs.promises.mkdir(tmpDir, { recursive: true });
      const file = path.join(tmpDir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}.part`);
      const hash = crypto.createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, fs.createWriteStream(file, { flags: 'wx', flush: true }));
      } catch (err) {
        await discard(file);
        throw err;
      }
      return { path: file, sha256: hash.digest('hex'), size };
    },

    /**
     * Moves a temporary file to its content address unless that content is already stored. Answers true
     * when this call put the file there (the caller then owns its cleanup should its transaction fail).
     */
    async place(temp: TempFile): Promise<boolean> {
      const target = pathOf(temp.sha256);
      try {
        await fs.promises.access(target);
        return false;
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(temp.path, target);
      return true;
    },

    /**
     * Deletes temporary files older than `maxAgeMs`: what a crashed process left mid-upload. Uploads in
     * progress are far younger than the age given, so they are never touched.
     */
    async sweepTemp(maxAgeMs: number, now = Date.now()): Promise<void> {
      let names: string[];
      try {
        names = await fs.promises.readdir(tmpDir);
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for (const name of names) {
        const file = path.join(tmpDir, name);
        const stat = await fs.promises.stat(file).catch(() => null);
        if (stat?.isFile() && now - stat.mtimeMs > maxAgeMs) await discard(file);
      }
    },

    /** Removes a stored file; one already gone is fine (jobs may run twice). */
    async remove(sha256: string): Promise<void> {
      await fs.promises.rm(pathOf(sha256), { force: true });
    },

    /** The stored file's size and a stream of it, or null when the file is missing. */
    async open(sha256: string): Promise<{ size: number; stream: Readable } | null> {
      let handle: fs.promises.FileHandle;
      try {
        // Opened before the size is read: a collection running meanwhile cannot cut the download short.
        handle = await fs.promises.open(pathOf(sha256), 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      try {
        const { size } = await handle.stat();
        return { size, stream: handle.createReadStream() };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
