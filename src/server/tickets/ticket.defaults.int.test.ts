import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { act, newTicket, openTicketApp, ticketApi, userWith } from './ticket.fixtures.js';

for (const engine of ENGINES) {
  describe(`ticket form defaults (${engine})`, () => {
    let t: TestApp;
    let admin: Session;
    let agent: Session;
    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      agent = await userWith(t, admin, ['ticket.read', 'ticket.write'], 'Agnes Agent');
    });
    afterAll(async () => {
      await t.close();
    });

    const setNoticeOnClose = async (value: boolean) => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        payload: { 'mail.noticeOnClose': value },
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    it('the close dialog’s “notify the customer” default follows mail.noticeOnClose, for an agent who cannot read the settings', async () => {
      const agentApi = ticketApi(agent);
      // The agent really has no way to the setting but the ticket.
      expect((await agent.request({ method: 'GET', url: '/api/v1/settings' })).statusCode).toBe(403);
      const ticket = await newTicket(admin, { authorEmail: 'camille@example.test' });
      const read = async () => (await agentApi.get(ticket.id)).json<Ticket>().defaults;

      expect(ticket.defaults).toEqual({ notifyCustomerOnClose: false });
      expect(await read()).toEqual({ notifyCustomerOnClose: false });

      await setNoticeOnClose(true);
      expect(await read()).toEqual({ notifyCustomerOnClose: true });
      // Every answer that carries the ticket carries it, the workflow actions' too.
      const waiting = await act(agentApi, ticket.id, 'status', { status: 'waiting' });
      expect(waiting.defaults).toEqual({ notifyCustomerOnClose: true });

      await setNoticeOnClose(false);
      expect(await read()).toEqual({ notifyCustomerOnClose: false });
    });
  });
}
