import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';

type Entry = { code: string; position: number; active: boolean; isDefault: boolean; inUse: boolean };

for (const engine of ENGINES) {
  describe(`dictionaries (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agent: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'agent@example.test', name: 'Agent', password: 'agent password 1' },
      });
      agent = await login(t.app, 'agent@example.test', 'agent password 1');
    });
    afterAll(async () => {
      await t.close();
    });

    const list = async (kind: string, s: Session = admin, query = '') =>
      (await s.request({ method: 'GET', url: `/api/v1/dictionaries/${kind}${query}` })).json<{
        items: Entry[];
        total: number;
      }>().items;
    const post = (kind: string, payload: Record<string, unknown>) =>
      admin.request({ method: 'POST', url: `/api/v1/dictionaries/${kind}`, payload });
    const patch = (kind: string, code: string, payload: Record<string, unknown>) =>
      admin.request({ method: 'PATCH', url: `/api/v1/dictionaries/${kind}/${code}`, payload });
    const del = (kind: string, code: string) =>
      admin.request({ method: 'DELETE', url: `/api/v1/dictionaries/${kind}/${code}` });
    const count = async (table: 'dictionary_entries' | 'audit_log' | 'jobs') =>
      Number(
        (
          await t.services.db.kysely
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const insertTicket = (codes: { type?: string; category?: string; severity?: string }) => {
      const now = new Date().toISOString();
      const n = Math.random().toString(36).slice(2, 10);
      return t.services.db.kysely
        .insertInto('tickets')
        .values({
          ref: `TS-${n}`,
          track_id: `track-${n}`,
          subject: 'Printer on fire',
          message: '<p>Help</p>',
          message_text: 'Help',
          type_code: codes.type ?? 'HELP',
          category_code: codes.category ?? 'OTHER',
          severity_code: codes.severity ?? 'NORMAL',
          severity_rank: 20,
          status: 'read',
          is_open: true,
          origin: 'staff',
          progress: 0,
          duration_minutes: 0,
          custom_fields: '{}',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    };

    it('any signed-in user reads the seeded severities in position order, with their colours', async () => {
      const items = await list('ticket-severities', agent);
      expect(items.map((e) => e.code)).toEqual(['LOW', 'NORMAL', 'HIGH', 'BLOCKING']);
      expect(items.find((e) => e.code === 'NORMAL')).toMatchObject({ isDefault: true, color: '#228be6' });
    });

    it('an event type used by an agenda event can only be deactivated; unused ones are deleted', async () => {
      const items = await list('event-types');
      expect(items.map((e) => e.code)).toEqual(['AC_TEL', 'AC_RDV', 'AC_INT', 'AC_OTH']);
      expect(items.every((e) => !e.inUse)).toBe(true);
      const event = await admin.request({
        method: 'POST',
        url: '/api/v1/events',
        payload: {
          typeCode: 'AC_RDV',
          label: 'Visit',
          start: '2026-12-01T09:00:00Z',
          end: '2026-12-01T10:00:00Z',
        },
      });
      expect(event.statusCode).toBe(201);
      expect((await list('event-types')).find((e) => e.code === 'AC_RDV')?.inUse).toBe(true);
      const entries = await count('dictionary_entries');
      const refused = await del('event-types', 'AC_RDV');
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: 'dictionary_code_in_use' } });
      expect(await count('dictionary_entries')).toBe(entries);
      expect((await patch('event-types', 'AC_RDV', { active: false })).json()).toMatchObject({
        active: false,
        inUse: true,
      });
      expect((await del('event-types', 'AC_OTH')).statusCode).toBe(409); // the default
      expect((await del('event-types', 'AC_INT')).statusCode).toBe(204);
      // Once its last event is gone, the type can be deleted.
      const { id } = event.json<{ id: number }>();
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/events/${id}` })).statusCode).toBe(204);
      expect((await del('event-types', 'AC_RDV')).statusCode).toBe(204);
    });

    it('reading needs a session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/dictionaries/ticket-types' });
      expect(res.statusCode).toBe(401);
    });

    it('an unknown dictionary kind is a 400', async () => {
      const res = await admin.request({ method: 'GET', url: '/api/v1/dictionaries/colours' });
      expect(res.statusCode).toBe(400);
    });

    it('only administrators change dictionaries', async () => {
      const res = await agent.request({
        method: 'POST',
        url: '/api/v1/dictionaries/ticket-types',
        payload: { code: 'X', label: { fr: 'X', en: 'X' } },
      });
      expect(res.statusCode).toBe(403);
      expect((await list('ticket-types')).map((e) => e.code)).not.toContain('X');
    });

    it('a new entry goes last, is audited, and a taken code is a 409', async () => {
      const auditBefore = await count('audit_log');
      const res = await post('ticket-types', {
        code: 'TRAINING',
        label: { fr: 'Formation', en: 'Training' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ code: 'TRAINING', position: 60, active: true, inUse: false });
      expect(await count('audit_log')).toBe(auditBefore + 1);
      const again = await post('ticket-types', { code: 'TRAINING', label: { fr: 'F', en: 'T' } });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'dictionary_code_taken' } });
    });

    it('setting a new default clears the previous one; the default cannot be deactivated or deleted', async () => {
      const res = await patch('ticket-types', 'ISSUE', { isDefault: true });
      expect(res.statusCode).toBe(200);
      const defaults = (await list('ticket-types')).filter((e) => e.isDefault).map((e) => e.code);
      expect(defaults).toEqual(['ISSUE']);
      expect((await patch('ticket-types', 'ISSUE', { active: false })).json()).toMatchObject({
        error: { code: 'dictionary_default_required' },
      });
      expect((await patch('ticket-types', 'ISSUE', { isDefault: false })).statusCode).toBe(409);
      expect((await del('ticket-types', 'ISSUE')).statusCode).toBe(409);
      expect(
        (
          await post('ticket-types', {
            code: 'Z',
            label: { fr: 'Z', en: 'Z' },
            isDefault: true,
            active: false,
          })
        ).statusCode,
      ).toBe(409);
      await patch('ticket-types', 'HELP', { isDefault: true });
    });

    it('a code used by a ticket cannot be deleted, only deactivated; inUse says so', async () => {
      await post('ticket-types', { code: 'USED', label: { fr: 'Utilisé', en: 'Used' } });
      await insertTicket({ type: 'USED' });
      expect((await list('ticket-types')).find((e) => e.code === 'USED')?.inUse).toBe(true);
      const res = await del('ticket-types', 'USED');
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'dictionary_code_in_use' } });
      expect((await patch('ticket-types', 'USED', { active: false })).json()).toMatchObject({
        active: false,
      });
      expect((await list('ticket-types', admin, '?active=true')).map((e) => e.code)).not.toContain('USED');
    });

    it('an unused entry is deleted, with an audit record', async () => {
      await post('ticket-types', { code: 'TEMP', label: { fr: 'Temp', en: 'Temp' } });
      const auditBefore = await count('audit_log');
      expect((await del('ticket-types', 'TEMP')).statusCode).toBe(204);
      expect((await list('ticket-types')).map((e) => e.code)).not.toContain('TEMP');
      const last = await t.services.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(await count('audit_log')).toBe(auditBefore + 1);
      expect(last).toMatchObject({ action: 'dictionary.delete', target_id: 'ticket-types/TEMP' });
    });

    it('a category parent must exist and make no cycle; a parent category is in use', async () => {
      expect(
        (await post('ticket-categories', { code: 'NET', label: { fr: 'Réseau', en: 'Network' } })).statusCode,
      ).toBe(201);
      const child = await post('ticket-categories', {
        code: 'WIFI',
        label: { fr: 'Wifi', en: 'Wifi' },
        parentCode: 'NET',
        public: true,
      });
      expect(child.statusCode).toBe(201);
      const unknown = await post('ticket-categories', {
        code: 'X1',
        label: { fr: 'X', en: 'X' },
        parentCode: 'NOPE',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'invalid_parent_category' } });
      const cycle = await patch('ticket-categories', 'NET', { parentCode: 'WIFI' });
      expect(cycle.statusCode).toBe(400);
      expect((await patch('ticket-categories', 'NET', { parentCode: 'NET' })).statusCode).toBe(400);
      expect((await list('ticket-categories')).find((e) => e.code === 'NET')?.inUse).toBe(true);
      expect((await del('ticket-categories', 'NET')).json()).toMatchObject({
        error: { code: 'dictionary_code_in_use' },
      });
      const pub = await t.services.dictionaries.publicCategories();
      expect(pub.map((c) => c.code)).toEqual(['OTHER', 'WIFI']);
    });

    it('reordering severities queues the rank refresh in the same change; relabelling does not', async () => {
      const jobs = () =>
        t.services.db.kysely
          .selectFrom('jobs')
          .select('name')
          .where('name', '=', 'tickets.syncSeverityRanks')
          .execute();
      expect(await jobs()).toHaveLength(0);
      await patch('ticket-severities', 'LOW', { label: { fr: 'Faible', en: 'Minor' } });
      expect(await jobs()).toHaveLength(0);
      expect((await patch('ticket-severities', 'LOW', { position: 25 })).statusCode).toBe(200);
      expect(await jobs()).toHaveLength(1);
      expect((await t.services.dictionaries.severityRanks()).get('LOW')).toBe(25);
      await patch('ticket-severities', 'LOW', { position: 10 });
    });

    it('bad input is a 400 and writes nothing: unknown field, bad colour, colour outside severities', async () => {
      const before = await count('dictionary_entries');
      const cases: [string, Record<string, unknown>][] = [
        ['ticket-types', { code: 'A', label: { fr: 'A', en: 'A' }, extra: 1 }],
        ['ticket-severities', { code: 'B', label: { fr: 'B', en: 'B' }, color: 'red' }],
        ['ticket-types', { code: 'C', label: { fr: 'C', en: 'C' }, color: '#ff0000' }],
        ['ticket-types', { code: 'has space', label: { fr: 'D', en: 'D' } }],
        ['ticket-types', { code: 'E', label: { fr: '', en: 'E' } }],
        ['ticket-types', { code: 'F', label: { fr: 'F', en: 'F' }, parentCode: 'OTHER' }],
      ];
      for (const [kind, payload] of cases) {
        const res = await post(kind, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      }
      expect((await patch('ticket-severities', 'HIGH', { color: '#12345' })).statusCode).toBe(400);
      expect((await patch('ticket-types', 'NOPE', { active: false })).statusCode).toBe(404);
      expect(await count('dictionary_entries')).toBe(before);
    });

    describe('resolveClassification', () => {
      it('a new ticket gets the defaults and the default severity rank', async () => {
        expect(await t.services.dictionaries.resolveClassification({})).toEqual({
          typeCode: 'HELP',
          categoryCode: 'OTHER',
          severityCode: 'NORMAL',
          severityRank: 20,
        });
      });

      it('sees a change made through the service at once', async () => {
        await patch('ticket-severities', 'HIGH', { active: false });
        await expect(
          t.services.dictionaries.resolveClassification({ severityCode: 'HIGH' }),
        ).rejects.toMatchObject({
          code: 'invalid_classification',
          status: 400,
          message: 'severityCode "HIGH" is not an active ticket severity',
        });
        const kept = await t.services.dictionaries.resolveClassification(
          { typeCode: 'ISSUE' },
          { typeCode: 'HELP', categoryCode: 'OTHER', severityCode: 'HIGH' },
        );
        expect(kept).toEqual({
          typeCode: 'ISSUE',
          categoryCode: 'OTHER',
          severityCode: 'HIGH',
          severityRank: 30,
        });
        await patch('ticket-severities', 'HIGH', { active: true });
      });

      it('works inside a caller transaction on both engines', async () => {
        const r = await t.services.db.kysely.transaction().execute(async (trx) => {
          t.services.dictionaries.invalidate();
          return t.services.dictionaries.resolveClassification({ typeCode: 'COM' }, undefined, trx);
        });
        expect(r.typeCode).toBe('COM');
      });

      it('labels include inactive entries so old tickets still show theirs', async () => {
        const labels = await t.services.dictionaries.labels('ticket-types');
        expect(labels.get('USED')).toEqual({ fr: 'Utilisé', en: 'Used' });
      });
    });
  });
}
