import { describe, expect, it } from 'vitest';
import { errorFromAnswer, PortalApiError } from './api.js';
import { errorText, invalidField } from './errors.js';
import { translator } from './i18n/i18n.js';

const answer = (status: number, code: string, details?: unknown, retryAfter: string | null = null) =>
  errorFromAnswer(
    status,
    JSON.stringify({ error: { code, message: `server: ${code}`, details } }),
    retryAfter,
  );

describe('portal error messages', () => {
  const fr = translator('fr');
  const en = translator('en');

  it('says the portal-specific refusals in the visitor’s language, never the server’s English', () => {
    expect(errorText(fr, answer(404, 'portal_disabled'))).toBe('Le portail est fermé pour le moment.');
    expect(errorText(en, answer(429, 'portal_quota_exceeded'))).toMatch(/^Too many tickets have been opened/);
    expect(errorText(fr, answer(400, 'captcha_failed'))).toBe(
      'La vérification anti-robot a échoué. Réessayez.',
    );
    expect(errorText(en, answer(404, 'portal_ticket_not_found'))).toBe(
      'No ticket matches this tracking key and email address.',
    );
    expect(errorText(en, answer(404, 'portal_link_not_found'))).toMatch(/no longer valid/);
    expect(errorText(fr, answer(409, 'ticket_not_open'))).toMatch(/^Ce ticket est clôturé/);
  });

  it('tells how long to wait on a rate limit, from Retry-After or from the details', () => {
    expect(errorText(fr, answer(429, 'too_many_requests', undefined, '42'))).toBe(
      'Trop de demandes. Réessayez dans 42\u00a0s.',
    );
    expect(errorText(en, answer(429, 'too_many_requests', { retryAfterSeconds: 7.2 }))).toBe(
      'Too many requests. Try again in 8 s.',
    );
    expect(errorText(en, errorFromAnswer(429, 'Too Many Requests', null))).toBe(
      'Too many requests. Try again in a moment.',
    );
  });

  it('names the field of a validation error with the label the visitor saw', () => {
    const err = answer(400, 'validation_error', { issues: [{ path: 'body.subject', message: 'Too big' }] });
    expect(invalidField(err)).toBe('subject');
    expect(errorText(fr, err)).toBe('Le champ «\u00a0Objet\u00a0» n’est pas valide.');
    expect(errorText(en, answer(400, 'validation_error', { issues: [{ path: 'body.message' }] }))).toBe(
      'The field “Description” is not valid.',
    );
    expect(errorText(en, answer(400, 'bad_request'))).toBe('Some information is not valid.');
  });

  it('explains refused files: too large (413) and wrong type (415 or 422)', () => {
    expect(errorText(fr, answer(413, 'file_too_large', { filename: 'scan.pdf', maxFileMb: 20 }))).toBe(
      'Le fichier «\u00a0scan.pdf\u00a0» est trop volumineux (au plus 20\u00a0Mo).',
    );
    expect(errorText(en, answer(413, 'payload_too_large'))).toBe('A file is too large.');
    expect(errorText(en, answer(422, 'forbidden_file_type', { filename: 'run.exe' }))).toBe(
      '“run.exe”: this type of file is not accepted.',
    );
    expect(errorText(en, answer(415, 'unsupported_media_type'))).toBe('This type of file is not accepted.');
  });

  it('falls back to a translated sentence with the server’s message, and handles a lost network', () => {
    expect(errorText(en, answer(500, 'internal_error'))).toBe(
      'Something went wrong (server: internal_error).',
    );
    expect(errorText(fr, new PortalApiError(0, 'network_error', 'Failed to fetch'))).toMatch(
      /^Le serveur ne répond pas/,
    );
    expect(errorText(en, errorFromAnswer(502, '<html>Bad gateway</html>', null))).toBe(
      'Something went wrong (HTTP 502).',
    );
  });
});
