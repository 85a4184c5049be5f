import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, ticketApi } from './ticket.fixtures.js';
import { allPages, ids, listPage, seedListData, type ListData } from './ticket.list.fixtures.js';
import { DRIVING_BELOW, TOTAL_CAP } from './ticket.list.service.js';

for (const engine of ENGINES) {
  describe(`ticket search (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let d: ListData;
    let T: ListData['tickets'];
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      d = await seedListData(t, admin);
      T = d.tickets;
    });
    afterAll(async () => t.close());

    const search = async (query: Record<string, string | number>) => ids(await allPages(admin, query));

    it('subject: words of the subject, as prefixes, ignoring case and accents', async () => {
      expect(await search({ q: 'imprim', searchIn: 'subject' })).toEqual([T.printer.id]);
      expect(await search({ q: 'ECRAN', searchIn: 'subject' })).toEqual(ids([T.twinA, T.twinB, T.twinC]));
      expect(await search({ q: 'reseau panne', searchIn: 'subject' })).toEqual([T.printer.id]);
      expect(await search({ q: 'réseau facture', searchIn: 'subject' })).toEqual([]);
      expect(await search({ q: 'dupont', searchIn: 'subject' })).toEqual([]);
    });

    it("company: words of the third party's name, ignoring case and accents", async () => {
      expect(await search({ q: 'Dupont', searchIn: 'company' })).toEqual([T.vpn.id]);
      expect(await search({ q: 'dupont', searchIn: 'company', status: 'all' })).toEqual(
        ids([T.vpn, T.closed]),
      );
      expect(await search({ q: 'generale reseaux', searchIn: 'company' })).toEqual(ids([T.printer, T.noted]));
      expect(await search({ q: 'LEFEVRE', searchIn: 'company' })).toEqual([T.invoice.id]);
      expect(await search({ q: 'imprimante', searchIn: 'company' })).toEqual([]);
    });

    it('both (the default): either the subject or the company name', async () => {
      expect(await search({ q: 'reseau' })).toEqual(ids([T.printer, T.noted]));
      expect(await search({ q: 'dupont vpn', searchIn: 'both' })).toEqual([T.vpn.id]);
      expect(await search({ q: 'garage', searchIn: 'both' })).toEqual([T.invoice.id]);
    });

    it('full text: subject, description and every message, private notes included, accents folded', async () => {
      expect(await search({ text: 'coupe matin' })).toEqual([T.printer.id]);
      expect(await search({ text: 'garantie' })).toEqual([T.noted.id]);
      expect(await search({ text: 'CABLAGE' })).toEqual([T.noted.id]);
      expect(await search({ text: 'sauvegard' })).toEqual([T.waiting.id]);
      expect(await search({ text: 'badgeuse', status: 'closed' })).toEqual([T.closed.id]);
      expect(await search({ text: 'girafe' })).toEqual([]);
    });

    it('search combines with filters, with the other search and with any sort', async () => {
      expect(await search({ q: 'reseau', text: 'garantie' })).toEqual([T.noted.id]);
      expect(await search({ q: 'reseau', severity: 'HIGH' })).toEqual([T.printer.id]);
      const bySubject = await allPages(admin, { q: 'reseau', sort: 'subject', order: 'asc', limit: 1 });
      expect(bySubject.map((i) => i.subject)).toEqual(['Imprimante réseau en panne', 'Poste lent']);
    });

    it('the index follows edits: a new subject, a new message', async () => {
      const api = ticketApi(admin);
      const vpn = (await api.get(T.vpn.id)).json<{ version: number }>();
      expect(
        (await api.patch(T.vpn.id, { version: vpn.version, subject: 'Accès distant impossible' })).statusCode,
      ).toBe(200);
      expect(await search({ q: 'distant', searchIn: 'subject' })).toEqual([T.vpn.id]);
      expect(await search({ q: 'vpn', searchIn: 'subject' })).toEqual([]);
      expect(await search({ text: 'zebre' })).toEqual([]);
      expect((await api.post(T.invoice.id, { body: '<p>Un zèbre dans la facture</p>' })).statusCode).toBe(
        201,
      );
      expect(await search({ text: 'zèbre' })).toEqual([T.invoice.id]);
      const fresh = await newTicket(admin, { subject: 'Onduleur bruyant', message: '<p>Il bipe.</p>' });
      expect(await search({ q: 'ondul' })).toEqual([fresh.id]);
    });

    it('a word prefix finds every word it begins, including words the index learns later', async () => {
      const first = await newTicket(admin, {
        subject: 'Zorglubien en panne',
        message: '<p>Le zorglubien.</p>',
      });
      expect(await search({ q: 'zorglub', searchIn: 'subject' })).toEqual([first.id]);
      if (engine === 'sqlite') {
        // As after the migration that listed the words of existing tickets: the prefix now stands for the
        // words known so far, and the words of what is written next must join them.
        await sql`INSERT OR IGNORE INTO ticket_search_terms (term) VALUES ('zorglubien')`.execute(
          t.testDb.db.kysely,
        );
      }
      const second = await newTicket(admin, { subject: 'Zorglubisation', message: '<p>Zorglubisée.</p>' });
      const reply = await ticketApi(admin).post(first.id, { body: '<p>Zorglubophone changé</p>' });
      expect(reply.statusCode).toBe(201);
      expect(await search({ q: 'zorglub', searchIn: 'subject' })).toEqual(ids([second, first]));
      expect(await search({ text: 'ZORGLUB' })).toEqual(ids([second, first]));
      expect(await search({ text: 'zorglubophone' })).toEqual([first.id]);
      expect(await search({ text: 'zorglubis' })).toEqual([second.id]);
    });

    it('a prefix that begins many words still finds them all', async () => {
      const words = Array.from({ length: 40 }, (_, i) => `quokka${String.fromCharCode(97 + (i % 26))}${i}`);
      const made = [];
      for (let i = 0; i < 4; i++) {
        made.push(
          await newTicket(admin, {
            subject: `Lot ${i}`,
            message: `<p>${words.slice(i * 10, i * 10 + 10).join(' ')}</p>`,
          }),
        );
      }
      expect(await search({ text: 'quokka' })).toEqual(ids([...made].reverse()));
      expect(await search({ text: 'quokkaz25' })).toEqual([made[2]!.id]);
    });

    it('search syntax in the input is inert: quotes, operators, wildcards find words or nothing, never fail', async () => {
      for (const q of [
        '"',
        '*',
        'imprimante OR vpn',
        'NEAR(a b)',
        '{subject}: x',
        "l'imprimante",
        '%_\\',
        'a:*B & !b',
        '-réseau',
      ]) {
        for (const query of [
          { q },
          { q, searchIn: 'subject' },
          { q, searchIn: 'company' },
          { text: q },
        ] as Record<string, string>[]) {
          const res = await admin.request({
            method: 'GET',
            url: `/api/v1/tickets?${new URLSearchParams(query).toString()}`,
          });
          expect(res.statusCode, JSON.stringify(query)).toBe(200);
        }
      }
      expect(await search({ q: "l'imprimante", searchIn: 'subject' })).toEqual([]);
      expect(await search({ q: '-réseau', searchIn: 'subject' })).toEqual([T.printer.id]);
      expect((await listPage(admin, { q: '"*"' })).total).toBe(0);
    });

    it(`a word in more than ${DRIVING_BELOW} tickets: the pages still visit each once, the total stops at ${TOTAL_CAP}`, async () => {
      const now = t.clock.now().toISOString();
      // 1,200 tickets written in one statement: the triggers index them like any other.
      await sql`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
        INSERT INTO tickets (ref, track_id, subject, message, message_text, type_code, category_code, severity_code,
          severity_rank, status, is_open, origin, progress, duration_minutes, custom_fields, version, created_at, updated_at, read_at)
        SELECT 'BULK-' || i, 'TRACK-BULK-' || i, 'Masse ' || i, '<p>Commun</p>', 'Texte commun ' || i, 'HELP', 'OTHER', 'NORMAL',
          20, CASE WHEN i % 12 = 0 THEN 'closed' ELSE 'read' END, i % 12 <> 0, 'api', 0, 0, '{}', 1, ${now}, ${now}, ${now}
        FROM n`.execute(t.services.db.kysely);
      const first = await listPage(admin, { q: 'masse', limit: 50 });
      expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
      // Counted by the words whole first: a beginning of word matches no word whole, and still counts.
      expect(await listPage(admin, { q: 'mass', limit: 50 })).toMatchObject({
        total: TOTAL_CAP,
        totalCapped: true,
      });
      expect(await listPage(admin, { text: 'commu', status: 'closed' })).toMatchObject({
        total: 100,
        totalCapped: false,
      });
      const open = await allPages(admin, { q: 'masse', limit: 200 });
      expect(new Set(open.map((i) => i.id)).size).toBe(1100);
      const text = await allPages(admin, {
        text: 'commun',
        status: 'all',
        sort: 'subject',
        order: 'asc',
        limit: 200,
      });
      expect(new Set(text.map((i) => i.id)).size).toBe(1200);
      expect(text.map((i) => i.subject)).toEqual(text.map((i) => i.subject).sort());
      const few = await listPage(admin, { text: 'commun', status: 'closed' });
      expect(few).toMatchObject({ total: 100, totalCapped: false });
      const stats = (await admin.request({ method: 'GET', url: '/api/v1/tickets/stats' })).json<{
        byStatus: Record<string, number>;
      }>();
      expect(stats.byStatus.closed).toBe(101);
    });

    it('a frequent word sorted by creation or reference: the pages keep order when creation dates do not follow ids', async () => {
      // 1,300 tickets whose creation dates are shuffled against their ids (an import, clocks that disagree):
      // the list's shortcut for walks by creation must fall back to the whole search and miss none.
      const start = Date.parse('2026-05-01T00:00:00.000Z');
      const rows = Array.from({ length: 1300 }, (_, k) => {
        const i = k + 1;
        const at = new Date(start + ((i * 7919) % 1300) * 60_000).toISOString();
        return {
          ref: `MIX-${i}`,
          track_id: `TRACK-MIX-${i}`,
          subject: `Melange ${i}`,
          message: '<p>Brassage</p>',
          message_text: `Brassage ${i}`,
          type_code: 'HELP',
          category_code: 'OTHER',
          severity_code: 'NORMAL',
          severity_rank: 20,
          status: i % 10 === 0 ? ('closed' as const) : ('read' as const),
          is_open: i % 10 !== 0,
          origin: 'api' as const,
          progress: 0,
          duration_minutes: 0,
          custom_fields: '{}',
          version: 1,
          created_at: at,
          updated_at: at,
          read_at: at,
        };
      });
      for (let i = 0; i < rows.length; i += 200) {
        await t.services.db.kysely
          .insertInto('tickets')
          .values(rows.slice(i, i + 200))
          .execute();
      }
      const inDb = await t.services.db.kysely
        .selectFrom('tickets')
        .select(['id', 'created_at', 'is_open'])
        .where('ref', 'like', 'MIX-%')
        .execute();
      const byCreation = [...inDb].sort(
        (x, y) => String(x.created_at).localeCompare(String(y.created_at)) || x.id - y.id,
      );
      const open = (r: { is_open: boolean }) => Boolean(r.is_open);
      const expected = {
        createdDesc: byCreation
          .filter(open)
          .map((r) => r.id)
          .reverse(),
        createdAsc: byCreation.filter(open).map((r) => r.id),
        allCreatedDesc: byCreation.map((r) => r.id).reverse(),
        refDesc: inDb
          .filter(open)
          .map((r) => r.id)
          .sort((x, y) => y - x),
      };
      const pages = async (query: Record<string, string | number>) =>
        (await allPages(admin, { limit: 25, ...query })).map((i) => i.id);
      for (const words of [{ text: 'brassage' }, { q: 'melange', searchIn: 'subject' }] as Record<
        string,
        string
      >[]) {
        expect(await pages({ ...words, sort: 'createdAt', order: 'desc' })).toEqual(expected.createdDesc);
        expect(await pages({ ...words, sort: 'createdAt', order: 'asc' })).toEqual(expected.createdAsc);
        expect(await pages({ ...words, sort: 'ref', order: 'desc' })).toEqual(expected.refDesc);
      }
      expect(await pages({ text: 'brassage', status: 'all', sort: 'createdAt', order: 'desc' })).toEqual(
        expected.allCreatedDesc,
      );
    });
  });
}
