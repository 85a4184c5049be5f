import type { LinkObjectType, TicketLink, TicketLinkList } from '../../common/schemas/ticket-link.schema.js';
import type { Actor } from '../auth/actor.js';
import { createEventRepository } from './event.repository.js';
import { canRead, type FieldserviceContext, type ObjectKind } from './fieldservice.context.js';
import { sumMinutes } from './intervention.presenter.js';
import { createInterventionRepository } from './intervention.repository.js';
import { fromScaled, proposalTotals } from './proposal.amounts.js';
import { createProposalRepository } from './proposal.repository.js';

const KIND: Record<LinkObjectType, ObjectKind> = {
  intervention: 'intervention',
  proposal: 'proposal',
  event: 'event',
};

/**
 * A ticket's "Linked objects" block: each object with its ref, label, status and figures, leaving out the
 * types the actor may not read and objects gone since (deleted with their third party).
 */
export function createLinkDescriber(ctx: FieldserviceContext) {
  const interventions = createInterventionRepository(ctx.db);
  const proposals = createProposalRepository(ctx.db);
  const events = createEventRepository(ctx.db);

  return async function describe(actor: Actor, ticketId: number): Promise<TicketLinkList> {
    const rows = (await ctx.links.listOfTicket(ticketId)).filter((r) =>
      canRead(actor, KIND[r.object_type as LinkObjectType]),
    );
    const ids = (t: LinkObjectType) => rows.filter((r) => r.object_type === t).map((r) => r.object_id);
    const [iLines, pLines] = await Promise.all([
      interventions.lines(ids('intervention')),
      proposals.lines(ids('proposal')),
    ]);
    const items: TicketLink[] = [];
    for (const r of rows) {
      const common = { objectId: r.object_id, linkedAt: r.created_at, linkedBy: r.created_by };
      const none = { durationMinutes: null, totalExclTax: null, totalInclTax: null, start: null, end: null };
      if (r.object_type === 'intervention') {
        const o = await interventions.findDetail(r.object_id);
        if (!o) continue; // its third party was deleted since: nothing left to show
        items.push({
          ...common,
          ...none,
          objectType: 'intervention',
          ref: o.ref,
          label: o.description,
          status: o.status,
          durationMinutes: sumMinutes(iLines.get(o.id) ?? []),
        });
      } else if (r.object_type === 'proposal') {
        const o = await proposals.findDetail(r.object_id);
        if (!o) continue;
        const t = proposalTotals(
          (pLines.get(o.id) ?? []).map((l) => ({
            quantityMilli: l.quantity_milli,
            unitPriceCents: l.unit_price_cents,
            vatRateMilli: l.vat_rate_milli,
          })),
        );
        items.push({
          ...common,
          ...none,
          objectType: 'proposal',
          ref: o.ref,
          label: o.tp_name,
          status: o.status,
          totalExclTax: fromScaled(t.exclTaxCents, 2),
          totalInclTax: fromScaled(t.inclTaxCents, 2),
        });
      } else if (r.object_type === 'event') {
        const o = await events.findDetail(r.object_id);
        if (!o) continue;
        items.push({
          ...common,
          ...none,
          objectType: 'event',
          ref: null,
          label: o.label,
          status: o.done ? 'done' : 'todo',
          start: o.start_at,
          end: o.end_at,
        });
      }
    }
    return { items };
  };
}
