import type { PortalCaptchaChallenge } from '../../../common/schemas/portal.schema.js';
import { searchRange, type PowTask } from './pow.js';

const CHUNK = 2000;

/** Without workers (very old browsers, tests): slices of the search, yielding to the page in between. */
async function searchInChunks(task: PowTask): Promise<number | null> {
  for (let from = 0; from <= task.maxNumber; from += CHUNK) {
    const found = searchRange(task, from, from + CHUNK);
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}

function searchInWorker(task: PowTask): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./captcha.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ number: number | null }>) => {
      worker.terminate();
      resolve(e.data.number);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'captcha worker failed'));
    };
    worker.postMessage({ challenge: task.challenge, salt: task.salt, maxNumber: task.maxNumber });
  });
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

/**
 * Solves an ALTCHA-style challenge and returns what POST /tickets expects as `captcha`: base64 of the JSON
 * `{ algorithm, challenge, number, salt, signature }`. Null when no number matches (a broken challenge:
 * the server will answer captcha_failed and the visitor can retry).
 */
export async function solveCaptcha(challenge: PortalCaptchaChallenge): Promise<string | null> {
  let number: number | null;
  try {
    number =
      typeof Worker === 'undefined' ? await searchInChunks(challenge) : await searchInWorker(challenge);
  } catch {
    number = await searchInChunks(challenge); // the worker could not start: do it here, in slices
  }
  if (number === null) return null;
  const { algorithm, challenge: hash, salt, signature } = challenge;
  return base64(JSON.stringify({ algorithm, challenge: hash, number, salt, signature }));
}
