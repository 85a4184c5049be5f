import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Permission } from '../../common/permissions.js';
import { createUserWith, insertTicket as insertTicketRow } from './customer.fixtures.js';

type Tp = { id: number; name: string; code: string | null; contactCount: number; openTicketCount: number };
type Page = { items: Tp[]; nextCursor: string | null; total: number };

for (const engine of ENGINES) {
  describe(`third parties (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let reader: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      reader = await userWith('reader@example.test', ['thirdparty.read']);
    });
    afterAll(async () => {
      await t.close();
    });

    const userWith = async (email: string, permissions: Permission[]) => {
      const who = await createUserWith(admin, email, permissions);
      return login(t.app, who.email, who.password);
    };
    const insertTicket = (o: Parameters<typeof insertTicketRow>[1]) => insertTicketRow(t.services.db, o);

    const create = (payload: Record<string, unknown>, s: Session = admin) =>
      s.request({ method: 'POST', url: '/api/v1/thirdparties', payload });
    const search = async (query: string, s: Session = admin) =>
      (await s.request({ method: 'GET', url: `/api/v1/thirdparties?${query}` })).json<Page>();
    const count = async (table: 'thirdparties' | 'contacts' | 'audit_log') =>
      Number(
        (
          await t.services.db.kysely
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('creates a third party, keeps the email as typed, and audits it', async () => {
      const audits = await count('audit_log');
      const res = await create({
        name: 'Société Générale des Eaux',
        code: 'SGE',
        email: 'Contact@SGE.example',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        name: 'Société Générale des Eaux',
        code: 'SGE',
        email: 'Contact@SGE.example',
        contactCount: 0,
        openTicketCount: 0,
      });
      expect(await count('audit_log')).toBe(audits + 1);
    });

    it('search ignores accents and case in the name, and finds code and email', async () => {
      await create({ name: 'Boulangerie Dupont', code: 'BDP', email: 'pain@dupont.example' });
      expect((await search('q=societe')).items.map((i) => i.name)).toEqual(['Société Générale des Eaux']);
      expect((await search('q=SOCIÉTÉ')).total).toBe(1);
      expect((await search('q=bdp')).items.map((i) => i.code)).toEqual(['BDP']);
      expect((await search('q=pain%40dupont')).items.map((i) => i.code)).toEqual(['BDP']);
      expect((await search('q=100%25')).total).toBe(0);
    });

    it('pages follow the name order and cover every row once', async () => {
      for (const name of ['Zeta', 'alpha', 'Émeraude', 'beta', 'Delta']) await create({ name });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await search(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(7);
        seen.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toEqual([
        'alpha',
        'beta',
        'Boulangerie Dupont',
        'Delta',
        'Émeraude',
        'Société Générale des Eaux',
        'Zeta',
      ]);
      expect(
        (await admin.request({ method: 'GET', url: '/api/v1/thirdparties?cursor=garbage' })).statusCode,
      ).toBe(400);
    });

    it('counts contacts and open tickets per third party', async () => {
      const { id } = (await create({ name: 'Counted' })).json<Tp>();
      for (const name of ['A', 'B']) {
        await admin.request({ method: 'POST', url: '/api/v1/contacts', payload: { thirdpartyId: id, name } });
      }
      await insertTicket({ thirdpartyId: id, isOpen: true });
      await insertTicket({ thirdpartyId: id, isOpen: false });
      const got = (await admin.request({ method: 'GET', url: `/api/v1/thirdparties/${id}` })).json<Tp>();
      expect(got).toMatchObject({ contactCount: 2, openTicketCount: 1 });
      expect((await search('q=counted')).items[0]).toMatchObject({ contactCount: 2, openTicketCount: 1 });
    });

    it('codes are unique whatever their case', async () => {
      const res = await create({ name: 'Other', code: 'sge' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'thirdparty_code_taken' } });
      const { id } = (await create({ name: 'Other' })).json<Tp>();
      const patch = await admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${id}`,
        payload: { code: 'BDP' },
      });
      expect(patch.statusCode).toBe(409);
    });

    it('renaming queues the refresh of the name on its tickets, in the same change', async () => {
      const { id } = (await create({ name: 'Old name' })).json<Tp>();
      const jobs = () =>
        t.services.db.kysely
          .selectFrom('jobs')
          .select(['name', 'payload'])
          .where('name', '=', 'tickets.syncThirdpartyName')
          .execute();
      const before = (await jobs()).length;
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${id}`,
        payload: { phone: '01 02' },
      });
      expect(await jobs()).toHaveLength(before);
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${id}`,
        payload: { name: 'New name' },
      });
      expect(res.json()).toMatchObject({ name: 'New name', phone: '01 02' });
      const after = await jobs();
      expect(after).toHaveLength(before + 1);
      expect(JSON.parse(after[after.length - 1]?.payload ?? '{}')).toEqual({ thirdpartyId: id });
      expect((await search('q=new name')).total).toBe(1);
    });

    it('deleting is refused while tickets refer to it, and takes the contacts along otherwise', async () => {
      const used = (await create({ name: 'With ticket' })).json<Tp>().id;
      await insertTicket({ thirdpartyId: used, isOpen: false });
      const refused = await admin.request({ method: 'DELETE', url: `/api/v1/thirdparties/${used}` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: 'thirdparty_has_tickets' } });

      const free = (await create({ name: 'Free' })).json<Tp>().id;
      await admin.request({
        method: 'POST',
        url: '/api/v1/contacts',
        payload: { thirdpartyId: free, name: 'C' },
      });
      const contacts = await count('contacts');
      expect(
        (await admin.request({ method: 'DELETE', url: `/api/v1/thirdparties/${free}` })).statusCode,
      ).toBe(204);
      expect(await count('contacts')).toBe(contacts - 1);
      expect((await admin.request({ method: 'GET', url: `/api/v1/thirdparties/${free}` })).statusCode).toBe(
        404,
      );
    });

    it('reading needs thirdparty.read and changing needs thirdparty.write; no session is a 401', async () => {
      expect((await search('', reader)).total).toBeGreaterThan(0);
      const before = await count('thirdparties');
      expect((await create({ name: 'Nope' }, reader)).statusCode).toBe(403);
      const [first] = (await search('limit=1', reader)).items;
      const patch = await reader.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${first?.id}`,
        payload: { name: 'Hijack' },
      });
      expect(patch.statusCode).toBe(403);
      expect(
        (await reader.request({ method: 'DELETE', url: `/api/v1/thirdparties/${first?.id}` })).statusCode,
      ).toBe(403);
      const nobody = await userWith('nobody@example.test', []);
      expect((await nobody.request({ method: 'GET', url: '/api/v1/thirdparties' })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/thirdparties' })).statusCode).toBe(401);
      expect(await count('thirdparties')).toBe(before);
    });

    it('bad input is a 400 and writes nothing', async () => {
      const before = await count('thirdparties');
      for (const payload of [
        { name: '' },
        { name: 'X', email: 'not-an-email' },
        { name: 'X', unknown: true },
        { name: 'X', code: '' },
        {},
      ]) {
        const res = await create(payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'validation_error' } });
      }
      const badLimit = await admin.request({ method: 'GET', url: '/api/v1/thirdparties?limit=0' });
      expect(badLimit.statusCode).toBe(400);
      expect(await count('thirdparties')).toBe(before);
    });
  });
}
