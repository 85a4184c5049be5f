/**
 * Rows of the benchmark data set, generated batch by batch so that a million tickets never sit in memory.
 * Columns are listed once here; both writers (SQLite, PostgreSQL) insert them as they are.
 */
import crypto from 'node:crypto';
import { foldForSearch } from '../src/server/text/rich-text.js';
import { companyName, createRandom, personName, type Random } from './data.js';
import { customerReply, description, internalNote, staffReply, subject, type Text } from './text.js';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export const STAFF_USERS = 25;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Tickets span three years up to the seeding instant. */
const SPAN = 3 * 365 * DAY;

export const STATUS_WEIGHTS = {
  unread: 4,
  read: 5,
  assigned: 8,
  in_progress: 9,
  waiting: 4,
  closed: 68,
  deleted: 2,
} as const;
const SEVERITIES = { LOW: [10, 20], NORMAL: [20, 55], HIGH: [30, 20], BLOCKING: [40, 5] } as const;
const TYPES = { COM: 10, HELP: 35, ISSUE: 35, REQUEST: 15, OTHER: 5 } as const;
const ORIGINS = { staff: 35, portal: 30, email: 25, api: 5, phone: 5 } as const;
export const CATEGORIES: [string, string, string][] = [
  ['HARDWARE', 'Matériel', 'Hardware'],
  ['SOFTWARE', 'Logiciel', 'Software'],
  ['NETWORK', 'Réseau', 'Network'],
  ['BILLING', 'Facturation', 'Billing'],
];
const CATEGORY_WEIGHTS = { OTHER: 10, HARDWARE: 30, SOFTWARE: 30, NETWORK: 20, BILLING: 10 } as const;

export interface Customer {
  id: number;
  name: string;
  contacts: { id: number; name: string; email: string }[];
}

/** Third parties (1–3 contacts each), ids from 1. */
export function generateCustomers(count: number, now: string): { thirdparties: Row[]; contacts: Row[] } {
  const r = createRandom(7);
  const thirdparties: Row[] = [];
  const contacts: Row[] = [];
  for (let id = 1; id <= count; id++) {
    const name = companyName(r);
    const domain = `${foldForSearch(name).replace(/[^a-z0-9]+/g, '')}${id}.example`;
    thirdparties.push({
      id,
      name,
      name_folded: foldForSearch(name),
      code: `C${String(id).padStart(6, '0')}`,
      email: `contact@${domain}`,
      email_lower: `contact@${domain}`,
      phone: `+33 1 ${String(10_000_000 + r.int(89_999_999)).replace(/(\d\d)(?=\d)/g, '$1 ')}`,
      address: null,
      notes: null,
      created_at: now,
      updated_at: now,
    });
    for (let c = 0, n = 1 + r.int(3); c < n; c++) {
      const person = personName(r);
      const email = `${foldForSearch(person).replace(/[^a-z]+/g, '.')}@${domain}`;
      contacts.push({
        id: contacts.length + 1,
        thirdparty_id: id,
        name: person,
        email,
        email_lower: email,
        phone: null,
        role: r.pick(['Gérant', 'Comptable', 'Office manager', 'Responsable informatique', null]),
        created_at: now,
        updated_at: now,
      });
    }
  }
  return { thirdparties, contacts };
}

export function customersOf(tp: Row[], contacts: Row[]): Customer[] {
  const list: Customer[] = tp.map((t) => ({ id: t.id as number, name: t.name as string, contacts: [] }));
  for (const c of contacts) {
    list[(c.thirdparty_id as number) - 1]!.contacts.push({
      id: c.id as number,
      name: c.name as string,
      email: c.email as string,
    });
  }
  return list;
}

const TRACK_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function trackId(): string {
  const bytes = crypto.randomBytes(20);
  let s = '';
  for (const b of bytes) s += TRACK_ALPHABET[b % TRACK_ALPHABET.length];
  return s;
}

function ref(created: number, n: number): string {
  const d = new Date(created);
  const yymm = `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return `TS${yymm}-${String(n).padStart(4, '0')}`;
}

interface Msg {
  kind: 'customer' | 'staff' | 'note';
  text: Text;
}

/** Ticket ids `from`…`to` (inclusive) with three messages each; message ids follow ticket ids × 3. */
export function generateTickets(
  from: number,
  to: number,
  ctx: { total: number; now: number; customers: Customer[]; staff: { id: number; name: string }[] },
): { tickets: Row[]; messages: Row[] } {
  const r: Random = createRandom(1000 + from);
  const tickets: Row[] = [];
  const messages: Row[] = [];
  const start = ctx.now - SPAN;
  const step = SPAN / ctx.total;
  const iso = (t: number) => new Date(Math.min(t, ctx.now)).toISOString();
  for (let id = from; id <= to; id++) {
    const created = Math.floor(start + (id - 1 + r.next() * 0.9) * step);
    const status = r.weighted(STATUS_WEIGHTS);
    const severity = r.weighted(Object.fromEntries(Object.entries(SEVERITIES).map(([k, v]) => [k, v[1]])));
    const customer =
      r.next() < 0.92 ? ctx.customers[Math.floor(ctx.customers.length * r.next() ** 1.4)] : undefined;
    const contact = customer ? r.pick(customer.contacts) : undefined;
    const origin = r.weighted(ORIGINS);
    const fromCustomer = (origin === 'portal' || origin === 'email') && contact !== undefined;
    const author = fromCustomer ? null : r.pick(ctx.staff);
    const assigned =
      status === 'unread' || status === 'read' ? undefined : r.next() < 0.9 ? r.pick(ctx.staff) : undefined;
    const thread: Msg[] =
      status === 'unread'
        ? [1, 2, 3].map(() => ({ kind: 'customer', text: customerReply(r, contact?.name ?? '') }))
        : status === 'read'
          ? [
              { kind: 'customer', text: customerReply(r, contact?.name ?? '') },
              { kind: 'note', text: internalNote(r) },
              { kind: 'customer', text: customerReply(r, contact?.name ?? '') },
            ]
          : [
              { kind: 'staff', text: staffReply(r, contact?.name ?? '') },
              { kind: 'customer', text: customerReply(r, contact?.name ?? '') },
              r.next() < 0.7
                ? { kind: 'staff', text: staffReply(r, contact?.name ?? '') }
                : { kind: 'note', text: internalNote(r) },
            ];
    let t = created;
    let firstResponse: number | null = null;
    let lastCustomer: number | null = null;
    let lastStaff: number | null = null;
    thread.forEach((m, i) => {
      t += (1 + r.int(30)) * HOUR;
      if (m.kind === 'staff') {
        firstResponse ??= t;
        lastStaff = t;
      }
      if (m.kind === 'customer') lastCustomer = t;
      messages.push({
        id: (id - 1) * 3 + i + 1,
        ticket_id: id,
        author_type: m.kind === 'customer' ? 'customer' : 'user',
        author_user_id: m.kind === 'customer' ? null : (assigned ?? r.pick(ctx.staff)).id,
        author_email: m.kind === 'customer' ? (contact?.email ?? 'someone@example.test') : null,
        body: m.text.html,
        body_text: m.text.text,
        private: m.kind === 'note',
        send_by_email: m.kind === 'staff',
        mail_id: null,
        created_at: iso(t),
        updated_at: iso(t),
      });
    });
    const closed = status === 'closed' || status === 'deleted' ? t + (1 + r.int(72)) * HOUR : null;
    const desc = description(r, contact?.name ?? 'Madame, Monsieur');
    tickets.push({
      id,
      ref: ref(created, id),
      track_id: trackId(),
      subject: subject(r),
      message: desc.html,
      message_text: desc.text,
      type_code: r.weighted(TYPES),
      category_code: r.weighted(CATEGORY_WEIGHTS),
      severity_code: severity,
      severity_rank: SEVERITIES[severity as keyof typeof SEVERITIES][0],
      status,
      previous_status: status === 'deleted' ? 'closed' : null,
      resolution: closed ? (r.next() < 0.85 ? 'solved' : 'abandoned') : null,
      is_open: status !== 'closed' && status !== 'deleted',
      origin,
      author_user_id: author?.id ?? null,
      author_email: fromCustomer ? contact.email : null,
      assignee_id: assigned?.id ?? null,
      assignee_name: assigned?.name ?? null,
      thirdparty_id: customer?.id ?? null,
      thirdparty_name: customer?.name ?? null,
      contact_id: contact?.id ?? null,
      equipment_id: null,
      progress: closed ? 100 : status === 'in_progress' ? 10 * r.int(10) : 0,
      duration_minutes: 0,
      custom_fields: '{}',
      version: 1 + thread.length,
      first_response_at: firstResponse === null ? null : iso(firstResponse),
      last_customer_message_at: lastCustomer === null ? null : iso(lastCustomer),
      last_staff_message_at: lastStaff === null ? null : iso(lastStaff),
      created_at: iso(created),
      updated_at: iso(closed ?? t),
      read_at: status === 'unread' ? null : iso(created + (1 + r.int(120)) * 60_000),
      closed_at: closed === null ? null : iso(closed),
      deleted_at: status === 'deleted' && closed !== null ? iso(closed + DAY) : null,
    });
  }
  return { tickets, messages };
}

export function staffUsers(now: string): Row[] {
  const r = createRandom(3);
  return Array.from({ length: STAFF_USERS }, (_, i) => {
    const name = personName(r);
    const email = `agent${i + 1}@guichet.example`;
    return {
      id: i + 2,
      email,
      email_lower: email,
      name,
      language: i % 3 === 0 ? 'en' : 'fr',
      active: true,
      password_hash: null,
      created_at: now,
      updated_at: now,
    };
  });
}
