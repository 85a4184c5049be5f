import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../common/schemas/contract.schema.js';
import { contractKeys, listContracts } from '../../../api/contracts.api.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPlus } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { Pager, useCursorStack } from '../shared/Pager.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { ContractFormModal } from './ContractFormModal.js';

const isStatus = (v: string | null): v is ContractStatus =>
  v !== null && (CONTRACT_STATUSES as readonly string[]).includes(v);

/** `/contracts` (`?thirdpartyId=&status=`): the service contracts, filtered by customer and status. */
export function ContractsPage() {
  const { t } = useTranslation();
  const format = useFsFormat();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const can = useFieldservicePermissions();
  const [params, setParams] = useSearchParams();
  const thirdpartyId = Number(params.get('thirdpartyId')) || null;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filterKey = JSON.stringify([thirdpartyId, status, q]);
  const pager = useCursorStack(filterKey);
  const filters = { thirdpartyId, status, q, cursor: pager.cursor };
  const list = useQuery({
    queryKey: contractKeys.list(filters),
    queryFn: () => listContracts(filters),
    placeholderData: keepPreviousData,
  });
  const [creating, createModal] = useDisclosure(false);
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
          title={t('fieldservice.contracts.title')}
          description={t('fieldservice.contracts.description')}
        />
        {can.writePark && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            {t('fieldservice.contracts.new')}
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
            data={CONTRACT_STATUSES.map((s) => ({
              value: s,
              label: t(`fieldservice.contracts.status.${s}`),
            }))}
            value={status}
            onChange={(v) => setParam('status', v)}
            clearable
            w={200}
          />
          <TextInput
            label={t('fieldservice.equipment.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={240}
          />
        </Group>
        {list.isError && (
          <Alert color="red" role="alert" title={t('fieldservice.common.loadError')}>
            {errorText(list.error)}
          </Alert>
        )}
        {list.data && list.data.items.length === 0 ? (
          <Paper withBorder p="xl" radius="md" ta="center">
            <Text c="dimmed">{t('fieldservice.contracts.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fieldservice.contracts.fields.ref')}</Table.Th>
                  <Table.Th>{t('fieldservice.contracts.fields.label')}</Table.Th>
                  <Table.Th>{t('fieldservice.contracts.fields.customer')}</Table.Th>
                  <Table.Th>{t('fieldservice.contracts.fields.startDate')}</Table.Th>
                  <Table.Th>{t('fieldservice.contracts.fields.endDate')}</Table.Th>
                  <Table.Th>{t('fieldservice.contracts.fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('fieldservice.nav.equipment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((c) => (
                  <Table.Tr
                    key={c.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => {
                      if (!(e.target as HTMLElement).closest('a')) void navigate(`/contracts/${c.id}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/contracts/${c.id}`} ff="monospace" size="sm" fw={600}>
                        {c.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>{c.thirdpartyName}</Table.Td>
                    <Table.Td>{format.day(c.startDate)}</Table.Td>
                    <Table.Td>{c.endDate ? format.day(c.endDate) : none}</Table.Td>
                    <Table.Td>
                      <FsStatusBadge kind="contracts" status={c.status} />
                    </Table.Td>
                    <Table.Td ta="right">{format.number(c.equipmentCount)}</Table.Td>
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
        <ContractFormModal
          onClose={createModal.close}
          initialThirdpartyId={thirdpartyId}
          onSaved={(c) => void navigate(`/contracts/${c.id}`)}
        />
      )}
    </>
  );
}
