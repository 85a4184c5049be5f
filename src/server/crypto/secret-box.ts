import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

export const KEY_FILE = 'secret.key';

/**
 * The master key: from GUICHET_SECRET when set (every process of a multi-machine deployment must share
 * it), else from a key file created in the data directory on first start, readable by its owner only.
 */
export function loadMasterKey(config: Pick<Config, 'secret' | 'dataDir'>): Buffer {
  if (config.secret) return crypto.createHash('sha256').update(config.secret, 'utf8').digest();
  const file = path.join(config.dataDir, KEY_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting together keep the same key.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The key file ${file} is damaged: it must hold 32 bytes in base64`);
  return key;
}

export class SecretBoxError extends Error {}

/**
 * Encrypts secrets kept in the database (mail server passwords…) with AES-256-GCM, and signs values
 * handed to customers (links) with HMAC-SHA-256. Each use has its own key derived from the master key.
 */
export function createSecretBox(masterKey: Buffer) {
  const derive = (purpose: string) =>
    Buffer.from(crypto.hkdfSync('sha256', masterKey, '', `guichet:${purpose}`, 32));
  const encKey = derive('encrypt');
  const macKey = derive('sign');
  const sign = (value: string) =>
    crypto.createHmac('sha256', macKey).update(value, 'utf8').digest('base64url');
  return {
    seal(plaintext: string): string {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
    },

    open(sealed: string): string {
      const [version, body] = sealed.split('.', 2);
      if (version !== 'v1' || !body) throw new SecretBoxError('Unknown secret format');
      const raw = Buffer.from(body, 'base64url');
      if (raw.length < 28) throw new SecretBoxError('Secret too short');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'The secret cannot be decrypted with this key (was GUICHET_SECRET changed?)',
        );
      }
    },

    sign,

    verify(value: string, signature: string): boolean {
      const expected = Buffer.from(sign(value));
      const given = Buffer.from(signature);
      return expected.length === given.length && crypto.timingSafeEqual(expected, given);
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
