/**
 * The measured scenarios: a bare endpoint of the same server as the ceiling, then the list, search,
 * ticket page, creation, messages and statistics, each hammered by 10 connections for a few seconds.
 */
import autocannon, { type Result } from 'autocannon';
import { createRandom } from './data.js';
import { description, subject } from './text.js';

export interface Measure {
  scenario: string;
  p50: number;
  p99: number;
  rps: number;
  ok: number;
  failed: number;
  /** Extra facts printed under the table (tickets/s, duplicate refs…). */
  note?: string;
}

export interface ScenarioContext {
  url: string;
  token: string;
  tickets: number;
  /** The highest third party id (ids run from 1). */
  thirdparties: number;
  duration: number;
  connections: number;
  /** Ids of open tickets, for messages. */
  openIds: number[];
  /** Only the scenarios whose name matches (and the bare endpoint, the ceiling). */
  only?: RegExp;
}

type Req = { method?: string; path: string; body?: string; headers?: Record<string, string> };

async function hammer(
  ctx: ScenarioContext,
  scenario: string,
  next: () => Req,
  auth = true,
): Promise<Measure> {
  // A new object for every request: autocannon writes the body's content-length into the one it gets.
  const headersOf = (r: Req): Record<string, string> => ({
    'content-type': 'application/json',
    ...(auth ? { authorization: `Bearer ${ctx.token}` } : {}),
    ...r.headers,
  });
  const first = next();
  const result: Result = await autocannon({
    url: ctx.url,
    connections: ctx.connections,
    duration: ctx.duration,
    requests: [
      {
        ...first,
        headers: headersOf(first),
        setupRequest: (req) => {
          const r = next();
          return { ...req, ...r, headers: headersOf(r) };
        },
      },
    ],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  // What the failures were, so that a red line says why.
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${s.count} × ${code}`);
  if (result.errors > 0) statuses.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) statuses.push(`${result.timeouts} timeouts`);
  return {
    scenario,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ok: result['2xx'],
    failed,
    ...(statuses.length > 0 ? { note: `failures: ${statuses.join(', ')}` } : {}),
  };
}

/** Cycles through a few realistic values, so no scenario measures one lucky query. */
function cycle<T>(values: T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length] as T;
}

async function getJson<T>(ctx: ScenarioContext, path: string): Promise<T> {
  const res = await fetch(`${ctx.url}${path}`, { headers: { authorization: `Bearer ${ctx.token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Follows `nextCursor` `pages` times, to measure a page deep in the list. */
async function deepCursor(ctx: ScenarioContext, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const path = `/api/v1/tickets?limit=25${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { nextCursor: string | null } = await getJson(ctx, path);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error('the list has a single page');
  return cursor;
}

export async function openTicketIds(
  ctx: Pick<ScenarioContext, 'url' | 'token'>,
  count: number,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  while (ids.length < count) {
    const page: { items: { id: number }[]; nextCursor: string | null } = await getJson(
      { ...ctx, tickets: 0, thirdparties: 0, duration: 0, connections: 0, openIds: [] },
      `/api/v1/tickets?status=read,assigned,in_progress&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    ids.push(...page.items.map((t) => t.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

const q = (s: string) => encodeURIComponent(s);

async function enablePortal(ctx: ScenarioContext): Promise<void> {
  const res = await fetch(`${ctx.url}/api/v1/settings`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ 'portal.enabled': true }),
  });
  if (!res.ok) throw new Error(`enabling the portal: ${res.status} ${await res.text()}`);
}

export async function runScenarios(ctx: ScenarioContext, log: (m: Measure) => void): Promise<Measure[]> {
  const r = createRandom(42);
  const out: Measure[] = [];
  const skipped = (scenario: string) =>
    ctx.only !== undefined && !scenario.startsWith('bare') && !ctx.only.test(scenario);
  const run = async (scenario: string, next: () => Req, auth = true) => {
    if (skipped(scenario)) return undefined;
    const measure = await hammer(ctx, scenario, next, auth);
    out.push(measure);
    log(measure);
    return measure;
  };
  // Settings are cached for 5 s by each web process: the portal is turned on before anything else.
  if (!skipped('portal: create ticket')) await enablePortal(ctx);
  // Warm-up: the first requests compile code paths and load pages; not measured.
  // A search in it also indexes what an earlier run (--reuse) left queued, as any search would.
  const warm = cycle(['/api/v1/tickets', '/api/v1/tickets?text=warm']);
  await hammer({ ...ctx, duration: 3 }, 'warm-up', () => ({ path: warm() }));

  await run('bare endpoint (/healthz)', () => ({ path: '/healthz' }), false);
  await run('open tickets, first page', () => ({ path: '/api/v1/tickets' }));
  if (!skipped('open tickets, page 200')) {
    const deep = await deepCursor(ctx, 200);
    await run('open tickets, page 200', () => ({ path: `/api/v1/tickets?cursor=${deep}` }));
  }
  await run('sorted by severity', () => ({ path: '/api/v1/tickets?sort=severity&order=desc' }));
  // A customer's page, as the staff app reads it: the customer list with its open-ticket counts, a third
  // party's Tickets tab (all its tickets, newest first).
  await run('third parties', () => ({ path: '/api/v1/thirdparties' }));
  await run("a third party's tickets", () => ({
    path: `/api/v1/tickets?thirdparty=${1 + r.int(ctx.thirdparties)}&status=all&limit=25`,
  }));
  const companies = cycle(['dupont', 'garage', 'lefevre', 'boulangerie', 'muller', 'hotel']);
  await run('search company', () => ({ path: `/api/v1/tickets?searchIn=company&q=${q(companies())}` }));
  const subjects = cycle(['imprimante', 'vpn', 'badgeuse', 'messagerie', 'écran', 'fortigate']);
  await run('search subject', () => ({ path: `/api/v1/tickets?searchIn=subject&q=${q(subjects())}` }));
  const either = cycle(['dupont', 'imprimante', 'hotel', 'badgeuse', 'lefevre', 'routeur']);
  await run('search both', () => ({ path: `/api/v1/tickets?searchIn=both&q=${q(either())}` }));
  const texts = cycle(['synology', 'certificat expiré', 'bourrage', 'onduleur', 'réseau', 'sauvegarde']);
  await run('full text', () => ({ path: `/api/v1/tickets?text=${q(texts())}` }));
  await run('ticket page', () => ({ path: `/api/v1/tickets/${1 + r.int(ctx.tickets)}` }));
  await run('statistics', () => ({ path: '/api/v1/tickets/stats' }));
  const created = await run('create ticket', () => ({
    method: 'POST',
    path: '/api/v1/tickets',
    body: JSON.stringify({ subject: subject(r), message: description(r, 'Bench').html }),
  }));
  if (created)
    created.note = `${Math.round(created.ok / ctx.duration)} tickets/s${created.note ? `; ${created.note}` : ''}`;
  const ids = cycle(ctx.openIds);
  await run('add message', () => ({
    method: 'POST',
    path: `/api/v1/tickets/${ids()}/messages`,
    body: JSON.stringify({ body: description(r, 'Bench').html, private: r.next() < 0.3 }),
  }));
  if (!skipped('portal: create ticket')) {
    // Visitors of the public portal, each from an address of its own (the server trusts the
    // X-Forwarded-For of the loopback proxy it is told of): the per-address limits stay in force.
    let visitor = 0;
    const created = await run(
      'portal: create ticket',
      () => {
        visitor++;
        const ip = `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
        return {
          method: 'POST',
          path: '/api/v1/portal/tickets',
          headers: { 'x-guichet-portal': '1', 'x-forwarded-for': ip },
          body: JSON.stringify({
            email: `visitor${visitor}@example.org`,
            subject: subject(r),
            message: description(r, 'Bench').text,
            language: visitor % 3 === 0 ? 'en' : 'fr',
          }),
        };
      },
      false,
    );
    if (created) {
      created.note = `${Math.round(created.ok / ctx.duration)} tickets/s${created.note ? `; ${created.note}` : ''}`;
    }
  }
  return out;
}
