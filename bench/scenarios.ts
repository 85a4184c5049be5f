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
  duration: number;
  connections: number;
  /** Ids of open tickets, for messages. */
  openIds: number[];
}

type Req = { method?: string; path: string; body?: string };

async function hammer(
  ctx: ScenarioContext,
  scenario: string,
  next: () => Req,
  auth = true,
): Promise<Measure> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${ctx.token}`;
  const first = next();
  const result: Result = await autocannon({
    url: ctx.url,
    connections: ctx.connections,
    duration: ctx.duration,
    headers,
    requests: [{ ...first, setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    scenario,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ok: result['2xx'],
    failed,
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
      { ...ctx, tickets: 0, duration: 0, connections: 0, openIds: [] },
      `/api/v1/tickets?status=read,assigned,in_progress&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    ids.push(...page.items.map((t) => t.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

const q = (s: string) => encodeURIComponent(s);

export async function runScenarios(ctx: ScenarioContext, log: (m: Measure) => void): Promise<Measure[]> {
  const r = createRandom(42);
  const out: Measure[] = [];
  const run = async (m: Promise<Measure>) => {
    const measure = await m;
    out.push(measure);
    log(measure);
    return measure;
  };
  // Warm-up: the first requests compile code paths and load pages; not measured.
  // A search in it also indexes what an earlier run (--reuse) left queued, as any search would.
  const warm = cycle(['/api/v1/tickets', '/api/v1/tickets?text=warm']);
  await hammer({ ...ctx, duration: 3 }, 'warm-up', () => ({ path: warm() }));

  await run(hammer(ctx, 'bare endpoint (/healthz)', () => ({ path: '/healthz' }), false));
  await run(hammer(ctx, 'open tickets, first page', () => ({ path: '/api/v1/tickets' })));
  const deep = await deepCursor(ctx, 200);
  await run(hammer(ctx, 'open tickets, page 200', () => ({ path: `/api/v1/tickets?cursor=${deep}` })));
  await run(hammer(ctx, 'sorted by severity', () => ({ path: '/api/v1/tickets?sort=severity&order=desc' })));
  const companies = cycle(['dupont', 'garage', 'lefevre', 'boulangerie', 'muller', 'hotel']);
  await run(
    hammer(ctx, 'search company', () => ({ path: `/api/v1/tickets?searchIn=company&q=${q(companies())}` })),
  );
  const subjects = cycle(['imprimante', 'vpn', 'badgeuse', 'messagerie', 'écran', 'fortigate']);
  await run(
    hammer(ctx, 'search subject', () => ({ path: `/api/v1/tickets?searchIn=subject&q=${q(subjects())}` })),
  );
  const either = cycle(['dupont', 'imprimante', 'hotel', 'badgeuse', 'lefevre', 'routeur']);
  await run(hammer(ctx, 'search both', () => ({ path: `/api/v1/tickets?searchIn=both&q=${q(either())}` })));
  const texts = cycle(['synology', 'certificat expiré', 'bourrage', 'onduleur', 'réseau', 'sauvegarde']);
  await run(hammer(ctx, 'full text', () => ({ path: `/api/v1/tickets?text=${q(texts())}` })));
  await run(hammer(ctx, 'ticket page', () => ({ path: `/api/v1/tickets/${1 + r.int(ctx.tickets)}` })));
  await run(hammer(ctx, 'statistics', () => ({ path: '/api/v1/tickets/stats' })));
  const created = await run(
    hammer(ctx, 'create ticket', () => ({
      method: 'POST',
      path: '/api/v1/tickets',
      body: JSON.stringify({ subject: subject(r), message: description(r, 'Bench').html }),
    })),
  );
  created.note = `${Math.round(created.ok / ctx.duration)} tickets/s`;
  const ids = cycle(ctx.openIds);
  await run(
    hammer(ctx, 'add message', () => ({
      method: 'POST',
      path: `/api/v1/tickets/${ids()}/messages`,
      body: JSON.stringify({ body: description(r, 'Bench').html, private: r.next() < 0.3 }),
    })),
  );
  return out;
}
