import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { parseCsv } from '../../../test/helpers/csv.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, openTicketApp, type ErrorAnswer } from '../tickets/ticket.fixtures.js';
import { allPages, ids, listPage, listUrl } from '../tickets/ticket.list.fixtures.js';
import { defineField, patchField } from './customfield.fixtures.js';

for (const engine of ENGINES) {
  describe(`custom fields in the ticket list and export (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let A: Ticket, B: Ticket, C: Ticket, D: Ticket;
    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      await defineField(admin, 'site', 'text');
      await defineField(admin, 'notes', 'textarea');
      await defineField(admin, 'qty', 'number');
      await defineField(admin, 'due', 'date');
      await defineField(admin, 'level', 'select');
      await defineField(admin, 'metals', 'multiselect');
      await defineField(admin, 'urgent', 'checkbox');
      await defineField(admin, 'mail', 'email');
      await defineField(admin, 'link', 'url');
      await defineField(admin, 'tel', 'phone');
      A = await newTicket(admin, {
        subject: 'A',
        customFields: {
          site: 'Électricité Générale',
          notes: 'Line one\nline "two", end',
          qty: 5,
          due: '2026-01-15',
          level: 'gold',
          metals: ['gold', 'silver'],
          urgent: true,
          mail: 'ops@acme.example',
          link: 'https://acme.example/door',
          tel: '+33 1 23 45 67 89',
        },
      });
      B = await newTicket(admin, {
        subject: 'B',
        customFields: {
          site: '100% done_ok',
          qty: 12.5,
          due: '2026-03-01',
          level: 'silver',
          metals: ['bronze'],
          urgent: false,
        },
      });
      C = await newTicket(admin, { subject: 'C', customFields: { qty: -2, level: 'bronze', tel: '0611' } });
      D = await newTicket(admin, { subject: 'D' });
    });
    afterAll(async () => t.close());

    const found = async (query: Record<string, string>) => ids(await allPages(admin, query));
    const error = async (query: Record<string, string>) => {
      const res = await admin.request({ method: 'GET', url: listUrl(query) });
      return [res.statusCode, res.json<ErrorAnswer>().error.code];
    };

    it('text types contain the text, ignoring case (accented letters too); % and _ are plain characters', async () => {
      expect(await found({ 'cf.site': 'électricité' })).toEqual(ids([A]));
      expect(await found({ 'cf.site': 'GÉNÉ' })).toEqual(ids([A]));
      expect(await found({ 'cf.site': '%' })).toEqual(ids([B]));
      expect(await found({ 'cf.site': 'do_e' })).toEqual([]);
      expect(await found({ 'cf.site': 'done_ok' })).toEqual(ids([B]));
      expect(await found({ 'cf.notes': 'LINE "TWO"' })).toEqual(ids([A]));
      expect(await found({ 'cf.mail': 'acme' })).toEqual(ids([A]));
      expect(await found({ 'cf.link': 'DOOR' })).toEqual(ids([A]));
      expect(await found({ 'cf.tel': '06' })).toEqual(ids([C]));
    });

    it('select equals one of a comma list; multiselect holds any of a comma list', async () => {
      expect(await found({ 'cf.level': 'gold' })).toEqual(ids([A]));
      expect(await found({ 'cf.level': 'gold,bronze' })).toEqual(ids([A, C]));
      expect(await found({ 'cf.metals': 'silver' })).toEqual(ids([A]));
      expect(await found({ 'cf.metals': 'bronze,silver' })).toEqual(ids([A, B]));
      expect(await found({ 'cf.metals': 'tin' })).toEqual([]);
    });

    it('checkbox true finds ticked boxes; false finds unticked and unset ones', async () => {
      expect(await found({ 'cf.urgent': 'true' })).toEqual(ids([A]));
      expect(await found({ 'cf.urgent': 'false' })).toEqual(ids([B, C, D]));
    });

    it('numbers and dates equal a value or lie within min..max, either bound left out', async () => {
      expect(await found({ 'cf.qty': '5' })).toEqual(ids([A]));
      expect(await found({ 'cf.qty': '12,5' })).toEqual(ids([B]));
      expect(await found({ 'cf.qty': '-5..5' })).toEqual(ids([A, C]));
      expect(await found({ 'cf.qty': '6..' })).toEqual(ids([B]));
      expect(await found({ 'cf.qty': '..0' })).toEqual(ids([C]));
      expect(await found({ 'cf.due': '2026-01-15' })).toEqual(ids([A]));
      expect(await found({ 'cf.due': '2026-01-16..2026-12-31' })).toEqual(ids([B]));
      expect(await found({ 'cf.due': '..2026-03-01' })).toEqual(ids([A, B]));
    });

    it('combines with other filters and pages with its cursor; an inactive field still filters', async () => {
      const page = await listPage(admin, {
        'cf.level': 'gold,silver,bronze',
        limit: 1,
        sort: 'ref',
        order: 'asc',
      });
      expect(page.total).toBe(3);
      expect(await found({ 'cf.level': 'gold,silver,bronze', 'cf.qty': '0..', limit: '1' })).toEqual(
        ids([A, B]),
      );
      expect(await found({ 'cf.level': 'gold,silver,bronze', q: 'B' })).toEqual(ids([B]));
      const other = await listPage(admin, { 'cf.level': 'gold', limit: 1 });
      const mixed = await admin.request({
        method: 'GET',
        url: listUrl({ 'cf.level': 'silver', limit: 1, cursor: page.nextCursor ?? '' }),
      });
      expect([other.total, mixed.statusCode]).toEqual([1, 400]);
      const urgent = (await admin.request({ method: 'GET', url: '/api/v1/custom-fields' }))
        .json<{ items: { id: number; key: string }[] }>()
        .items.find((f) => f.key === 'urgent');
      await patchField(admin, urgent?.id ?? 0, { active: false });
      expect(await found({ 'cf.urgent': 'true' })).toEqual(ids([A]));
      await patchField(admin, urgent?.id ?? 0, { active: true });
    });

    it('an unknown key is 400 unknown_custom_field; a value unfit for the type is 400 validation_error', async () => {
      expect(await error({ 'cf.nope': 'x' })).toEqual([400, 'unknown_custom_field']);
      for (const [key, value] of [
        ['qty', 'many'],
        ['qty', '..'],
        ['qty', '1..2..3'],
        ['due', '2026-02-30'],
        ['due', 'yesterday..'],
        ['urgent', 'yes'],
        ['site', '  '],
        ['level', ' , '],
      ] as const) {
        expect([key, value, ...(await error({ [`cf.${key}`]: value }))]).toEqual([
          key,
          value,
          400,
          'validation_error',
        ]);
      }
    });

    it('the CSV export has one column per field, by position, labelled in the caller’s language', async () => {
      const res = await admin.request({
        method: 'GET',
        url: '/api/v1/tickets/export.csv?sort=ref&order=asc',
      });
      expect(res.statusCode).toBe(200);
      const [header = [], ...rows] = parseCsv(res.body.slice(1));
      const keys = ['site', 'notes', 'qty', 'due', 'level', 'metals', 'urgent', 'mail', 'link', 'tel'];
      expect(header.slice(-10)).toEqual(keys.map((k) => `${k} (fr)`));
      expect(rows.map((r) => r.slice(-10))).toEqual([
        [
          'Électricité Générale',
          'Line one\nline "two", end',
          '5',
          '2026-01-15',
          'Or',
          'Or, Argent',
          'Oui',
          'ops@acme.example',
          'https://acme.example/door',
          // A leading + would be read as a formula by spreadsheets: defused like any other cell.
          "'+33 1 23 45 67 89",
        ],
        ['100% done_ok', '', '12.5', '2026-03-01', 'Argent', 'Bronze', 'Non', '', '', ''],
        ['', '', '-2', '', 'Bronze', '', '', '', '', '0611'],
        ['', '', '', '', '', '', '', '', '', ''],
      ]);
      const filtered = await admin.request({
        method: 'GET',
        url: '/api/v1/tickets/export.csv?cf.level=bronze',
      });
      expect(parseCsv(filtered.body.slice(1))).toHaveLength(2);
    });
  });
}
