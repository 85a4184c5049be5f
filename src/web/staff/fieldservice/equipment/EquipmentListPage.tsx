import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { equipmentKeys, listEquipment } from '../../../api/equipment.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPlus, IconSearch } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { Pager, useCursorStack } from '../shared/Pager.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { EquipmentFormModal } from './EquipmentFormModal.js';

/** `/equipment` (`?thirdpartyId=`): the customers' park, searched by serial number, ref or label. */
export function EquipmentListPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const can = useFieldservicePermissions();
  const [params, setParams] = useSearchParams();
  const thirdpartyId = Number(params.get('thirdpartyId')) || null;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const pager = useCursorStack(JSON.stringify([thirdpartyId, q]));
  const filters = { thirdpartyId, q, cursor: pager.cursor };
  const list = useQuery({
    queryKey: equipmentKeys.list(filters),
    queryFn: () => listEquipment(filters),
    placeholderData: keepPreviousData,
  });
  const [creating, createModal] = useDisclosure(false);
  const none = t('fieldservice.common.none');

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t('fieldservice.equipment.title')}
          description={t('fieldservice.equipment.description')}
        />
        {can.writePark && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            {t('fieldservice.equipment.new')}
          </Button>
        )}
      </Group>
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={t('fieldservice.equipment.search')}
            placeholder={t('fieldservice.equipment.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
            maw="100%"
          />
          <ThirdpartySelect
            label={t('fieldservice.common.customer')}
            placeholder={t('fieldservice.common.anyCustomer')}
            value={thirdpartyId}
            onChange={(id) => {
              const next = new URLSearchParams(params);
              if (id === null) next.delete('thirdpartyId');
              else next.set('thirdpartyId', String(id));
              setParams(next, { replace: true });
            }}
            w={280}
          />
        </Group>
        {list.isError && (
          <Alert color="red" role="alert" title={t('fieldservice.common.loadError')}>
            {errorText(list.error)}
          </Alert>
        )}
        {list.data && list.data.items.length === 0 ? (
          <Paper withBorder p="xl" radius="md" ta="center">
            <Text c="dimmed">
              {q ? t('fieldservice.equipment.emptySearch', { q }) : t('fieldservice.equipment.empty')}
            </Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fieldservice.equipment.fields.ref')}</Table.Th>
                  <Table.Th>{t('fieldservice.equipment.fields.label')}</Table.Th>
                  <Table.Th>{t('fieldservice.equipment.fields.serialNumber')}</Table.Th>
                  <Table.Th>{t('fieldservice.equipment.fields.customer')}</Table.Th>
                  <Table.Th>{t('fieldservice.equipment.fields.contract')}</Table.Th>
                  <Table.Th>{t('fieldservice.equipment.fields.location')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((e) => (
                  <Table.Tr
                    key={e.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      if (!(event.target as HTMLElement).closest('a')) void navigate(`/equipment/${e.id}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/equipment/${e.id}`} ff="monospace" size="sm" fw={600}>
                        {e.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.label}</Table.Td>
                    <Table.Td ff="monospace">{e.serialNumber ?? none}</Table.Td>
                    <Table.Td>{e.thirdpartyName}</Table.Td>
                    <Table.Td>{e.contractRef ?? none}</Table.Td>
                    <Table.Td>{e.location ?? none}</Table.Td>
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
        <EquipmentFormModal
          onClose={createModal.close}
          initialThirdpartyId={thirdpartyId}
          onSaved={(e) => void navigate(`/equipment/${e.id}`)}
        />
      )}
    </>
  );
}
