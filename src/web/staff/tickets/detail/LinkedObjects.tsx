import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  listTicketLinks,
  ticketLinkKeys,
  unlinkFromTicket,
  type TicketLink,
} from '../../../api/ticket-links.api.js';
import type { Ticket } from '../../../api/tickets.api.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { IconUnlink } from '../../fieldservice/fieldserviceIcons.js';
import { useFsFormat } from '../../fieldservice/shared/fsFormat.js';
import { FsStatusBadge } from '../../fieldservice/shared/FsStatusBadge.js';
import { useFieldservicePermissions } from '../../fieldservice/shared/permissions.js';
import { useFsCommand } from '../../fieldservice/shared/useFsCommand.js';

/** Where each linked object opens: its card, or the agenda week of an event. */
function linkTarget(link: TicketLink): string {
  switch (link.objectType) {
    case 'intervention':
      return `/interventions/${link.objectId}`;
    case 'proposal':
      return `/proposals/${link.objectId}`;
    case 'event':
      return `/agenda?week=${dayjs(link.start ?? undefined).format('YYYY-MM-DD')}`;
  }
}

function LinkStatus({ link }: { link: TicketLink }) {
  const { t } = useTranslation();
  if (
    link.objectType === 'intervention' &&
    (link.status === 'draft' || link.status === 'validated' || link.status === 'done')
  )
    return <FsStatusBadge kind="interventions" status={link.status} size="sm" />;
  if (
    link.objectType === 'proposal' &&
    (link.status === 'draft' ||
      link.status === 'validated' ||
      link.status === 'signed' ||
      link.status === 'refused')
  )
    return <FsStatusBadge kind="proposals" status={link.status} size="sm" />;
  if (link.objectType === 'event')
    return (
      <Text size="sm" c={link.status === 'done' ? 'teal' : 'dimmed'}>
        {link.status === 'done' ? t('fieldservice.links.eventDone') : t('fieldservice.links.eventTodo')}
      </Text>
    );
  return <Text size="sm">{link.status}</Text>;
}

/**
 * The ticket's "Linked objects" block (SPEC 6): interventions, proposals and events with their status
 * and totals or duration as the API computed them, each unlinkable by whoever may change that kind of
 * object. The API lists only the kinds the user may read; the block hides when they may read none.
 */
export function LinkedObjects({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const errorText = useErrorText();
  const can = useFieldservicePermissions();
  const canRead = can.readInterventions || can.readProposals || can.readAgenda;
  const canUnlink: Record<TicketLink['objectType'], boolean> = {
    intervention: can.writeInterventions,
    proposal: can.writeProposals,
    event: can.writeAgenda,
  };
  const links = useQuery({
    queryKey: ticketLinkKeys.of(ticket.id),
    queryFn: () => listTicketLinks(ticket.id),
    enabled: canRead,
  });
  const [unlinking, setUnlinking] = useState<TicketLink | null>(null);
  const unlink = useFsCommand(
    (link: TicketLink) => unlinkFromTicket(ticket.id, link.objectType, link.objectId),
    { invalidate: [], success: t('fieldservice.links.unlinked'), onSuccess: () => setUnlinking(null) },
  );
  if (!canRead) return null;

  const amount = (link: TicketLink) => {
    if (link.durationMinutes !== null) return format.minutes(link.durationMinutes);
    if (link.totalExclTax !== null && link.totalInclTax !== null)
      return t('fieldservice.links.totals', {
        excl: format.money(link.totalExclTax),
        incl: format.money(link.totalInclTax),
      });
    if (link.start) return format.dateTime(link.start);
    return t('fieldservice.common.none');
  };
  const items = links.data ?? [];

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('fieldservice.links.title')}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm" style={{ letterSpacing: '0.04em' }}>
        {t('fieldservice.links.title')}
      </Text>
      {links.isError && (
        <Text size="sm" c="red">
          {errorText(links.error)}
        </Text>
      )}
      {links.isPending && (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      )}
      {links.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('fieldservice.links.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table verticalSpacing={6} horizontalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fieldservice.links.columns.type')}</Table.Th>
              <Table.Th>{t('fieldservice.links.columns.label')}</Table.Th>
              <Table.Th>{t('fieldservice.links.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('fieldservice.links.columns.amount')}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((link) => {
              const name = link.ref ?? link.label;
              return (
                <Table.Tr key={`${link.objectType}-${link.objectId}`}>
                  <Table.Td>{t(`fieldservice.links.types.${link.objectType}`)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Anchor
                        component={Link}
                        to={linkTarget(link)}
                        size="sm"
                        fw={600}
                        ff={link.ref ? 'monospace' : undefined}
                      >
                        {name}
                      </Anchor>
                      {link.ref && (
                        <Text size="xs" c="dimmed" lineClamp={1} title={link.label}>
                          {link.label}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <LinkStatus link={link} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {amount(link)}
                  </Table.Td>
                  <Table.Td>
                    {canUnlink[link.objectType] && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('fieldservice.links.unlink', { ref: name })}
                        onClick={() => setUnlinking(link)}
                      >
                        <IconUnlink size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {unlinking && (
        <Modal opened onClose={() => setUnlinking(null)} title={t('fieldservice.links.unlinkTitle')}>
          <Stack>
            <Text size="sm">
              {t('fieldservice.links.unlinkText', { ref: unlinking.ref ?? unlinking.label })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUnlinking(null)}>
                {t('fieldservice.common.cancel')}
              </Button>
              <Button color="red" loading={unlink.isPending} onClick={() => unlink.mutate(unlinking)}>
                {t('fieldservice.links.unlinkSubmit')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
