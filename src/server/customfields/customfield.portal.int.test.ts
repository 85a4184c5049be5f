import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import type { PortalConfig, PortalTicket } from '../../common/schemas/portal.schema.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { eml } from '../inbox/inbox.fixtures.js';
import { openPortalApp, portalTicket, staffTicket, ticketInput, visitor } from '../portal/portal.fixtures.js';
import { ticketApi, writeCounts } from '../tickets/ticket.fixtures.js';
import { defineField, issuesOf, OPTIONS, patchField } from './customfield.fixtures.js';

for (const engine of ENGINES) {
  describe(`custom fields on the portal (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let f: Record<string, CustomField>;
    beforeAll(async () => {
      ({ t, admin } = await openPortalApp(engine));
      f = {
        internal: await defineField(admin, 'internal_code', 'text', { group: 'IN', required: true }),
        model: await defineField(admin, 'model', 'select', { group: 'OUT', required: true }),
        serial: await defineField(admin, 'serial', 'text', { group: 'BOTH' }),
        agree: await defineField(admin, 'agree', 'checkbox', { group: 'BOTH', required: true }),
        retired: await defineField(admin, 'retired', 'text', { group: 'OUT' }),
      };
    });
    afterAll(async () => t.close());

    const config = async () => (await visitor(t).get('config')).json<PortalConfig>();

    it('the portal form offers the active OUT and BOTH fields, by position, with both labels', async () => {
      await patchField(admin, f.retired?.id ?? 0, { active: false });
      const fields = (await config()).customFields;
      expect(fields.map((x) => x.key)).toEqual(['model', 'serial', 'agree']);
      expect(fields[0]).toEqual({
        key: 'model',
        label: { fr: 'model (fr)', en: 'model (en)' },
        type: 'select',
        required: true,
        options: OPTIONS,
      });
      await patchField(admin, f.retired?.id ?? 0, { active: true });
    });

    it('a visitor must fill the required OUT and BOTH fields, and cannot send IN ones; nothing is written', async () => {
      const v = visitor(t);
      const before = await writeCounts(t);
      const missing = await v.post('tickets', ticketInput());
      expect(issuesOf(missing)).toEqual([
        ['model', 'required'],
        ['agree', 'required'],
      ]);
      const inside = await v.post(
        'tickets',
        ticketInput({ customFields: { model: 'gold', agree: true, internal_code: 'X' } }),
      );
      expect(issuesOf(inside)).toEqual([['internal_code', 'not_in_form']]);
      const bad = await v.post('tickets', ticketInput({ customFields: { model: 'tin', agree: 'yes' } }));
      expect(issuesOf(bad)).toEqual([
        ['model', 'not_an_option'],
        ['agree', 'invalid'],
      ]);
      expect(await writeCounts(t)).toEqual(before);
    });

    it('the values reach the ticket; the customer sees OUT and BOTH values, never IN ones', async () => {
      const v = visitor(t);
      const created = await portalTicket(
        v,
        ticketInput({ customFields: { model: 'silver', agree: true, serial: ' SN-1 ', retired: 'old' } }),
      );
      const staff = (await staffTicket(admin, created.trackId)) as unknown as Ticket;
      expect(staff.customFields).toEqual({ model: 'silver', agree: true, serial: 'SN-1', retired: 'old' });
      // Staff add an internal value; the portal never shows it.
      const full = (await ticketApi(admin).get(staff.id)).json<Ticket>();
      const patched = await ticketApi(admin).patch(staff.id, {
        version: full.version,
        customFields: { internal_code: 'INT-7' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      // An inactive OUT field still shows the value the ticket holds.
      await patchField(admin, f.retired?.id ?? 0, { active: false });
      const seen = (await v.get(`tickets/${created.trackId}`)).json<PortalTicket>();
      expect(seen.customFields).toEqual([
        { key: 'model', label: f.model?.label, type: 'select', options: OPTIONS, value: 'silver' },
        { key: 'serial', label: f.serial?.label, type: 'text', options: [], value: 'SN-1' },
        { key: 'agree', label: f.agree?.label, type: 'checkbox', options: [], value: true },
        { key: 'retired', label: f.retired?.label, type: 'text', options: [], value: 'old' },
      ]);
      expect(JSON.stringify(seen)).not.toContain('INT-7');
      expect(created.ticket.customFields.map((x) => x.key)).toEqual(['model', 'serial', 'agree', 'retired']);
      // A field moved to IN disappears from the customer's view.
      await patchField(admin, f.serial?.id ?? 0, { group: 'IN' });
      const again = (await v.get(`tickets/${created.trackId}`)).json<PortalTicket>();
      expect(again.customFields.map((x) => x.key)).toEqual(['model', 'agree', 'retired']);
      await patchField(admin, f.serial?.id ?? 0, { group: 'BOTH' });
    });

    it('an email goes through no form: its ticket opens without the required fields', async () => {
      const result = await t.services.mailIngest.ingest(eml({ subject: 'By mail' }), 'pipe');
      expect(result).toMatchObject({ outcome: 'created' });
      const row = await t.services.db.kysely
        .selectFrom('tickets')
        .select(['origin', 'custom_fields'])
        .where('subject', '=', 'By mail')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ origin: 'email', custom_fields: '{}' });
    });
  });
}
