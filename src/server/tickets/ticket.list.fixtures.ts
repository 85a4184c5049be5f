/** Data for the list, search, statistics and export tests, made through the API (not a test file itself). */
import { expect } from 'vitest';
import type { TicketListItem, TicketListPage } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { newThirdparty, newTicket, ticketApi, userWith } from './ticket.fixtures.js';

type Requester = Pick<Session, 'request'>;

export const HOUR = 3600_000;
/** The instant the first ticket is created at; each next one is an hour later. */
export const START = new Date('2026-03-02T08:00:00.000Z');

/**
 * Tickets with every property the list filters and sorts on, including ties (same subject, same
 * severity, same creation instant) and empty values (no assignee, no third party). Returns them by name.
 */
export async function seedListData(t: TestApp, admin: Session) {
  const agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Zoé Agent');
  const cat = await admin.request({
    method: 'POST',
    url: '/api/v1/dictionaries/ticket-categories',
    payload: { code: 'HARDWARE', label: { fr: 'Matériel', en: 'Hardware' } },
  });
  expect(cat.statusCode).toBe(201);
  const reseaux = await newThirdparty(admin, 'Société Générale des Réseaux');
  const dupont = await newThirdparty(admin, 'Dupont & Fils');
  const garage = await newThirdparty(admin, 'Garage Lefèvre');
  const api = ticketApi(admin);
  let at = START.getTime();
  /** Changes happen a minute after the creation, so updatedAt differs from createdAt. */
  const later = () => t.clock.set(new Date(at + 60_000));
  const create = async (payload: Record<string, unknown>, sameInstant = false) => {
    if (!sameInstant) at += HOUR;
    t.clock.set(new Date(at));
    return newTicket(admin, payload);
  };
  const printer = await create({
    subject: 'Imprimante réseau en panne',
    message: '<p>Le <b>réseau</b> du bureau est coupé depuis ce matin.</p>',
    typeCode: 'ISSUE',
    severityCode: 'HIGH',
    thirdpartyId: reseaux,
    assigneeId: agent.userId,
  });
  const vpn = await create({
    subject: 'VPN refuse le mot de passe',
    message: '<p>Connexion impossible.</p>',
    typeCode: 'HELP',
    severityCode: 'BLOCKING',
    thirdpartyId: dupont,
    origin: 'phone',
  });
  const invoice = await create({
    subject: 'Question facture',
    message: '<p>Montant erroné.</p>',
    typeCode: 'COM',
    severityCode: 'LOW',
    thirdpartyId: garage,
    categoryCode: 'HARDWARE',
  });
  const twinA = await create({ subject: 'Écran noir', message: '<p>Rien ne s’affiche.</p>', unread: true });
  const twinB = await create({ subject: 'Écran noir', message: '<p>Toujours rien.</p>' }, true);
  const twinC = await create({ subject: 'Écran noir', message: '<p>Idem.</p>', origin: 'api' }, true);
  const closed = await create({
    subject: 'Badgeuse bloquée',
    message: '<p>La badgeuse ne lit plus les cartes.</p>',
    thirdpartyId: dupont,
  });
  later();
  expect((await api.act(closed.id, 'close', { resolution: 'solved' })).statusCode).toBe(200);
  const deleted = await create({ subject: 'Doublon à effacer', message: '<p>Erreur de saisie.</p>' });
  later();
  expect((await api.remove(deleted.id)).statusCode).toBe(200);
  const waiting = await create({
    subject: 'Sauvegarde échouée',
    message: '<p>La sauvegarde de nuit a échoué.</p>',
    assigneeId: agent.userId,
    severityCode: 'HIGH',
  });
  later();
  expect((await api.act(waiting.id, 'status', { status: 'waiting' })).statusCode).toBe(200);
  const noted = await create({
    subject: 'Poste lent',
    message: '<p>Le poste rame.</p>',
    thirdpartyId: reseaux,
  });
  later();
  expect(
    (await api.post(noted.id, { body: '<p>Note : vérifier la garantie constructeur</p>', private: true }))
      .statusCode,
  ).toBe(201);
  expect((await api.post(noted.id, { body: '<p>Nous passons jeudi pour le câblage.</p>' })).statusCode).toBe(
    201,
  );
  t.clock.set(new Date(at + HOUR));
  return {
    agent,
    thirdparties: { reseaux, dupont, garage },
    tickets: { printer, vpn, invoice, twinA, twinB, twinC, closed, deleted, waiting, noted },
  };
}
export type ListData = Awaited<ReturnType<typeof seedListData>>;

export const listUrl = (query: Record<string, string | number> = {}) =>
  `/api/v1/tickets?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;

export async function listPage(s: Requester, query: Record<string, string | number> = {}) {
  const res = await s.request({ method: 'GET', url: listUrl(query) });
  if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
  return res.json<TicketListPage>();
}

/** Follows `nextCursor` to the end; every page must keep the first page's total. */
export async function allPages(
  s: Requester,
  query: Record<string, string | number>,
): Promise<TicketListItem[]> {
  const first = await listPage(s, query);
  const items = [...first.items];
  let cursor = first.nextCursor;
  for (let guard = 0; cursor && guard < 1000; guard++) {
    const page = await listPage(s, { ...query, cursor });
    expect(page.total).toBe(first.total);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

export const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);
