import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  INTERVENTION_STATUSES,
  type InterventionStatus,
} from '../../../../common/schemas/intervention.schema.js';
import { interventionKeys, listInterventions } from '../../../api/interventions.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPlus } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { Pager, useCursorStack } from '../shared/Pager.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { InterventionFormModal } from './InterventionFormModal.js';

const isStatus = (v: string | null): v is InterventionStatus =>
  v !== null && (INTERVENTION_STATUSES as readonly string[]).includes(v);

/** `/interventions` (`?thirdpartyId=&status=`): intervention reports, newest first. */
export function InterventionsPage() {
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
    queryKey: interventionKeys.list(filters),
    queryFn: () => listInterventions(filters),
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
          title={t('fieldservice.interventions.title')}
          description={t('fieldservice.interventions.description')}
        />
        {can.writeInterventions && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('fieldservice.interventions.new')}
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
            data={INTERVENTION_STATUSES.map((s) => ({
              value: s,
              label: t(`fieldservice.interventions.status.${s}`),
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
            <Text c="dimmed">{t('fieldservice.interventions.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fieldservice.interventions.fields.ref')}</Table.Th>
                  <Table.Th>{t('fieldservice.interventions.fields.customer')}</Table.Th>
                  <Table.Th>{t('fieldservice.interventions.fields.description')}</Table.Th>
                  <Table.Th>{t('fieldservice.interventions.fields.equipment')}</Table.Th>
                  <Table.Th>{t('fieldservice.interventions.fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('fieldservice.interventions.fields.duration')}</Table.Th>
                  <Table.Th>{t('fieldservice.common.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((i) => (
                  <Table.Tr
                    key={i.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => {
                      if (!(e.target as HTMLElement).closest('a')) void navigate(`/interventions/${i.id}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/interventions/${i.id}`}
                        ff="monospace"
                        size="sm"
                        fw={600}
                      >
                        {i.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i.thirdpartyName}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" truncate="end" title={i.description}>
                        {i.description || none}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.equipmentLabel ?? none}</Table.Td>
                    <Table.Td>
                      <FsStatusBadge kind="interventions" status={i.status} />
                    </Table.Td>
                    <Table.Td ta="right">{format.minutes(i.durationMinutes)}</Table.Td>
                    <Table.Td>{format.shortDate(i.createdAt)}</Table.Td>
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
        <InterventionFormModal
          onClose={() => setCreating(false)}
          onSaved={(i) => void navigate(`/interventions/${i.id}`)}
        />
      )}
    </>
  );
}
