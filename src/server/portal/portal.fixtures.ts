/** Fixtures for the portal integration tests (not a test file itself). */
import crypto from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { PortalCaptchaChallenge, PortalCreateTicketResult } from '../../common/schemas/portal.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { DialectName } from '../db/database.js';
import type { MailTransport } from '../mail/mail.transport.js';

export const PORTAL = '/api/v1/portal';

/** The app of the running test (one at a time per file), for helpers that read the database. */
let current: TestApp | undefined;

/** A fresh app with the portal enabled (unless told otherwise) and its administrator signed in. */
export async function openPortalApp(
  engine: DialectName,
  opts: { settings?: Record<string, unknown>; mailTransport?: MailTransport | null } = {},
): Promise<{ t: TestApp; admin: Session }> {
  const t = await createTestApp(engine, { mailTransport: opts.mailTransport ?? null });
  current = t;
  const admin = await login(t.app, ADMIN.email, ADMIN.password);
  await setSettings(admin, { 'portal.enabled': true, ...opts.settings });
  return { t, admin };
}

export async function setSettings(admin: Session, patch: Record<string, unknown>): Promise<void> {
  const res = await admin.request({ method: 'PATCH', url: '/api/v1/settings', payload: patch });
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
}

/**
 * A browser on the portal: keeps the portal cookie it is given, sends X-Guichet-Portal on changes (unless
 * `csrf: false`), from its own client address so that rate limits and quotas of tests stay apart.
 */
export function visitor(t: TestApp, ip = `10.0.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`) {
  let cookie: string | undefined;
  async function request(
    opts: Omit<InjectOptions, 'url'> & { url: string; csrf?: boolean; extraCookie?: string },
  ): Promise<LightMyRequestResponse> {
    const { csrf, extraCookie, url, ...rest } = opts;
    const method = (rest.method ?? 'GET').toUpperCase();
    const cookies = [cookie, extraCookie].filter(Boolean).join('; ');
    const res = await t.app.inject({
      ...rest,
      url: url.startsWith('/') ? url : `${PORTAL}/${url}`,
      remoteAddress: ip,
      headers: {
        ...(rest.headers ?? {}),
        ...(cookies ? { cookie: cookies } : {}),
        ...(method !== 'GET' && csrf !== false ? { 'x-guichet-portal': '1' } : {}),
      },
    });
    const set = res.cookies.find((c) => c.name === 'guichet_portal');
    if (set) cookie = `guichet_portal=${set.value}`;
    return res;
  }
  return {
    ip,
    request,
    get cookie() {
      return cookie;
    },
    get: (url: string) => request({ method: 'GET', url }),
    post: (url: string, payload: unknown = {}) =>
      request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
  };
}

export type Visitor = ReturnType<typeof visitor>;

export const ticketInput = (over: Record<string, unknown> = {}) => ({
  email: 'claire@client.example',
  name: 'Claire',
  subject: 'The printer smokes',
  message: 'It smokes <b>a lot</b>.\n\nSince this morning.',
  language: 'fr',
  ...over,
});

/** Opens a ticket through the portal; throws on anything but 201. */
export async function portalTicket(v: Visitor, over: Record<string, unknown> = {}) {
  const res = await v.post('tickets', ticketInput(over));
  if (res.statusCode !== 201) throw new Error(`portal ticket: ${res.statusCode} ${res.body}`);
  return res.json<PortalCreateTicketResult>();
}

/** Solves a proof-of-work challenge as the portal page does; answers the `captcha` field. */
export function solveCaptcha(c: PortalCaptchaChallenge): string {
  for (let n = 0; n <= c.maxNumber; n++) {
    const h = crypto
      .createHash('sha256')
      .update(c.salt + String(n))
      .digest('hex');
    if (h === c.challenge) {
      const answer = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return Buffer.from(JSON.stringify(answer)).toString('base64');
    }
  }
  throw new Error('captcha without solution');
}

export const errorCode = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;

/** The ticket as staff see it (through the staff API), found by its tracking key. */
export async function staffTicket(admin: Session, trackId: string, t?: TestApp) {
  const app = t ?? current;
  if (!app) throw new Error('staffTicket needs the test app');
  const row = await app.services.db.kysely
    .selectFrom('tickets')
    .select('id')
    .where('track_id', '=', trackId)
    .executeTakeFirst();
  if (!row) throw new Error(`no ticket ${trackId}`);
  const full = await admin.request({ method: 'GET', url: `/api/v1/tickets/${row.id}` });
  return full.json<{
    id: number;
    status: string;
    origin: string;
    authorEmail: string | null;
    thirdpartyId: number | null;
    contactId: number | null;
    categoryCode: string;
    resolution: string | null;
  }>();
}
