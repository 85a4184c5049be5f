import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../api/proposals.api.js';
import { useFsFormat } from '../shared/fsFormat.js';

/**
 * The totals exactly as the API computed them in cents (SPEC 6): excl. VAT, VAT per rate, VAT, incl.
 * VAT. Nothing is added up here: a sum in floating point could differ by a cent from the server's.
 */
export function ProposalTotals({
  proposal,
}: {
  proposal: Pick<Proposal, 'totalExclTax' | 'totalVat' | 'totalInclTax' | 'vatByRate'>;
}) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const showRates = proposal.vatByRate.length > 1;
  return (
    <Table
      aria-label={t('fieldservice.proposals.totals.title')}
      withRowBorders={false}
      verticalSpacing={4}
      w="auto"
      ml="auto"
      miw={280}
    >
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('fieldservice.proposals.totals.exclTax')}</Table.Th>
          <Table.Td ta="right" ff="monospace">
            {format.money(proposal.totalExclTax)}
          </Table.Td>
        </Table.Tr>
        {showRates &&
          proposal.vatByRate.map((r) => (
            <Table.Tr key={r.vatRate}>
              <Table.Th scope="row" fw={400} c="dimmed">
                {t('fieldservice.proposals.totals.vatAt', { rate: format.decimal(r.vatRate) })}
              </Table.Th>
              <Table.Td ta="right" ff="monospace" c="dimmed">
                {format.money(r.vat)}
              </Table.Td>
            </Table.Tr>
          ))}
        <Table.Tr>
          <Table.Th scope="row">{t('fieldservice.proposals.totals.vat')}</Table.Th>
          <Table.Td ta="right" ff="monospace">
            {format.money(proposal.totalVat)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}>
          <Table.Th scope="row" fz="md">
            {t('fieldservice.proposals.totals.inclTax')}
          </Table.Th>
          <Table.Td ta="right" ff="monospace" fw={700} fz="md">
            {format.money(proposal.totalInclTax)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
