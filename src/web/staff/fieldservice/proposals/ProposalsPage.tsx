import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../../../common/schemas/proposal.schema.js';
import { listProposals, proposalKeys } from '../../../api/proposals.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPlus } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { Pager, useCursorStack } from '../shared/Pager.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { ProposalFormModal } from './ProposalFormModal.js';

const isStatus = (v: string | null): v is ProposalStatus =>
  v !== null && (PROPOSAL_STATUSES as readonly string[]).includes(v);

/** `/proposals` (`?thirdpartyId=&status=`): commercial proposals, newest first, with their totals. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const format = useFsFormat();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const can = useFieldservicePermissions();
  const [params, setParams] = useSearchParams();
  const thirdpartyId = Number(params.get('thirdpartyId')) || null;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const pager = useCursorStack(JSON.stringify([thirdpartyId, status]));
  const filters = { thirdpartyId, status, cursor: pager.cursor };
  const list = useQuery({
    queryKey: proposalKeys.list(filters),
    queryFn: () => listProposals(filters),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const none = t('fieldservice.common.none');

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t('fieldservice.proposals.title')}
          description={t('fieldservice.proposals.description')}
        />
        {can.writeProposals && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('fieldservice.proposals.new')}
          </Button>
        )}
      </Group>
      <Stack>
        <Group align="flex-end">
          <ThirdpartySelect
            label={t('fieldservice.common.customer')}
            placeholder={t('fieldservice.common.anyCustomer')}
            value={thirdpartyId}
            onChange={(id) => setParam('thirdpartyId', id === null ? null : String(id))}
            w={280}
          />
          <Select
            label={t('fieldservice.common.status')}
            placeholder={t('fieldservice.common.anyStatus')}
            data={PROPOSAL_STATUSES.map((s) => ({
              value: s,
              label: t(`fieldservice.proposals.status.${s}`),
            }))}
            value={status}
            onChange={(v) => setParam('status', v)}
            clearable
            w={200}
          />
        </Group>
        {list.isError && (
          <Alert color="red" role="alert" title={t('fieldservice.common.loadError')}>
            {errorText(list.error)}
          </Alert>
        )}
        {list.data && list.data.items.length === 0 ? (
          <Paper withBorder p="xl" radius="md" ta="center">
            <Text c="dimmed">{t('fieldservice.proposals.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fieldservice.proposals.fields.ref')}</Table.Th>
                  <Table.Th>{t('fieldservice.proposals.fields.customer')}</Table.Th>
                  <Table.Th>{t('fieldservice.proposals.fields.status')}</Table.Th>
                  <Table.Th>{t('fieldservice.proposals.fields.validUntil')}</Table.Th>
                  <Table.Th ta="right">{t('fieldservice.proposals.fields.totalExclTax')}</Table.Th>
                  <Table.Th ta="right">{t('fieldservice.proposals.fields.totalInclTax')}</Table.Th>
                  <Table.Th>{t('fieldservice.common.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((p) => (
                  <Table.Tr
                    key={p.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => {
                      if (!(e.target as HTMLElement).closest('a')) void navigate(`/proposals/${p.id}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/proposals/${p.id}`} ff="monospace" size="sm" fw={600}>
                        {p.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.thirdpartyName}</Table.Td>
                    <Table.Td>
                      <FsStatusBadge kind="proposals" status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.validUntil ? format.day(p.validUntil) : none}</Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {format.money(p.totalExclTax)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {format.money(p.totalInclTax)}
                    </Table.Td>
                    <Table.Td>{format.shortDate(p.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data && (
          <Pager
            total={list.data.total}
            nextCursor={list.data.nextCursor}
            pager={pager}
            busy={list.isPlaceholderData}
          />
        )}
      </Stack>
      {creating && (
        <ProposalFormModal
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate(`/proposals/${p.id}`)}
        />
      )}
    </>
  );
}
