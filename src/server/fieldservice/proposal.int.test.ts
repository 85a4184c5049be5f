import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../common/schemas/proposal.schema.js';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { ENGINES } from '../../../test/helpers/db.js';
import { newThirdparty, newTicket, openTicketApp } from '../tickets/ticket.fixtures.js';
import { errorCode, fieldApi, fieldCounts, ok } from './fieldservice.fixtures.js';

for (const engine of ENGINES) {
  describe(`proposals [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let fs: ReturnType<typeof fieldApi>;
    let acme: number;

    beforeAll(async () => {
      ({ t, admin } = await openTicketApp(engine));
      fs = fieldApi(admin);
      acme = await newThirdparty(admin, 'Acme');
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/thirdparties/${acme}`,
        payload: { address: '1 rue de la Paix\n75002 Paris' },
      });
    });
    afterAll(async () => {
      await t.close();
    });

    const line = (quantity: number, unitPrice: number, vatRate: number) => ({
      description: 'Item',
      quantity,
      unitPrice,
      vatRate,
    });

    it('3 × 19.99 at 20 % totals 59.97 excl. tax, 11.99 VAT and 71.96 incl. tax', async () => {
      const p = await fs.proposal(acme, [line(3, 19.99, 20)]);
      expect(p).toMatchObject({ totalExclTax: 59.97, totalVat: 11.99, totalInclTax: 71.96 });
      expect(p.lines[0]).toMatchObject({
        quantity: 3,
        unitPrice: 19.99,
        vatRate: 20,
        totalExclTax: 59.97,
        totalVat: 11.99,
      });
      expect(p.ref).toMatch(/^PR\d{4}-\d{4}$/);
      expect(p.thirdparty).toMatchObject({ name: 'Acme', address: '1 rue de la Paix\n75002 Paris' });
    });

    it('0.1 + 0.2 adds up to exactly 0.3, and 5.5 % VAT is rounded per line', async () => {
      const sum = await fs.proposal(acme, [line(1, 0.1, 0), line(1, 0.2, 0)]);
      expect(sum.totalExclTax).toBe(0.3);
      expect(sum.totalInclTax).toBe(0.3);
      const reduced = await fs.proposal(acme, [line(1, 10.1, 5.5), line(1, 9, 5.5), line(2.5, 3.33, 20)]);
      // 0.5555 → 0.56 and 0.495 → 0.50 (halves away from zero); 2.5 × 3.33 = 8.325 → 8.33, VAT 1.666 → 1.67
      expect(reduced.lines.map((l) => l.totalVat)).toEqual([0.56, 0.5, 1.67]);
      expect(reduced).toMatchObject({ totalExclTax: 27.43, totalVat: 2.73, totalInclTax: 30.16 });
      expect(reduced.vatByRate).toEqual([
        { vatRate: 5.5, base: 19.1, vat: 1.06 },
        { vatRate: 20, base: 8.33, vat: 1.67 },
      ]);
    });

    it('refuses amounts with more places than cents, and rates out of range, writing nothing', async () => {
      const before = await fieldCounts(t);
      for (const l of [line(1, 19.999, 20), line(1, 1, 101), line(0, 1, 20), line(1.0005, 1, 20)]) {
        const res = await admin.request({
          method: 'POST',
          url: '/api/v1/proposals',
          payload: { thirdpartyId: acme, lines: [l] },
        });
        expect(res.statusCode, JSON.stringify(l)).toBe(400);
        expect(errorCode(res)).toBe('validation_error');
      }
      const unknownTp = await admin.request({
        method: 'POST',
        url: '/api/v1/proposals',
        payload: { thirdpartyId: 999999 },
      });
      expect(errorCode(unknownTp)).toBe('invalid_customer');
      expect(await fieldCounts(t)).toEqual(before);
    });

    it('lines change while draft only; then draft → validated → signed, and nothing after', async () => {
      const p = await fs.proposal(acme, [line(1, 100, 20)]);
      const added = await ok<Proposal>(
        admin,
        { method: 'POST', url: `/api/v1/proposals/${p.id}/lines`, payload: line(2, 50, 20) },
        201,
      );
      expect(added.totalInclTax).toBe(240);
      const lineId = added.lines[1]?.id ?? 0;
      const edited = await ok<Proposal>(admin, {
        method: 'PATCH',
        url: `/api/v1/proposals/${p.id}/lines/${lineId}`,
        payload: { unitPrice: 25 },
      });
      expect(edited.totalExclTax).toBe(150);
      const validated = await fs.status<Proposal>(`/proposals/${p.id}`, 'validated');
      expect(validated.editable).toBe(false);
      const frozen = await admin.request({
        method: 'DELETE',
        url: `/api/v1/proposals/${p.id}/lines/${lineId}`,
      });
      expect(frozen.statusCode).toBe(409);
      expect(errorCode(frozen)).toBe('proposal_not_draft');
      expect((await fs.status<Proposal>(`/proposals/${p.id}`, 'signed')).status).toBe('signed');
      const again = await admin.request({
        method: 'POST',
        url: `/api/v1/proposals/${p.id}/status`,
        payload: { status: 'refused' },
      });
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('transition_not_allowed');
    });

    it('a proposal created from a ticket is for its third party and linked to it', async () => {
      const ticket = await newTicket(admin, { thirdpartyId: acme });
      expect(ticket.abilities.createProposal).toBe(true);
      const p = await ok<Proposal>(
        admin,
        {
          method: 'POST',
          url: `/api/v1/tickets/${ticket.id}/proposals`,
          payload: { validUntil: '2026-12-31', lines: [line(3, 19.99, 20)] },
        },
        201,
      );
      expect(p).toMatchObject({
        thirdpartyId: acme,
        validUntil: '2026-12-31',
        ticketIds: [ticket.id],
        totalInclTax: 71.96,
      });
      const links = await ok<{
        items: {
          objectType: string;
          ref: string | null;
          totalExclTax: number | null;
          totalInclTax: number | null;
        }[];
      }>(admin, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/links` });
      expect(links.items).toEqual([
        expect.objectContaining({
          objectType: 'proposal',
          ref: p.ref,
          status: 'draft',
          totalExclTax: 59.97,
          totalInclTax: 71.96,
        }),
      ]);
      const noTp = await newTicket(admin);
      const refused = await admin.request({
        method: 'POST',
        url: `/api/v1/tickets/${noTp.id}/proposals`,
        payload: {},
      });
      expect(refused.statusCode).toBe(409);
      expect(errorCode(refused)).toBe('ticket_without_thirdparty');
    });

    it('twenty proposals created at once get twenty distinct references', async () => {
      const made = await Promise.all(Array.from({ length: 20 }, () => fs.proposal(acme)));
      expect(new Set(made.map((m) => m.ref)).size).toBe(20);
    });
  });
}
