import './proposalPrint.css';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchProposal, proposalKeys, type Proposal } from '../../../api/proposals.api.js';
import { IconPrinter } from '../fieldserviceIcons.js';
import { BackLink, DetailGate } from '../shared/DetailShell.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { ProposalTotals } from './ProposalTotals.js';

/** `/proposals/:id/print`: the proposal as a document, for the browser's print (or save as PDF). */
export function ProposalPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: proposalKeys.one(id),
    queryFn: () => fetchProposal(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  // The tab title is the PDF's default file name.
  useDocumentTitle(query.data ? query.data.ref : t('fieldservice.proposals.title'));
  const back = <BackLink to={`/proposals/${id}`} label={t('fieldservice.proposals.print.back')} />;
  return (
    <DetailGate id={id} query={query} back={back} notFound={t('fieldservice.proposals.detail.notFound')}>
      {(proposal) => (
        <Stack gap="md">
          <Group justify="space-between" className="fs-no-print">
            {back}
            <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              {t('fieldservice.proposals.print.print')}
            </Button>
          </Group>
          <PrintSheet proposal={proposal} />
        </Stack>
      )}
    </DetailGate>
  );
}

function PrintSheet({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const tp = proposal.thirdparty;
  return (
    <Paper className="fs-print-sheet" withBorder radius="md" p={40} component="article">
      <Group justify="space-between" align="flex-start" mb={32}>
        <Stack gap={4}>
          <Title order={1} fz={22}>
            {t('fieldservice.proposals.print.title', { ref: proposal.ref })}
          </Title>
          <Text size="sm">
            {t('fieldservice.proposals.print.issuedOn', { date: format.date(proposal.createdAt) })}
          </Text>
          {proposal.validUntil && (
            <Text size="sm">
              {t('fieldservice.proposals.print.validUntil', { date: format.day(proposal.validUntil) })}
            </Text>
          )}
        </Stack>
        <Stack gap={2} maw={300} aria-label={t('fieldservice.proposals.print.customer')}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {t('fieldservice.proposals.print.customer')}
          </Text>
          <Text fw={600}>{tp.name}</Text>
          {tp.address && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {tp.address}
            </Text>
          )}
          {tp.email && <Text size="sm">{tp.email}</Text>}
          {tp.phone && <Text size="sm">{tp.phone}</Text>}
        </Stack>
      </Group>
      <table className="fs-print-lines">
        <thead>
          <tr>
            <th>{t('fieldservice.proposals.lines.description')}</th>
            <th className="fs-print-num">{t('fieldservice.proposals.lines.quantity')}</th>
            <th className="fs-print-num">{t('fieldservice.proposals.lines.unitPrice')}</th>
            <th className="fs-print-num">{t('fieldservice.proposals.lines.vatRate')}</th>
            <th className="fs-print-num">{t('fieldservice.proposals.lines.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.lines.map((line) => (
            <tr key={line.id}>
              <td style={{ whiteSpace: 'pre-wrap' }}>{line.description}</td>
              <td className="fs-print-num">{format.decimal(line.quantity)}</td>
              <td className="fs-print-num">{format.money(line.unitPrice)}</td>
              <td className="fs-print-num">{format.decimal(line.vatRate)}</td>
              <td className="fs-print-num">{format.money(line.totalExclTax)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Group justify="flex-end" mt="lg">
        <ProposalTotals proposal={proposal} />
      </Group>
      {proposal.notes && (
        <Text size="sm" mt="xl" style={{ whiteSpace: 'pre-wrap' }}>
          {proposal.notes}
        </Text>
      )}
      <Text size="sm" mt={48} c="dimmed">
        {t('fieldservice.proposals.print.signature')}
      </Text>
    </Paper>
  );
}
