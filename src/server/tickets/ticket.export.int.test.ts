import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { parseCsv } from '../../../test/helpers/csv.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, userWith } from './ticket.fixtures.js';
import { allPages, seedListData, type ListData } from './ticket.list.fixtures.js';

for (const engine of ENGINES) {
  describe(`ticket CSV export (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let d: ListData;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      d = await seedListData(t, admin);
    });
    afterAll(async () => t.close());

    const exportCsv = (s: Session, query = '') =>
      s.request({ method: 'GET', url: `/api/v1/tickets/export.csv${query}` });

    it('exports the list as filtered and sorted: BOM, header, one row per ticket, as an attachment', async () => {
      const res = await exportCsv(admin, '?status=all&sort=ref&order=asc');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const date = t.clock.now().toISOString().slice(0, 10);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="tickets-${date}.csv"`);
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const [header, ...rows] = parseCsv(res.body.slice(1));
      expect(header).toEqual([
        'Référence',
        'Sujet',
        'Statut',
        'Résolution',
        'Type',
        'Catégorie',
        'Sévérité',
        'Assigné à',
        'Tiers',
        'Origine',
        'Créé le',
        'Modifié le',
        'Lu le',
        'Clôturé le',
        'Avancement',
        'Durée (minutes)',
      ]);
      const listed = await allPages(admin, { status: 'all', sort: 'ref', order: 'asc' });
      expect(rows.map((r) => r[0])).toEqual(listed.map((i) => i.ref));
      const closed = rows.find((r) => r[0] === d.tickets.closed.ref);
      expect(closed).toEqual([
        d.tickets.closed.ref,
        'Badgeuse bloquée',
        'closed',
        'solved',
        'HELP',
        'OTHER',
        'NORMAL',
        '',
        'Dupont & Fils',
        'staff',
        d.tickets.closed.createdAt,
        expect.any(String),
        d.tickets.closed.createdAt,
        expect.any(String),
        '100',
        '0',
      ]);
      const filtered = parseCsv((await exportCsv(admin, '?q=dupont&searchIn=company')).body.slice(1));
      expect(filtered.slice(1).map((r) => r[0])).toEqual([d.tickets.vpn.ref]);
    });

    it('quotes as RFC 4180 asks and defuses cells a spreadsheet would run as formulas', async () => {
      const nasty = [
        '=HYPERLINK("http://evil.example","clic")',
        '+33 1 23',
        '-2+3',
        '@SUM(A1)',
        'Virgule, "guillemets"',
      ];
      for (const subject of nasty) await newTicket(admin, { subject, message: '<p>x</p>' });
      const rows = parseCsv((await exportCsv(admin, '?sort=ref&order=desc')).body.slice(1)).slice(
        1,
        1 + nasty.length,
      );
      expect(rows.map((r) => r[1]).reverse()).toEqual([
        `'=HYPERLINK("http://evil.example","clic")`,
        `'+33 1 23`,
        `'-2+3`,
        `'@SUM(A1)`,
        'Virgule, "guillemets"',
      ]);
      const raw = (await exportCsv(admin, '?sort=ref&order=desc')).body;
      expect(raw).toContain('"\'=HYPERLINK(""http://evil.example"",""clic"")"');
      expect(raw).toContain('"Virgule, ""guillemets"""');
    });

    it('writes the header in the language of the user', async () => {
      const english = await userWith(t, admin, ['ticket.read', 'ticket.export']);
      const set = await admin.request({
        method: 'PATCH',
        url: `/api/v1/users/${english.userId}`,
        payload: { language: 'en' },
      });
      expect(set.statusCode).toBe(200);
      const again = english;
      const [header] = parseCsv((await exportCsv(again)).body.slice(1));
      expect(header?.slice(0, 3)).toEqual(['Ref', 'Subject', 'Status']);
    });

    it('needs ticket.export (403 with ticket.read alone), and checks the query like the list', async () => {
      const reader = await userWith(t, admin, ['ticket.read']);
      const res = await exportCsv(reader);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await exportCsv(admin, '?colour=red')).statusCode).toBe(400);
      expect((await exportCsv(admin, '?cf.x=1')).json()).toMatchObject({
        error: { code: 'unknown_custom_field' },
      });
    });
  });
}
