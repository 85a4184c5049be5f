import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeProposal, renderInApp } from '../testing.js';
import { ProposalTotals } from './ProposalTotals.js';

const rowText = (name: RegExp) =>
  within(screen.getByRole('table', { name: /Totaux|Totals/ }))
    .getByRole('row', { name })
    .textContent?.replace(/\s/g, ' ');

describe('proposal totals', () => {
  it('shows the server’s cent-exact totals for 3 × 19.99 at 20 %, in French notation', () => {
    renderInApp(
      <ProposalTotals
        proposal={makeProposal({
          totalExclTax: 59.97,
          totalVat: 11.99,
          totalInclTax: 71.96,
          vatByRate: [{ vatRate: 20, base: 59.97, vat: 11.99 }],
        })}
      />,
    );
    expect(rowText(/Total HT/)).toBe('Total HT59,97');
    expect(rowText(/^TVA/)).toBe('TVA11,99');
    expect(rowText(/Total TTC/)).toBe('Total TTC71,96');
    // One rate: no breakdown line.
    expect(screen.queryByText(/TVA à/)).toBeNull();
  });

  it('never re-adds the amounts: what the API says is what is shown, even off by a cent from a float sum', () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004; the API's incl. total wins whatever the parts.
    renderInApp(
      <ProposalTotals
        proposal={makeProposal({
          totalExclTax: 0.1,
          totalVat: 0.2,
          totalInclTax: 0.31,
          vatByRate: [
            { vatRate: 5.5, base: 0.05, vat: 0.1 },
            { vatRate: 20, base: 0.05, vat: 0.1 },
          ],
        })}
      />,
      { language: 'en' },
    );
    expect(rowText(/Total incl\. VAT/)).toBe('Total incl. VAT0.31');
    expect(rowText(/VAT at 5\.5%/)).toBe('VAT at 5.5%0.10');
    expect(rowText(/VAT at 20%/)).toBe('VAT at 20%0.10');
  });

  it('writes large amounts with the thousands separator of the language', () => {
    renderInApp(
      <ProposalTotals
        proposal={makeProposal({
          totalExclTax: 12345.5,
          totalVat: 2469.1,
          totalInclTax: 14814.6,
          vatByRate: [],
        })}
      />,
    );
    expect(rowText(/Total TTC/)).toBe('Total TTC14 814,60');
  });
});
