import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { solveCaptcha } from './captcha.js';
import { searchRange } from './pow.js';
import { sha256, toHex } from './sha256.js';

const nodeHex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('portal SHA-256', () => {
  it('matches Node’s SHA-256 on empty, short, block-boundary and multi-block inputs', () => {
    const encoder = new TextEncoder();
    expect(toHex(sha256(encoder.encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = crypto.randomBytes(length);
      expect(toHex(sha256(data)), `length ${length}`).toBe(nodeHex(data));
    }
    expect(toHex(sha256(encoder.encode('sel?expires=1700000000éà')))).toBe(
      nodeHex(encoder.encode('sel?expires=1700000000éà')),
    );
  });
});

describe('portal proof of work', () => {
  const challengeFor = (salt: string, number: number, maxNumber = 5000) => ({
    algorithm: 'SHA-256' as const,
    challenge: crypto
      .createHash('sha256')
      .update(salt + String(number))
      .digest('hex'),
    salt,
    maxNumber,
    signature: 'signed-by-the-server',
  });

  it('finds the number the server hid, and only inside the searched range', () => {
    const task = challengeFor('a1b2c3?expires=1800000000', 1234);
    expect(searchRange(task, 0, 2000)).toBe(1234);
    expect(searchRange(task, 1235, 5001)).toBeNull();
  });

  it('answers the base64 JSON the server verifies (no Worker here: it searches in slices)', async () => {
    const task = challengeFor('f00d?expires=1800000000', 4321);
    const answer = await solveCaptcha(task);
    expect(answer).not.toBeNull();
    expect(JSON.parse(Buffer.from(answer ?? '', 'base64').toString('utf8'))).toEqual({
      algorithm: 'SHA-256',
      challenge: task.challenge,
      number: 4321,
      salt: task.salt,
      signature: 'signed-by-the-server',
    });
  });

  it('gives up with null when no number up to maxNumber matches', async () => {
    expect(await solveCaptcha({ ...challengeFor('x', 10, 50), challenge: '00'.repeat(32) })).toBeNull();
  });
});
