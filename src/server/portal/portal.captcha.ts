import crypto from 'node:crypto';
import {
  portalCaptchaSolutionSchema,
  type PortalCaptchaChallenge,
} from '../../common/schemas/portal.schema.js';
import { addMs, iso, type Clock } from '../clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { AppError } from '../http/errors.js';
import type { PortalRepository } from './portal.repository.js';

/** A challenge must be solved and used within this delay. */
export const CAPTCHA_TTL_MS = 20 * 60 * 1000;
/**
 * The secret number is drawn in [0, maxNumber]: about maxNumber / 2 SHA-256 on average for the browser
 * (well under a second with WebCrypto), and as many for every ticket a bot wants to create.
 */
export const CAPTCHA_MAX_NUMBER = 100_000;

const hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const signed = (challenge: string) => `portal-captcha:${challenge}`;

export const captchaFailed = (message: string) => new AppError('captcha_failed', 400, message);

/**
 * The ALTCHA-style proof of work (no outside service): the server picks a salt carrying its expiry and a
 * secret number, sends sha256(salt + number) signed with the master key, and the client searches the
 * number. An answer is accepted when the signature is ours, the hash matches, the salt has not expired
 * and the challenge was never used before (kept in the database until it expires).
 */
export function createPortalCaptcha(deps: {
  secrets: Pick<SecretBox, 'sign' | 'verify'>;
  repo: PortalRepository;
  clock: Clock;
  maxNumber?: number;
}) {
  const { secrets, repo, clock } = deps;
  const maxNumber = deps.maxNumber ?? CAPTCHA_MAX_NUMBER;

  return {
    challenge(): PortalCaptchaChallenge {
      const expires = Math.floor(addMs(clock.now(), CAPTCHA_TTL_MS).getTime() / 1000);
      const salt = `${crypto.randomBytes(12).toString('hex')}?expires=${expires}`;
      const challenge = hex(salt + String(crypto.randomInt(maxNumber + 1)));
      return { algorithm: 'SHA-256', challenge, salt, maxNumber, signature: secrets.sign(signed(challenge)) };
    },

    /** Throws 400 captcha_failed unless `answer` (base64 of the JSON solution) is a fresh, valid solution. */
    async verify(answer: string | undefined): Promise<void> {
      if (!answer) throw captchaFailed('The anti-robot check is missing');
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(answer, 'base64').toString('utf8'));
      } catch {
        throw captchaFailed('The anti-robot answer is not readable');
      }
      const parsed = portalCaptchaSolutionSchema.safeParse(json);
      if (!parsed.success) throw captchaFailed('The anti-robot answer is not readable');
      const { challenge, number, salt, signature } = parsed.data;
      if (!secrets.verify(signed(challenge), signature) || hex(salt + String(number)) !== challenge) {
        throw captchaFailed('The anti-robot answer is wrong');
      }
      const expires = Number(new URLSearchParams(salt.split('?')[1] ?? '').get('expires'));
      const now = clock.now();
      if (!Number.isFinite(expires) || expires * 1000 < now.getTime()) {
        throw captchaFailed('The anti-robot check has expired; try again');
      }
      if (!(await repo.useCaptcha(challenge, iso(new Date(expires * 1000))))) {
        throw captchaFailed('This anti-robot answer was already used');
      }
    },
  };
}

export type PortalCaptcha = ReturnType<typeof createPortalCaptcha>;
