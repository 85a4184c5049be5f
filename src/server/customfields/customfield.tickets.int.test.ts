import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomFieldType } from '../../common/customFields.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import {
  historyOf,
  newTicket,
  openTicketApp,
  ticketApi,
  userWith,
  writeCounts,
  type TicketApi,
} from '../tickets/ticket.fixtures.js';
import { defineField, issuesOf, patchField } from './customfield.fixtures.js';

/** One good value per type, what is stored of it, and bad values with the issue each gets. */
const CASES: [CustomFieldType, unknown, unknown, [unknown, string][]][] = [
  [
    'text',
    '  Serial 42 ',
    'Serial 42',
    [
      [12, 'invalid'],
      ['a\nb', 'invalid'],
    ],
  ],
  [
    'textarea',
    'Line 1\r\nLine 2',
    'Line 1\nLine 2',
    [
      [{}, 'invalid'],
      ['x'.repeat(10_001), 'invalid'],
    ],
  ],
  [
    'number',
    '12,5',
    12.5,
    [
      ['twelve', 'invalid'],
      [true, 'invalid'],
    ],
  ],
  [
    'date',
    '2026-12-31',
    '2026-12-31',
    [
      ['2026-02-30', 'invalid'],
      ['31/12/2026', 'invalid'],
    ],
  ],
  [
    'select',
    'gold',
    'gold',
    [
      ['tin', 'not_an_option'],
      [['gold'], 'invalid'],
    ],
  ],
  [
    'multiselect',
    ['bronze', 'gold'],
    ['gold', 'bronze'],
    [
      [['gold', 'tin'], 'not_an_option'],
      ['gold', 'invalid'],
    ],
  ],
  [
    'checkbox',
    true,
    true,
    [
      ['yes', 'invalid'],
      [1, 'invalid'],
    ],
  ],
  [
    'email',
    'Claire@Client.Example',
    'claire@client.example',
    [
      ['claire@', 'invalid'],
      [['a@b.c'], 'invalid'],
    ],
  ],
  [
    'url',
    'https://example.com/x',
    'https://example.com/x',
    [
      ['ftp://example.com', 'invalid'],
      ['nope', 'invalid'],
    ],
  ],
  [
    'phone',
    '+33 1 23 45 67 89',
    '+33 1 23 45 67 89',
    [
      ['call me', 'invalid'],
      [33123, 'invalid'],
    ],
  ],
];

for (const engine of ENGINES) {
  describe(`custom field values on tickets (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let api: TicketApi;
    beforeAll(async () => {
      ({ t, admin, api } = await openTicketApp(engine));
      for (const [type] of CASES) await defineField(admin, `f_${type}`, type, { group: 'IN' });
    });
    afterAll(async () => {
      await t.close();
    });

    const values = (pick: (c: (typeof CASES)[number]) => unknown) =>
      Object.fromEntries(CASES.map((c) => [`f_${c[0]}`, pick(c)]));

    it('POST /tickets stores a good value of each of the 10 types, normalized, and GET answers them', async () => {
      const ticket = await newTicket(admin, { customFields: values((c) => c[1]) });
      expect(ticket.customFields).toEqual(values((c) => c[2]));
      expect((await api.get(ticket.id)).json<Ticket>().customFields).toEqual(values((c) => c[2]));
    });

    it('refuses a bad value of each type with 400 invalid_custom_field naming the field; nothing written', async () => {
      const before = await writeCounts(t);
      for (const [type, , , bad] of CASES) {
        for (const [value, code] of bad) {
          const res = await api.create({
            subject: 'S',
            message: 'M',
            customFields: { [`f_${type}`]: value },
          });
          expect([type, value, issuesOf(res)]).toEqual([type, value, [[`f_${type}`, code]]]);
        }
      }
      // Every issue at once, and unknown keys too.
      const res = await api.create({
        subject: 'S',
        message: 'M',
        customFields: { f_number: 'x', f_date: 'y', typo: 'z' },
      });
      expect(issuesOf(res)).toEqual([
        ['f_number', 'invalid'],
        ['f_date', 'invalid'],
        ['typo', 'unknown'],
      ]);
      expect(await writeCounts(t)).toEqual(before);
    });

    it('the staff form: a required IN field blocks creation, a required OUT one does not, OUT keys are refused', async () => {
      const inside = await defineField(admin, 'asset_tag', 'text', { group: 'IN', required: true });
      const outside = await defineField(admin, 'customer_ref', 'text', { group: 'OUT', required: true });
      const shared = await defineField(admin, 'site', 'select', { group: 'BOTH', required: true });
      try {
        expect(issuesOf(await api.create({ subject: 'S', message: 'M' }))).toEqual([
          ['asset_tag', 'required'],
          ['site', 'required'],
        ]);
        const out = await api.create({
          subject: 'S',
          message: 'M',
          customFields: { asset_tag: 'A-1', site: 'gold', customer_ref: 'C-9' },
        });
        expect(issuesOf(out)).toEqual([['customer_ref', 'not_in_form']]);
        const ok = await newTicket(admin, { customFields: { asset_tag: 'A-1', site: 'silver', f_text: '' } });
        expect(ok.customFields).toEqual({ asset_tag: 'A-1', site: 'silver' });
        // Staff fill an OUT value by editing the ticket.
        const edited = await api.patch(ok.id, { version: ok.version, customFields: { customer_ref: 'C-9' } });
        expect(edited.json<Ticket>().customFields).toMatchObject({ customer_ref: 'C-9' });
      } finally {
        for (const f of [inside, outside, shared]) await patchField(admin, f.id, { active: false });
      }
    });

    it('PATCH merges: given keys replace, null or empty clears, others are kept; the journal names only changes', async () => {
      const ticket = await newTicket(admin, {
        customFields: { f_text: 'keep', f_number: 1, f_select: 'gold', f_multiselect: ['gold'] },
      });
      const res = await api.patch(ticket.id, {
        version: ticket.version,
        customFields: {
          f_number: '2',
          f_select: null,
          f_multiselect: [],
          f_date: '2027-01-02',
          f_text: 'keep',
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json<Ticket>();
      expect(after.customFields).toEqual({ f_text: 'keep', f_number: 2, f_date: '2027-01-02' });
      expect(after.version).toBe(ticket.version + 1);
      const line = (await historyOf(admin, ticket.id)).find((h) => h.field === 'customFields');
      expect(line).toMatchObject({
        kind: 'field_changed',
        oldValue: { f_number: 1, f_select: 'gold', f_multiselect: ['gold'], f_date: null },
        newValue: { f_number: 2, f_select: null, f_multiselect: null, f_date: '2027-01-02' },
      });
      // The same values again change nothing: no new version, no journal line.
      const again = await api.patch(ticket.id, {
        version: after.version,
        customFields: { f_number: 2, f_text: 'keep', f_select: null },
      });
      expect(again.json<Ticket>().version).toBe(after.version);
      const bad = await api.patch(ticket.id, { version: after.version, customFields: { f_number: 'lots' } });
      expect(issuesOf(bad)).toEqual([['f_number', 'invalid']]);
    });

    it('a required field cannot be cleared by an edit', async () => {
      const f = await defineField(admin, 'po_number', 'text', { group: 'IN', required: true });
      const ticket = await newTicket(admin, { customFields: { po_number: 'PO-1' } });
      const res = await api.patch(ticket.id, { version: ticket.version, customFields: { po_number: '' } });
      expect(issuesOf(res)).toEqual([['po_number', 'required']]);
      await patchField(admin, f.id, { active: false });
    });

    it('deactivating a field keeps the values tickets hold and refuses new ones', async () => {
      const f = await defineField(admin, 'warranty', 'checkbox', { group: 'BOTH' });
      const ticket = await newTicket(admin, { customFields: { warranty: true } });
      await patchField(admin, f.id, { active: false });
      const kept = (await api.get(ticket.id)).json<Ticket>();
      expect(kept.customFields).toMatchObject({ warranty: true });
      expect(
        issuesOf(await api.create({ subject: 'S', message: 'M', customFields: { warranty: true } })),
      ).toEqual([['warranty', 'inactive']]);
      const change = await api.patch(ticket.id, { version: kept.version, customFields: { warranty: false } });
      expect(issuesOf(change)).toEqual([['warranty', 'inactive']]);
      // A form sending back every value it shows is not refused for the inactive one it did not change.
      const resend = await api.patch(ticket.id, {
        version: kept.version,
        customFields: { warranty: true, f_text: 'new' },
      });
      expect(resend.statusCode, resend.body).toBe(200);
      expect(resend.json<Ticket>().customFields).toMatchObject({ warranty: true, f_text: 'new' });
    });

    it('agents edit values with ticket.write; readers cannot', async () => {
      const reader = ticketApi(await userWith(t, admin, ['ticket.read']));
      const ticket = await newTicket(admin);
      const res = await reader.patch(ticket.id, { version: ticket.version, customFields: { f_text: 'x' } });
      expect(res.statusCode).toBe(403);
    });
  });
}
