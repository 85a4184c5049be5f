import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contractKeys, fetchContract, setContractStatus, type Contract } from '../../../api/contracts.api.js';
import { IconPencil } from '../../../components/ticketIcons.js';
import { BackLink, DetailGate, Field, Fields, Section } from '../shared/DetailShell.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { EquipmentList, InterventionList } from '../shared/RelatedLists.js';
import { useFsCommand } from '../shared/useFsCommand.js';
import { ContractFormModal } from './ContractFormModal.js';

/** `/contracts/:id`: the contract, the equipment it covers, its interventions and their tickets. */
export function ContractPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: contractKeys.one(id),
    queryFn: () => fetchContract(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  useDocumentTitle(t('app.pageTitle', { page: query.data?.ref ?? t('fieldservice.contracts.title') }));
  const back = <BackLink to="/contracts" label={t('fieldservice.contracts.detail.back')} />;
  return (
    <DetailGate id={id} query={query} back={back} notFound={t('fieldservice.contracts.detail.notFound')}>
      {(contract) => <ContractView contract={contract} back={back} />}
    </DetailGate>
  );
}

function ContractView({ contract, back }: { contract: Contract; back: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const can = useFieldservicePermissions();
  const [editing, setEditing] = useState(false);
  const status = useFsCommand((next: 'draft' | 'active' | 'closed') => setContractStatus(contract.id, next), {
    invalidate: [contractKeys.all],
    success: (c) =>
      c.status === 'closed'
        ? t('fieldservice.contracts.actions.closed')
        : t('fieldservice.contracts.actions.validated'),
  });
  const none = t('fieldservice.common.none');

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Text ff="monospace" fw={600} c="dimmed" size="sm">
              {contract.ref}
            </Text>
            <FsStatusBadge kind="contracts" status={contract.status} />
          </Group>
          <Title order={1} fz={26}>
            {contract.label}
          </Title>
          <Anchor component={Link} to={`/customers/${contract.thirdpartyId}`} size="sm">
            {contract.thirdpartyName}
          </Anchor>
        </Stack>
        {can.writePark && (
          <Group gap="xs" role="toolbar" aria-label={t('fieldservice.common.actions')}>
            {contract.status === 'draft' && (
              <Button loading={status.isPending} onClick={() => status.mutate('active')}>
                {t('fieldservice.contracts.actions.validate')}
              </Button>
            )}
            {(contract.status === 'active' || contract.status === 'expired') && (
              <Button variant="default" loading={status.isPending} onClick={() => status.mutate('closed')}>
                {t('fieldservice.contracts.actions.close')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t('fieldservice.common.edit')}
            </Button>
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('fieldservice.common.details')}>
            <Fields>
              <Field label={t('fieldservice.contracts.fields.startDate')}>
                {format.day(contract.startDate)}
              </Field>
              <Field label={t('fieldservice.contracts.fields.endDate')}>
                {contract.endDate ? format.day(contract.endDate) : none}
              </Field>
              <Field label={t('fieldservice.contracts.fields.notes')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {contract.notes ?? none}
                </Text>
              </Field>
              <Field label={t('fieldservice.common.updatedAt')}>{format.dateTime(contract.updatedAt)}</Field>
            </Fields>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Section title={t('fieldservice.contracts.detail.equipment')}>
              <EquipmentList
                filters={{ contractId: contract.id }}
                empty={t('fieldservice.contracts.detail.noEquipment')}
              />
            </Section>
            {can.readInterventions && (
              <Section title={t('fieldservice.contracts.detail.interventions')}>
                <InterventionList
                  filters={{ contractId: contract.id }}
                  empty={t('fieldservice.contracts.detail.noInterventions')}
                />
              </Section>
            )}
            <Section title={t('fieldservice.common.linkedTickets')}>
              <LinkedTickets tickets={contract.tickets} empty={t('fieldservice.common.noLinkedTickets')} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ContractFormModal contract={contract} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
