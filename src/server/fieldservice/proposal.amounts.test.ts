import { describe, expect, it } from 'vitest';
import { lineAmounts, proposalTotals, toScaled } from './proposal.amounts.js';

const line = (quantity: number, unitPrice: number, vatRate: number) => ({
  quantityMilli: toScaled(quantity, 3),
  unitPriceCents: toScaled(unitPrice, 2),
  vatRateMilli: toScaled(vatRate, 3),
});

describe('proposal amounts', () => {
  it('3 × 19.99 at 20 % is 59.97 excl. tax, 11.99 VAT, 71.96 incl. tax', () => {
    expect(lineAmounts(line(3, 19.99, 20))).toEqual({
      exclTaxCents: 5997,
      vatCents: 1199,
      inclTaxCents: 7196,
    });
  });

  it('0.1 + 0.2 adds up to exactly 0.30 (no floating-point drift)', () => {
    const t = proposalTotals([line(1, 0.1, 0), line(1, 0.2, 0)]);
    expect(t.exclTaxCents).toBe(30);
    expect(t.inclTaxCents / 100).toBe(0.3);
  });

  it('5.5 % VAT rounds each line to the cent, halves away from zero', () => {
    // 10.10 × 5.5 % = 0.5555 → 0.56; 9.00 × 5.5 % = 0.495 → 0.50 (a half, rounded up)
    expect(lineAmounts(line(1, 10.1, 5.5)).vatCents).toBe(56);
    expect(lineAmounts(line(1, 9, 5.5)).vatCents).toBe(50);
    const t = proposalTotals([line(1, 10.1, 5.5), line(1, 9, 5.5)]);
    expect(t).toMatchObject({ exclTaxCents: 1910, vatCents: 106, inclTaxCents: 2016 });
  });

  it('a fractional quantity rounds the line, and a discount line rounds away from zero too', () => {
    expect(lineAmounts(line(1.5, 0.33, 20)).exclTaxCents).toBe(50); // 0.495 → 0.50
    expect(lineAmounts(line(1, -0.05, 10))).toEqual({ exclTaxCents: -5, vatCents: -1, inclTaxCents: -6 });
  });

  it('groups VAT by rate, lowest rate first', () => {
    const t = proposalTotals([line(1, 100, 20), line(2, 10, 5.5), line(1, 50, 20)]);
    expect(t.byRate).toEqual([
      { vatRateMilli: 5500, baseCents: 2000, vatCents: 110 },
      { vatRateMilli: 20000, baseCents: 15000, vatCents: 3000 },
    ]);
  });

  it('large amounts stay exact', () => {
    expect(lineAmounts(line(100_000, 999_999.99, 20)).exclTaxCents).toBe(9_999_999_900_000);
  });
});
