import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  fetchProposal,
  proposalKeys,
  setProposalStatus,
  type Proposal,
  type ProposalStatus,
} from '../../../api/proposals.api.js';
import { IconAlert } from '../../../components/icons.js';
import { IconPencil } from '../../../components/ticketIcons.js';
import { IconPrinter } from '../fieldserviceIcons.js';
import { BackLink, DetailGate, Field, Fields, Section } from '../shared/DetailShell.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { FsStatusBadge } from '../shared/FsStatusBadge.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { useFsCommand } from '../shared/useFsCommand.js';
import { ProposalFormModal } from './ProposalFormModal.js';
import { ProposalLines } from './ProposalLines.js';

/** `/proposals/:id`: the proposal, its lines and totals, its status steps and its tickets. */
export function ProposalPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: proposalKeys.one(id),
    queryFn: () => fetchProposal(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  useDocumentTitle(t('app.pageTitle', { page: query.data?.ref ?? t('fieldservice.proposals.title') }));
  const back = <BackLink to="/proposals" label={t('fieldservice.proposals.detail.back')} />;
  return (
    <DetailGate id={id} query={query} back={back} notFound={t('fieldservice.proposals.detail.notFound')}>
      {(proposal) => <ProposalView proposal={proposal} back={back} />}
    </DetailGate>
  );
}

/** The steps offered from each status, as the API allows: draft → validated → signed | refused. */
const NEXT: Record<ProposalStatus, ProposalStatus[]> = {
  draft: ['validated'],
  validated: ['signed', 'refused', 'draft'],
  signed: [],
  refused: [],
};

function ProposalView({ proposal, back }: { proposal: Proposal; back: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const can = useFieldservicePermissions();
  const [editing, setEditing] = useState(false);
  const done: Record<ProposalStatus, string> = {
    draft: t('fieldservice.common.saved'),
    validated: t('fieldservice.proposals.actions.validated'),
    signed: t('fieldservice.proposals.actions.signed'),
    refused: t('fieldservice.proposals.actions.refused'),
  };
  const status = useFsCommand((next: ProposalStatus) => setProposalStatus(proposal.id, next), {
    invalidate: [proposalKeys.all],
    success: (p) => done[p.status],
  });
  const label: Record<ProposalStatus, string> = {
    draft: t('fieldservice.interventions.actions.backToDraft'),
    validated: t('fieldservice.proposals.actions.validate'),
    signed: t('fieldservice.proposals.actions.sign'),
    refused: t('fieldservice.proposals.actions.refuse'),
  };
  const expired =
    proposal.validUntil !== null &&
    (proposal.status === 'draft' || proposal.status === 'validated') &&
    proposal.validUntil < dayjs().format('YYYY-MM-DD');
  const none = t('fieldservice.common.none');

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Text ff="monospace" fw={600} size="lg">
              {proposal.ref}
            </Text>
            <FsStatusBadge kind="proposals" status={proposal.status} />
            {expired && (
              <Badge color="orange" variant="light" radius="sm" tt="none">
                {t('fieldservice.proposals.detail.expired')}
              </Badge>
            )}
          </Group>
          <Title order={1} fz={24}>
            <Anchor component={Link} to={`/customers/${proposal.thirdpartyId}`} inherit c="inherit">
              {proposal.thirdpartyName}
            </Anchor>
          </Title>
        </Stack>
        <Group gap="xs" role="toolbar" aria-label={t('fieldservice.common.actions')}>
          {can.writeProposals &&
            NEXT[proposal.status].map((next) => (
              <Button
                key={next}
                variant={next === 'draft' ? 'default' : next === 'refused' ? 'light' : 'filled'}
                color={next === 'refused' ? 'red' : next === 'signed' ? 'teal' : undefined}
                loading={status.isPending && status.variables === next}
                onClick={() => status.mutate(next)}
              >
                {label[next]}
              </Button>
            ))}
          {proposal.editable && (
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t('fieldservice.common.edit')}
            </Button>
          )}
          <Button
            component={Link}
            to={`/proposals/${proposal.id}/print`}
            variant="default"
            leftSection={<IconPrinter size={16} />}
          >
            {t('fieldservice.proposals.detail.print')}
          </Button>
        </Group>
      </Group>
      {!proposal.editable && proposal.status !== 'draft' && (
        <Alert color="gray" icon={<IconAlert />}>
          {t('fieldservice.proposals.detail.lockedNotice')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Section title={t('fieldservice.proposals.lines.title')}>
            <ProposalLines proposal={proposal} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title={t('fieldservice.common.details')}>
              <Fields>
                <Field label={t('fieldservice.proposals.fields.validUntil')}>
                  {proposal.validUntil ? format.day(proposal.validUntil) : none}
                </Field>
                <Field label={t('fieldservice.common.notes')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {proposal.notes ?? none}
                  </Text>
                </Field>
                <Field label={t('fieldservice.common.createdAt')}>
                  {format.dateTime(proposal.createdAt)}
                </Field>
              </Fields>
            </Section>
            <Section title={t('fieldservice.common.linkedTickets')}>
              <LinkedTickets tickets={proposal.tickets} empty={t('fieldservice.common.noLinkedTickets')} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ProposalFormModal proposal={proposal} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
