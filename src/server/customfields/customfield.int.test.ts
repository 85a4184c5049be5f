import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_TYPES } from '../../common/customFields.js';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { userWith, type ErrorAnswer } from '../tickets/ticket.fixtures.js';
import { CF, defineField, fieldInput, OPTIONS, patchField } from './customfield.fixtures.js';

type List = { items: CustomField[]; nextCursor: null; total: number };

for (const engine of ENGINES) {
  describe(`custom field definitions (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agent: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      agent = await userWith(t, admin, ['ticket.read', 'ticket.write']);
    });
    afterAll(async () => {
      await t.close();
    });

    const list = async (s: Session = admin) =>
      (await s.request({ method: 'GET', url: CF })).json<List>().items;
    const auditRows = (action: string) =>
      t.services.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', action)
        .orderBy('id')
        .execute();
    const errorOf = (res: { statusCode: number; json: <T>() => T }) => [
      res.statusCode,
      res.json<ErrorAnswer>().error.code,
    ];

    it('an administrator defines a field of each type; agents see them at once, by position', async () => {
      for (const type of CUSTOM_FIELD_TYPES) {
        const field = await defineField(admin, `f_${type}`, type, { group: 'IN' });
        expect(field).toMatchObject({
          key: `f_${type}`,
          type,
          group: 'IN',
          required: false,
          active: true,
          options: type === 'select' || type === 'multiselect' ? OPTIONS : [],
        });
      }
      const items = await list(agent);
      expect(items.map((f) => f.key)).toEqual(CUSTOM_FIELD_TYPES.map((type) => `f_${type}`));
      expect(items.map((f) => f.position)).toEqual(CUSTOM_FIELD_TYPES.map((_, i) => (i + 1) * 10));
      const [row] = await auditRows('custom_field.create');
      expect(row).toMatchObject({ actor_user_id: admin.userId, target_type: 'custom_field' });
      expect(JSON.parse(row?.details ?? '{}')).toMatchObject({ key: 'f_text', type: 'text', group: 'IN' });
    });

    it('refuses malformed definitions with a 400 and writes nothing', async () => {
      const before = (await list()).length;
      const cases: Record<string, unknown>[] = [
        { ...fieldInput('Bad Key', 'text') },
        { ...fieldInput('1st', 'text') },
        { ...fieldInput('colour', 'colour' as 'text') },
        { ...fieldInput('grp', 'text'), group: 'SOMETIMES' },
        { ...fieldInput('sel', 'select'), options: [] },
        { ...fieldInput('txt', 'text'), options: OPTIONS },
        { ...fieldInput('dup', 'select'), options: [OPTIONS[0], OPTIONS[0]] },
        { ...fieldInput('comma', 'select'), options: [{ value: 'a,b', label: { fr: 'A', en: 'A' } }] },
        { ...fieldInput('nolabel', 'text'), label: { fr: '', en: 'x' } },
      ];
      for (const payload of cases) {
        const res = await admin.request({ method: 'POST', url: CF, payload });
        expect([payload.key, ...errorOf(res)]).toEqual([payload.key, 400, 'validation_error']);
      }
      expect((await list()).length).toBe(before);
    });

    it('a key is never reused, even by an inactive field or for another type (409)', async () => {
      const field = await defineField(admin, 'contract', 'text');
      await patchField(admin, field.id, { active: false });
      for (const type of ['text', 'number'] as const) {
        const res = await admin.request({ method: 'POST', url: CF, payload: fieldInput('contract', type) });
        expect(errorOf(res)).toEqual([409, 'custom_field_key_taken']);
      }
    });

    it('labels, requiredness, options, group and active change; key and type never do', async () => {
      const field = await defineField(admin, 'level', 'select', { group: 'OUT' });
      const changed = await patchField(admin, field.id, {
        label: { fr: 'Niveau', en: 'Level' },
        required: true,
        options: OPTIONS.slice(0, 2),
        group: 'BOTH',
      });
      expect(changed).toMatchObject({
        key: 'level',
        type: 'select',
        label: { fr: 'Niveau', en: 'Level' },
        required: true,
        group: 'BOTH',
        options: OPTIONS.slice(0, 2),
      });
      for (const payload of [{ type: 'text' }, { key: 'other' }, { options: [] }]) {
        const res = await admin.request({ method: 'PATCH', url: `${CF}/${field.id}`, payload });
        expect([payload, ...errorOf(res)]).toEqual([payload, 400, 'validation_error']);
      }
      const text = await defineField(admin, 'note', 'text');
      const res = await admin.request({
        method: 'PATCH',
        url: `${CF}/${text.id}`,
        payload: { options: OPTIONS },
      });
      expect(errorOf(res)).toEqual([400, 'validation_error']);
      const missing = await admin.request({
        method: 'PATCH',
        url: `${CF}/99999`,
        payload: { required: true },
      });
      expect(errorOf(missing)).toEqual([404, 'custom_field_not_found']);
      const updates = await auditRows('custom_field.update');
      const last = updates.find((r) => r.target_id === String(field.id));
      expect(JSON.parse(last?.details ?? '{}')).toEqual({
        key: 'level',
        label: { from: field.label, to: { fr: 'Niveau', en: 'Level' } },
        required: { from: false, to: true },
        options: { from: OPTIONS, to: OPTIONS.slice(0, 2) },
        group: { from: 'OUT', to: 'BOTH' },
      });
    });

    it('reorders every field at once; a partial or repeated list is refused (400)', async () => {
      const ids = (await list()).map((f) => f.id);
      const reversed = [...ids].reverse();
      const res = await admin.request({ method: 'POST', url: `${CF}/order`, payload: { ids: reversed } });
      expect(res.statusCode).toBe(200);
      expect(res.json<List>().items.map((f) => f.id)).toEqual(reversed);
      expect((await list(agent)).map((f) => f.id)).toEqual(reversed);
      const [first = 0, second = 0] = reversed;
      for (const bad of [reversed.slice(1), [...reversed, first], [...reversed.slice(1), first, 99999]]) {
        const r = await admin.request({ method: 'POST', url: `${CF}/order`, payload: { ids: bad } });
        expect(errorOf(r)).toEqual([400, 'validation_error']);
      }
      const audits = await auditRows('custom_field.reorder');
      expect(audits).toHaveLength(1);
      // The same order again changes and records nothing.
      await admin.request({ method: 'POST', url: `${CF}/order`, payload: { ids: reversed } });
      expect(await auditRows('custom_field.reorder')).toHaveLength(1);
      expect((await list()).slice(0, 2).map((f) => f.id)).toEqual([first, second]);
    });

    it('only administrators change fields (403); reading needs ticket.read', async () => {
      const [field] = await list();
      const attempts = [
        { method: 'POST' as const, url: CF, payload: fieldInput('agent_field', 'text') },
        { method: 'PATCH' as const, url: `${CF}/${field?.id}`, payload: { required: true } },
        { method: 'POST' as const, url: `${CF}/order`, payload: { ids: [field?.id] } },
      ];
      for (const a of attempts) expect(errorOf(await agent.request(a))).toEqual([403, 'forbidden']);
      const outsider = await userWith(t, admin, ['thirdparty.read']);
      expect(errorOf(await outsider.request({ method: 'GET', url: CF }))).toEqual([403, 'forbidden']);
      const anonymous = await t.app.inject({ method: 'GET', url: CF });
      expect(anonymous.statusCode).toBe(401);
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/custom-fields',
          '/api/v1/custom-fields/order',
          '/api/v1/custom-fields/{id}',
        ]),
      );
    });
  });
}
