import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Permission } from '../../common/permissions.js';
import { createUserWith, insertTicket as insertTicketRow } from './customer.fixtures.js';

type Contact = {
  id: number;
  thirdpartyId: number;
  thirdpartyName: string;
  name: string;
  email: string | null;
};

for (const engine of ENGINES) {
  describe(`contacts and customer resolution (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let acme: number;
    let globex: number;
    let alice: Contact;
    let bob: Contact;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
      const tp = async (payload: Record<string, unknown>) =>
        (await admin.request({ method: 'POST', url: '/api/v1/thirdparties', payload })).json<{ id: number }>()
          .id;
      acme = await tp({ name: 'Acme', email: 'Office@Acme.example' });
      globex = await tp({ name: 'Globex' });
      alice = (
        await addContact({ thirdpartyId: acme, name: 'Alice Martin', email: 'Alice@Acme.example' })
      ).json();
      bob = (await addContact({ thirdpartyId: globex, name: 'Bob Durand', role: 'CTO' })).json();
    });
    afterAll(async () => {
      await t.close();
    });

    const userWith = async (email: string, permissions: Permission[]) => {
      const who = await createUserWith(admin, email, permissions);
      return login(t.app, who.email, who.password);
    };
    const insertTicket = (o: Parameters<typeof insertTicketRow>[1]) => insertTicketRow(t.services.db, o);

    const addContact = (payload: Record<string, unknown>, s: Session = admin) =>
      s.request({ method: 'POST', url: '/api/v1/contacts', payload });
    const listContacts = async (query: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/contacts?${query}` })).json<{
        items: Contact[];
        total: number;
        nextCursor: string | null;
      }>();

    it('a contact carries its third party name and its email as typed', () => {
      expect(alice).toMatchObject({
        thirdpartyId: acme,
        thirdpartyName: 'Acme',
        email: 'Alice@Acme.example',
      });
    });

    it('lists one third party’s contacts, searches name and email, pages by name', async () => {
      await addContact({ thirdpartyId: acme, name: 'Aaron Petit' });
      const page1 = await listContacts(`thirdpartyId=${acme}&limit=1`);
      expect(page1.total).toBe(2);
      expect(page1.items.map((c) => c.name)).toEqual(['Aaron Petit']);
      const page2 = await listContacts(`thirdpartyId=${acme}&limit=1&cursor=${page1.nextCursor}`);
      expect(page2.items.map((c) => c.name)).toEqual(['Alice Martin']);
      expect(page2.nextCursor).toBeNull();
      expect((await listContacts('q=alice%40acme')).items.map((c) => c.id)).toEqual([alice.id]);
      expect((await listContacts('q=durand')).items.map((c) => c.id)).toEqual([bob.id]);
    });

    it('changes and deletes a contact; its tickets keep their third party', async () => {
      const c = (await addContact({ thirdpartyId: acme, name: 'Temp' })).json<Contact>();
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${c.id}`,
        payload: { email: 'TEMP@acme.example', role: 'Buyer' },
      });
      expect(res.json()).toMatchObject({ email: 'TEMP@acme.example', role: 'Buyer', name: 'Temp' });
      await insertTicket({ thirdpartyId: acme, contactId: c.id });
      expect((await admin.request({ method: 'DELETE', url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(
        204,
      );
      expect((await admin.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(404);
      const ticket = await t.services.db.kysely
        .selectFrom('tickets')
        .select(['thirdparty_id', 'contact_id'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(ticket).toEqual({ thirdparty_id: acme, contact_id: null });
    });

    it('bad input is a 400 and writes nothing; writing needs thirdparty.write', async () => {
      const count = async () =>
        Number(
          (
            await t.services.db.kysely
              .selectFrom('contacts')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      expect((await addContact({ thirdpartyId: acme, name: 'X', email: 'nope' })).statusCode).toBe(400);
      expect((await addContact({ thirdpartyId: 99999, name: 'X' })).statusCode).toBe(400);
      expect((await addContact({ thirdpartyId: acme, name: 'X', thirdpartyName: 'Y' })).statusCode).toBe(400);
      const patch = await admin.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${alice.id}`,
        payload: { thirdpartyId: globex },
      });
      expect(patch.statusCode).toBe(400);
      const reader = await userWith('reader@example.test', ['thirdparty.read']);
      expect((await addContact({ thirdpartyId: acme, name: 'X' }, reader)).statusCode).toBe(403);
      expect((await reader.request({ method: 'GET', url: `/api/v1/contacts/${alice.id}` })).statusCode).toBe(
        200,
      );
      expect(await count()).toBe(before);
    });

    describe('resolveCustomer', () => {
      const resolve = (...args: Parameters<TestApp['services']['customers']['resolveCustomer']>) =>
        t.services.customers.resolveCustomer(...args);

      it('a contact alone brings its third party, with both names', async () => {
        expect(await resolve({ contactId: alice.id })).toEqual({
          thirdpartyId: acme,
          thirdpartyName: 'Acme',
          contactId: alice.id,
          contactName: 'Alice Martin',
        });
      });

      it('undefined keeps the current link', async () => {
        expect(await resolve({}, { thirdpartyId: acme, contactId: alice.id })).toMatchObject({
          thirdpartyId: acme,
          contactId: alice.id,
        });
        expect(await resolve({})).toEqual({
          thirdpartyId: null,
          thirdpartyName: null,
          contactId: null,
          contactName: null,
        });
      });

      it('changing the third party drops a contact that no longer belongs', async () => {
        expect(await resolve({ thirdpartyId: globex }, { thirdpartyId: acme, contactId: alice.id })).toEqual({
          thirdpartyId: globex,
          thirdpartyName: 'Globex',
          contactId: null,
          contactName: null,
        });
      });

      it('a contact of another third party, or unknown ids, are refused with invalid_customer', async () => {
        const invalid = { code: 'invalid_customer', status: 400 };
        await expect(resolve({ thirdpartyId: globex, contactId: alice.id })).rejects.toMatchObject(invalid);
        await expect(resolve({ thirdpartyId: 99999 })).rejects.toMatchObject(invalid);
        await expect(resolve({ contactId: 99999 })).rejects.toMatchObject(invalid);
      });

      it('null removes the third party and its contact', async () => {
        expect(
          await resolve({ thirdpartyId: null }, { thirdpartyId: acme, contactId: alice.id }),
        ).toMatchObject({
          thirdpartyId: null,
          contactId: null,
        });
      });

      it('works inside a caller transaction', async () => {
        const r = await t.services.db.kysely
          .transaction()
          .execute((trx) => t.services.customers.resolveCustomer({ contactId: bob.id }, undefined, trx));
        expect(r.thirdpartyName).toBe('Globex');
      });
    });

    describe('findByEmail', () => {
      it('matches a contact first, exactly and whatever the case', async () => {
        expect(await t.services.customers.findByEmail('ALICE@acme.EXAMPLE')).toEqual({
          thirdpartyId: acme,
          contactId: alice.id,
        });
      });

      it('falls back to the third party email, and never matches a part of an address', async () => {
        expect(await t.services.customers.findByEmail('office@acme.example')).toEqual({
          thirdpartyId: acme,
          contactId: null,
        });
        expect(await t.services.customers.findByEmail('ice@acme.example')).toBeNull();
        expect(await t.services.customers.findByEmail('')).toBeNull();
      });
    });
  });
}
