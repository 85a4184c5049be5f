/**
 * Proposal amounts in integers (SPEC 6: "computed in integer cents"). Inputs are stored scaled: quantity
 * and VAT rate in thousandths, prices in cents. Each line is rounded to the cent on its own, halves away
 * from zero; totals are sums of the rounded line amounts, so the printed lines always add up to the total.
 */
export interface LineAmountsInput {
  quantityMilli: number;
  unitPriceCents: number;
  /** Thousandths of a percent: 20 % → 20000. */
  vatRateMilli: number;
}

export interface LineAmounts {
  exclTaxCents: number;
  vatCents: number;
  inclTaxCents: number;
}

/** n / d rounded to the nearest integer, halves away from zero; BigInt so no product loses precision. */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return q + (n < 0n ? -1n : 1n);
  return q;
}

export function lineAmounts(l: LineAmountsInput): LineAmounts {
  const excl = roundDiv(BigInt(l.quantityMilli) * BigInt(l.unitPriceCents), 1000n);
  const vat = roundDiv(excl * BigInt(l.vatRateMilli), 100_000n);
  return { exclTaxCents: Number(excl), vatCents: Number(vat), inclTaxCents: Number(excl + vat) };
}

export interface ProposalTotals {
  exclTaxCents: number;
  vatCents: number;
  inclTaxCents: number;
  /** By rate ascending. */
  byRate: { vatRateMilli: number; baseCents: number; vatCents: number }[];
}

export function proposalTotals(lines: readonly LineAmountsInput[]): ProposalTotals {
  let excl = 0;
  let vat = 0;
  const byRate = new Map<number, { baseCents: number; vatCents: number }>();
  for (const l of lines) {
    const a = lineAmounts(l);
    excl += a.exclTaxCents;
    vat += a.vatCents;
    const r = byRate.get(l.vatRateMilli) ?? { baseCents: 0, vatCents: 0 };
    r.baseCents += a.exclTaxCents;
    r.vatCents += a.vatCents;
    byRate.set(l.vatRateMilli, r);
  }
  return {
    exclTaxCents: excl,
    vatCents: vat,
    inclTaxCents: excl + vat,
    byRate: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([vatRateMilli, r]) => ({ vatRateMilli, ...r })),
  };
}

/** Wire decimals (validated to their places by the schema) to stored integers, and back. */
export const toScaled = (value: number, places: number): number => Math.round(value * 10 ** places);
export const fromScaled = (value: number, places: number): number => value / 10 ** places;
