import { DataList, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../api/tickets.api.js';
import { useFormat } from '../../../components/format.js';
import { SeverityBadge } from '../../../components/SeverityBadge.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { EquipmentLink } from '../EquipmentSelect.js';
import { useClassification } from '../lookups.js';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const Dim = ({ children }: { children: React.ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** Every property of the ticket (SPEC 2.1), read-only; the edit form takes this place when editing. */
export function TicketProperties({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const classification = useClassification();
  const never = <Dim>{t('tickets.detail.never')}</Dim>;
  const author = ticket.authorName ?? ticket.authorEmail ?? t('tickets.detail.unknownAuthor');

  return (
    <DataList size="sm" labelWidth={120} gap="sm" withDivider>
      <Item label={t('tickets.detail.status')}>
        <Group gap={6}>
          <StatusBadge status={ticket.status} resolution={ticket.resolution} />
          {ticket.status === 'closed' && ticket.resolution && (
            <Text size="sm">{t(`tickets.resolution.${ticket.resolution}`)}</Text>
          )}
        </Group>
      </Item>
      <Item label={t('tickets.detail.type')}>
        <Text size="sm">{classification.label('type', ticket.typeCode)}</Text>
      </Item>
      <Item label={t('tickets.detail.category')}>
        <Text size="sm">{classification.label('category', ticket.categoryCode)}</Text>
      </Item>
      <Item label={t('tickets.detail.severity')}>
        <SeverityBadge
          label={classification.label('severity', ticket.severityCode)}
          color={classification.color(ticket.severityCode)}
        />
      </Item>
      <Item label={t('tickets.detail.assignee')}>
        {ticket.assigneeName ? (
          <Text size="sm">{ticket.assigneeName}</Text>
        ) : (
          <Dim>{t('tickets.unassigned')}</Dim>
        )}
      </Item>
      <Item label={t('tickets.detail.customer')}>
        {ticket.thirdpartyName ? <Text size="sm">{ticket.thirdpartyName}</Text> : never}
      </Item>
      <Item label={t('tickets.detail.contact')}>
        {ticket.contactName ? <Text size="sm">{ticket.contactName}</Text> : never}
      </Item>
      <Item label={t('fieldservice.ticket.equipment')}>
        {ticket.equipmentId !== null ? <EquipmentLink equipmentId={ticket.equipmentId} /> : never}
      </Item>
      <Item label={t('tickets.detail.author')}>
        <Text size="sm">{author}</Text>
      </Item>
      <Item label={t('tickets.detail.origin')}>
        <Text size="sm">{t(`tickets.origin.${ticket.origin}`)}</Text>
      </Item>
      <Item label={t('tickets.detail.createdAt')}>
        <Text size="sm">{format.dateTime(ticket.createdAt)}</Text>
      </Item>
      <Item label={t('tickets.detail.updatedAt')}>
        <Text size="sm">{format.dateTime(ticket.updatedAt)}</Text>
      </Item>
      <Item label={t('tickets.detail.readAt')}>
        {ticket.readAt ? (
          <Text size="sm">
            {format.dateTime(ticket.readAt)}
            {ticket.elapsedBeforeReadSeconds !== null && ticket.elapsedBeforeReadSeconds > 0 && (
              <Text span size="sm" c="dimmed">
                {' '}
                (
                {t('tickets.detail.readAfter', {
                  duration: format.duration(ticket.elapsedBeforeReadSeconds),
                })}
                )
              </Text>
            )}
          </Text>
        ) : (
          never
        )}
      </Item>
      <Item label={t('tickets.detail.closedAt')}>
        {ticket.closedAt ? <Text size="sm">{format.dateTime(ticket.closedAt)}</Text> : never}
      </Item>
      <Item label={t('tickets.detail.progress')}>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={ticket.progress}
            color={ticket.progress === 100 ? 'teal' : 'indigo'}
            size="md"
            radius="xl"
            w={140}
            aria-label={t('tickets.detail.progress')}
          />
          <Text size="sm" w={44} ta="right">
            {format.percent(ticket.progress)}
          </Text>
        </Group>
      </Item>
      <Item label={t('tickets.detail.duration')}>
        {ticket.durationMinutes > 0 ? (
          <Text size="sm">{format.duration(ticket.durationMinutes * 60)}</Text>
        ) : (
          never
        )}
      </Item>
      <Item label={t('tickets.detail.trackId')}>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {ticket.trackId}
        </Text>
      </Item>
      <Item label={t('tickets.detail.version')}>
        <Text size="sm">{format.number(ticket.version)}</Text>
      </Item>
    </DataList>
  );
}
