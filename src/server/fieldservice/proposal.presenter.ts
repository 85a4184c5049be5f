import type {
  Proposal,
  ProposalLineInput,
  ProposalListItem,
  ProposalStatus,
} from '../../common/schemas/proposal.schema.js';
import type { LinkedTicket } from '../../common/schemas/ticket-link.schema.js';
import { fromScaled, lineAmounts, proposalTotals, toScaled } from './proposal.amounts.js';
import type { ProposalDetailRow, ProposalLineRow } from './proposal.repository.js';

const money = (cents: number) => fromScaled(cents, 2);

const amountsOf = (l: ProposalLineRow) => ({
  quantityMilli: l.quantity_milli,
  unitPriceCents: l.unit_price_cents,
  vatRateMilli: l.vat_rate_milli,
});

/** The stored, scaled columns of a line from its wire form. */
export const lineColumns = (l: Partial<ProposalLineInput>) => ({
  ...(l.description !== undefined ? { description: l.description } : {}),
  ...(l.quantity !== undefined ? { quantity_milli: toScaled(l.quantity, 3) } : {}),
  ...(l.unitPrice !== undefined ? { unit_price_cents: toScaled(l.unitPrice, 2) } : {}),
  ...(l.vatRate !== undefined ? { vat_rate_milli: toScaled(l.vatRate, 3) } : {}),
});

export function presentProposalItem(
  row: ProposalDetailRow,
  lines: readonly ProposalLineRow[],
  tickets: readonly LinkedTicket[],
): ProposalListItem {
  const t = proposalTotals(lines.map(amountsOf));
  return {
    id: row.id,
    ref: row.ref,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.tp_name,
    status: row.status as ProposalStatus,
    validUntil: row.valid_until,
    notes: row.notes,
    totalExclTax: money(t.exclTaxCents),
    totalVat: money(t.vatCents),
    totalInclTax: money(t.inclTaxCents),
    ticketIds: tickets.map((x) => x.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentProposal(
  row: ProposalDetailRow,
  lines: readonly ProposalLineRow[],
  tickets: readonly LinkedTicket[],
  canWrite: boolean,
): Proposal {
  const t = proposalTotals(lines.map(amountsOf));
  return {
    ...presentProposalItem(row, lines, tickets),
    thirdparty: {
      id: row.thirdparty_id,
      name: row.tp_name,
      code: row.tp_code,
      email: row.tp_email,
      phone: row.tp_phone,
      address: row.tp_address,
    },
    lines: lines.map((l) => {
      const a = lineAmounts(amountsOf(l));
      return {
        id: l.id,
        description: l.description,
        quantity: fromScaled(l.quantity_milli, 3),
        unitPrice: money(l.unit_price_cents),
        vatRate: fromScaled(l.vat_rate_milli, 3),
        totalExclTax: money(a.exclTaxCents),
        totalVat: money(a.vatCents),
        totalInclTax: money(a.inclTaxCents),
      };
    }),
    vatByRate: t.byRate.map((r) => ({
      vatRate: fromScaled(r.vatRateMilli, 3),
      base: money(r.baseCents),
      vat: money(r.vatCents),
    })),
    tickets: [...tickets],
    editable: canWrite && row.status === 'draft',
  };
}
