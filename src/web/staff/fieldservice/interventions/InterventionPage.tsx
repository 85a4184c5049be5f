import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  fetchIntervention,
  interventionKeys,
  setInterventionStatus,
  type Intervention,
  type InterventionStatus,
} from '../../../api/interventions.api.js';
import { IconAlert } from '../../../components/icons.js';
import { IconPencil } from '../../../components/ticketIcons.js';
import { BackLink, DetailGate, Field, Fields, Section } from '../shared/DetailShell.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { useFsCommand } from '../shared/useFsCommand.js';
import { InterventionFormModal } from './InterventionFormModal.js';
import { InterventionLines } from './InterventionLines.js';

/** `/interventions/:id`: the intervention, its status steps, its time lines and its tickets. */
export function InterventionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: interventionKeys.one(id),
    queryFn: () => fetchIntervention(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  useDocumentTitle(t('app.pageTitle', { page: query.data?.ref ?? t('fieldservice.interventions.title') }));
  const back = <BackLink to="/interventions" label={t('fieldservice.interventions.detail.back')} />;
  return (
    <DetailGate id={id} query={query} back={back} notFound={t('fieldservice.interventions.detail.notFound')}>
      {(intervention) => <InterventionView intervention={intervention} back={back} />}
    </DetailGate>
  );
}

/** The steps offered from each status (draft → validated → done, validated → draft), as the API allows. */
const NEXT: Record<InterventionStatus, InterventionStatus[]> = {
  draft: ['validated'],
  validated: ['done', 'draft'],
  done: [],
};

function InterventionView({ intervention, back }: { intervention: Intervention; back: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const can = useFieldservicePermissions();
  const [editing, setEditing] = useState(false);
  const status = useFsCommand((next: InterventionStatus) => setInterventionStatus(intervention.id, next), {
    invalidate: [interventionKeys.all],
    success: (i) =>
      i.status === 'done'
        ? t('fieldservice.interventions.actions.done')
        : i.status === 'validated'
          ? t('fieldservice.interventions.actions.validated')
          : t('fieldservice.common.saved'),
  });
  const label: Record<InterventionStatus, string> = {
    validated: t('fieldservice.interventions.actions.validate'),
    done: t('fieldservice.interventions.actions.markDone'),
    draft: t('fieldservice.interventions.actions.backToDraft'),
  };
  const none = t('fieldservice.common.none');

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Text ff="monospace" fw={600} size="lg">
              {intervention.ref}
            </Text>
            <FsStatusBadge kind="interventions" status={intervention.status} />
          </Group>
          <Title order={1} fz={24}>
            <Anchor component={Link} to={`/customers/${intervention.thirdpartyId}`} inherit c="inherit">
              {intervention.thirdpartyName}
            </Anchor>
          </Title>
        </Stack>
        {can.writeInterventions && (
          <Group gap="xs" role="toolbar" aria-label={t('fieldservice.common.actions')}>
            {NEXT[intervention.status].map((next) => (
              <Button
                key={next}
                variant={next === 'draft' ? 'default' : 'filled'}
                loading={status.isPending && status.variables === next}
                onClick={() => status.mutate(next)}
              >
                {label[next]}
              </Button>
            ))}
            {intervention.editable && (
              <Button
                variant="default"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
              >
                {t('fieldservice.common.edit')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {intervention.status === 'done' && (
        <Alert color="gray" icon={<IconAlert />}>
          {t('fieldservice.interventions.detail.doneNotice')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Section title={t('fieldservice.interventions.fields.description')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {intervention.description || none}
              </Text>
            </Section>
            <Section title={t('fieldservice.interventions.lines.title')}>
              <InterventionLines intervention={intervention} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Section title={t('fieldservice.common.details')}>
              <Fields>
                <Field label={t('fieldservice.interventions.fields.equipment')}>
                  {intervention.equipmentId && intervention.equipmentLabel ? (
                    <Anchor component={Link} to={`/equipment/${intervention.equipmentId}`} size="sm">
                      {intervention.equipmentLabel}
                    </Anchor>
                  ) : (
                    none
                  )}
                </Field>
                <Field label={t('fieldservice.interventions.fields.contract')}>
                  {intervention.contractId && intervention.contractRef ? (
                    <Anchor component={Link} to={`/contracts/${intervention.contractId}`} size="sm">
                      {intervention.contractRef}
                    </Anchor>
                  ) : (
                    none
                  )}
                </Field>
                <Field label={t('fieldservice.interventions.fields.duration')}>
                  {format.minutes(intervention.durationMinutes)}
                </Field>
                <Field label={t('fieldservice.common.createdAt')}>
                  {format.dateTime(intervention.createdAt)}
                </Field>
              </Fields>
            </Section>
            <Section title={t('fieldservice.common.linkedTickets')}>
              <LinkedTickets
                tickets={intervention.tickets}
                empty={t('fieldservice.common.noLinkedTickets')}
              />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <InterventionFormModal intervention={intervention} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
