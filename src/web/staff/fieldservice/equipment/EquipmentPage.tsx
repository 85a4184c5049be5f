import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { equipmentKeys, fetchEquipment, type Equipment } from '../../../api/equipment.api.js';
import { IconPencil } from '../../../components/ticketIcons.js';
import { BackLink, DetailGate, Field, Fields, Section } from '../shared/DetailShell.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { InterventionList } from '../shared/RelatedLists.js';
import { EquipmentFormModal } from './EquipmentFormModal.js';

/** `/equipment/:id`: one item of a customer's park, its contract, its tickets and its interventions. */
export function EquipmentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: equipmentKeys.one(id),
    queryFn: () => fetchEquipment(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  useDocumentTitle(t('app.pageTitle', { page: query.data?.label ?? t('fieldservice.equipment.title') }));
  const back = <BackLink to="/equipment" label={t('fieldservice.equipment.detail.back')} />;
  return (
    <DetailGate id={id} query={query} back={back} notFound={t('fieldservice.equipment.detail.notFound')}>
      {(equipment) => <EquipmentView equipment={equipment} back={back} />}
    </DetailGate>
  );
}

function EquipmentView({ equipment, back }: { equipment: Equipment; back: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const can = useFieldservicePermissions();
  const [editing, setEditing] = useState(false);
  const none = t('fieldservice.common.none');

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Text ff="monospace" fw={600} c="dimmed" size="sm">
            {equipment.ref}
          </Text>
          <Title order={1} fz={26}>
            {equipment.label}
          </Title>
          <Anchor component={Link} to={`/customers/${equipment.thirdpartyId}`} size="sm">
            {equipment.thirdpartyName}
          </Anchor>
        </Stack>
        {can.writePark && (
          <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t('fieldservice.common.edit')}
          </Button>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('fieldservice.common.details')}>
            <Fields>
              <Field label={t('fieldservice.equipment.fields.serialNumber')}>
                <Text size="sm" ff="monospace">
                  {equipment.serialNumber ?? none}
                </Text>
              </Field>
              <Field label={t('fieldservice.equipment.fields.contract')}>
                {equipment.contractId && equipment.contractRef ? (
                  <Anchor component={Link} to={`/contracts/${equipment.contractId}`} size="sm">
                    {equipment.contractRef}
                  </Anchor>
                ) : (
                  none
                )}
              </Field>
              <Field label={t('fieldservice.equipment.fields.location')}>{equipment.location ?? none}</Field>
              <Field label={t('fieldservice.equipment.fields.notes')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {equipment.notes ?? none}
                </Text>
              </Field>
              <Field label={t('fieldservice.common.updatedAt')}>{format.dateTime(equipment.updatedAt)}</Field>
            </Fields>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Section title={t('fieldservice.equipment.detail.tickets')}>
              <LinkedTickets
                tickets={equipment.tickets}
                empty={t('fieldservice.equipment.detail.noTickets')}
              />
            </Section>
            {can.readInterventions && (
              <Section title={t('fieldservice.equipment.detail.interventions')}>
                <InterventionList
                  filters={{ equipmentId: equipment.id }}
                  empty={t('fieldservice.equipment.detail.noInterventions')}
                />
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <EquipmentFormModal equipment={equipment} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
