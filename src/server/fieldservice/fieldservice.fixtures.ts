/** Fixtures for the field-service integration tests (not a test file itself). */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Contract } from '../../common/schemas/contract.schema.js';
import type { Equipment } from '../../common/schemas/equipment.schema.js';
import type { Intervention } from '../../common/schemas/intervention.schema.js';
import type { Proposal } from '../../common/schemas/proposal.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';

type Requester = Pick<Session, 'request'>;

/** Sends a request and expects `status`; answers the parsed body. */
export async function ok<T>(s: Requester, opts: InjectOptions & { url: string }, status = 200): Promise<T> {
  const res = await s.request(opts);
  expect(res.statusCode, `${String(opts.method)} ${opts.url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
}

export const errorCode = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;

export function fieldApi(s: Requester) {
  const post = <T>(url: string, payload: unknown, status = 201) =>
    ok<T>(s, { method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown> }, status);
  return {
    contract: (thirdpartyId: number, extra: Record<string, unknown> = {}) =>
      post<Contract>('/contracts', { thirdpartyId, label: 'Maintenance', startDate: '2026-01-01', ...extra }),
    equipment: (thirdpartyId: number, extra: Record<string, unknown> = {}) =>
      post<Equipment>('/equipment', { thirdpartyId, label: 'Copier', serialNumber: 'SN-1', ...extra }),
    interventionFromTicket: (ticketId: number, payload: Record<string, unknown> = {}) =>
      post<Intervention>(`/tickets/${ticketId}/interventions`, payload),
    addLine: (id: number, durationMinutes: number, date = '2026-11-20') =>
      post<Intervention>(`/interventions/${id}/lines`, { date, durationMinutes, description: 'work' }),
    proposal: (thirdpartyId: number, lines: Record<string, unknown>[] = []) =>
      post<Proposal>('/proposals', { thirdpartyId, lines }),
    status: <T>(path: string, status: string) => post<T>(`${path}/status`, { status }, 200),
  };
}

/** A setting changed through the API, as an administrator would. */
export async function setSetting(admin: Requester, key: string, value: unknown): Promise<void> {
  await ok(admin, { method: 'PATCH', url: '/api/v1/settings', payload: { [key]: value } });
}

/** Rows of the field-service tables: what a refused command must leave unchanged. */
export async function fieldCounts(t: TestApp) {
  const k = t.services.db.kysely;
  const tables = [
    'interventions',
    'intervention_lines',
    'proposals',
    'events',
    'ticket_links',
    'ticket_history',
    'equipment',
  ] as const;
  const out = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const r = await k
      .selectFrom(table)
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}
