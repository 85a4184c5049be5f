import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, login, type Session, type TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newTicket, ticketApi } from './ticket.fixtures.js';
import { listPage } from './ticket.list.fixtures.js';

for (const engine of ENGINES) {
  describe(`the same list asked again (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(engine);
      admin = await login(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(() => t.close());

    it('shows what changed in between: its SQL is reused, never its rows', async () => {
      for (let i = 0; i < 3; i++) await newTicket(admin, { subject: `Earlier ${i}` });
      const before = await listPage(admin, { status: 'all', limit: 3 });
      const fresh = await newTicket(admin, { subject: 'Arrived between two identical requests' });
      const after = await listPage(admin, { status: 'all', limit: 3 });
      expect(after.items.map((x) => x.id)).toEqual([fresh.id, ...before.items.slice(0, 2).map((x) => x.id)]);
      expect(after.total).toBe(before.total + 1);
      expect((await ticketApi(admin).remove(fresh.id)).statusCode).toBe(200);
      const again = await listPage(admin, { status: 'all', limit: 3 });
      expect(again.items.map((x) => x.id)).toEqual(before.items.map((x) => x.id));
      expect(again.total).toBe(before.total);
    });
  });
}
