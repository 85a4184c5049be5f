import type { Services } from '../../server/app.js';
import { createRandom } from './random.js';
import type { Actor } from '../../server/auth/actor.js';
import { PERMISSIONS } from '../../common/permissions.js';
import type { Language } from '../../common/languages.js';
import {
  DEMO_AGENTS,
  DEMO_COMPANIES,
  DEMO_REQUESTS,
  FIRST_NAMES,
  LAST_NAMES,
  PRIVATE_NOTES,
  ROLES,
  STAFF_REPLIES,
} from './demo.data.js';

/** A clock the seeder moves through the past, so tickets get a believable timeline. */
export class DemoClock {
  #t = Date.now();
  now(): Date {
    return new Date(this.#t);
  }
  set(t: number): void {
    this.#t = t;
  }
  advance(ms: number): void {
    this.#t += ms;
  }
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function actorOf(user: { id: number; email: string; name: string; language: string }): Actor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    language: user.language as Language,
    permissions: new Set(PERMISSIONS),
    via: 'session',
  };
}

export interface SeedReport {
  agents: { email: string; created: boolean }[];
  agentPassword: string;
  thirdparties: number;
  contacts: number;
  tickets: number;
  messages: number;
}

/**
 * Fills Guichet with a believable helpdesk through the real services (validation, history and
 * denormalized names included): agents in a Support group, customers with contacts, and tickets spread
 * over the last months in every status, with replies and internal notes.
 */
export async function seedDemo(
  services: Services,
  clock: DemoClock,
  opts: { tickets: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<SeedReport> {
  const random = createRandom(opts.seed);
  const rnd = { ...random, int: (min: number, max: number) => min + random.int(max - min + 1) };
  const start = Date.now();
  const agentPassword = 'demo password 2026';
  // Agents, in a Support group with the ticket and customer permissions.
  const agents: Actor[] = [];
  const agentReport: SeedReport['agents'] = [];
  for (const a of DEMO_AGENTS) {
    const existing = await services.accounts.findUserByEmail(a.email);
    const user =
      existing ?? (await services.users.createByOperator({ ...a, password: agentPassword, admin: false }));
    agentReport.push({ email: a.email, created: !existing });
    agents.push(actorOf({ id: user.id, email: a.email, name: a.name, language: a.language }));
  }
  // Setup changes are made (and audited) in the name of an administrator, or of the first agent.
  const [admin] = await services.accounts.usersWithPermission(['admin']);
  const first = agents[0];
  if (!first) throw new Error('no demo agent');
  const system = admin ? actorOf({ ...admin, language: 'fr' }) : first;
  const supportName = 'Support (demo)';
  const support = await services.accounts.findGroupByName(supportName);
  const supportPermissions = PERMISSIONS.filter((p) => p !== 'admin');
  if (!support) {
    await services.groups.create(system, {
      name: supportName,
      description: 'Demo agents',
      permissions: [...supportPermissions],
      memberIds: agents.map((a) => a.userId),
    });
  }

  // Customers.
  const customers: { id: number; contacts: number[] }[] = [];
  let contactCount = 0;
  // A second run adds tickets to the customers of the first one instead of duplicating them.
  const known = await services.db.kysely
    .selectFrom('thirdparties as t')
    .leftJoin('contacts as c', 'c.thirdparty_id', 't.id')
    .select(['t.id', 't.name', 'c.id as contact_id'])
    .where('t.name', 'in', DEMO_COMPANIES)
    .orderBy('t.id')
    .execute();
  for (const [i, name] of DEMO_COMPANIES.entries()) {
    const existing = known.filter((k) => k.name === name);
    const first = existing[0];
    if (first) {
      customers.push({
        id: first.id,
        contacts: existing.flatMap((k) => (k.contact_id === null ? [] : [k.contact_id])),
      });
      continue;
    }
    clock.set(start - 200 * DAY + i * DAY);
    const domain = `${name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.example`;
    const tp = await services.customers.createThirdparty(system, {
      name,
      code: null,
      email: `contact@${domain}`,
      phone: `+33 1 ${rnd.int(40, 79)} ${rnd.int(10, 99)} ${rnd.int(10, 99)} ${rnd.int(10, 99)}`,
      address: `${rnd.int(1, 120)} rue ${rnd.pick(['de la République', 'Victor-Hugo', 'des Lilas', 'du Commerce', 'Pasteur'])}`,
      notes: null,
    });
    const contacts: number[] = [];
    for (let c = 0; c < rnd.int(1, 3); c++) {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      const contact = await services.customers.createContact(system, {
        thirdpartyId: tp.id,
        name: `${first} ${last}`,
        email: `${first.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${last.toLowerCase()}${c}@${domain}`,
        phone: null,
        role: rnd.pick(ROLES),
      });
      contacts.push(contact.id);
      contactCount++;
    }
    customers.push({ id: tp.id, contacts });
  }

  // Tickets, oldest first, each with its own small story.
  let messages = 0;
  for (let i = 0; i < opts.tickets; i++) {
    const age = (opts.tickets - i) / opts.tickets; // 1 → oldest
    clock.set(start - Math.floor(age * 120 * DAY) - rnd.int(0, 8) * HOUR);
    const [subject, text, typeCode, severityCode] = rnd.pick(DEMO_REQUESTS);
    const customer = rnd.next() < 0.85 ? rnd.pick(customers) : undefined;
    const author = rnd.pick(agents);
    const ticket = await services.tickets.create(author, {
      subject,
      message: `<p>${text}</p>`,
      typeCode,
      severityCode,
      origin: rnd.pick(['staff', 'phone', 'phone', 'api'] as const),
      thirdpartyId: customer?.id ?? null,
      contactId:
        customer && customer.contacts.length > 0 && rnd.next() < 0.8 ? rnd.pick(customer.contacts) : null,
      unread: rnd.next() < 0.35,
    });
    const recent = age < 0.15;
    // Older tickets have moved further along the workflow.
    const fate = recent ? rnd.next() * 0.6 : rnd.next();
    if (fate < 0.12) {
      opts.onProgress?.(i + 1, opts.tickets);
      continue; // still unread or just recorded
    }
    const assignee = rnd.pick(agents);
    clock.advance(rnd.int(1, 20) * HOUR);
    if (ticket.status === 'unread') await services.tickets.markRead(assignee, ticket.id, {});
    await services.tickets.assign(author, ticket.id, { userId: assignee.userId });
    if (fate > 0.25) {
      clock.advance(rnd.int(1, 30) * HOUR);
      await services.tickets.addMessage(assignee, ticket.id, {
        body: rnd.pick(STAFF_REPLIES),
        private: false,
        sendByEmail: false,
        attachmentIds: [],
      });
      messages++;
    }
    if (rnd.next() < 0.4) {
      clock.advance(rnd.int(1, 10) * HOUR);
      await services.tickets.addMessage(assignee, ticket.id, {
        body: rnd.pick(PRIVATE_NOTES),
        private: true,
        sendByEmail: false,
        attachmentIds: [],
      });
      messages++;
    }
    if (fate > 0.4 && fate <= 0.5)
      await services.tickets.setStatus(assignee, ticket.id, { status: 'waiting' });
    if (fate > 0.5) {
      clock.advance(rnd.int(2, 96) * HOUR);
      await services.tickets.close(assignee, ticket.id, {
        resolution: rnd.next() < 0.9 ? 'solved' : 'abandoned',
        notifyCustomer: false,
      });
    }
    opts.onProgress?.(i + 1, opts.tickets);
  }
  clock.set(Date.now());
  return {
    agents: agentReport,
    agentPassword,
    thirdparties: customers.length,
    contacts: contactCount,
    tickets: opts.tickets,
    messages,
  };
}
