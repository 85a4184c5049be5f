import { Alert, Center, Group, Loader, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type HistoryKind, type TicketStatus } from '../../../../common/tickets.js';
import { useCustomFields } from '../../../api/customFields.api.js';
import { fetchHistory, ticketKeys, type HistoryEntry } from '../../../api/tickets.api.js';
import { useFormat } from '../../../components/format.js';
import { STATUS_COLORS } from '../../../components/StatusBadge.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { useFieldLabel, useValueText as useCustomValueText } from '../customfields/customFieldValues.js';
import { useClassification, type ClassificationKind } from '../lookups.js';

const KIND_COLORS: Partial<Record<HistoryKind, string>> = {
  created: 'indigo',
  assigned: 'indigo',
  closed: 'teal',
  reopened: 'blue',
  deleted: 'red',
  restored: 'blue',
  note_added: 'yellow',
  message_added: 'violet',
  email_sent: 'cyan',
  email_received: 'cyan',
};

const CLASSIFICATION_FIELDS: Record<string, ClassificationKind> = {
  typeCode: 'type',
  categoryCode: 'category',
  severityCode: 'severity',
};

const FIELDS = [
  'subject',
  'message',
  'typeCode',
  'categoryCode',
  'severityCode',
  'status',
  'assigneeId',
  'thirdpartyId',
  'contactId',
  'equipmentId',
  'progress',
  'customFields',
] as const;
type KnownField = (typeof FIELDS)[number];
const isKnownField = (f: string): f is KnownField => (FIELDS as readonly string[]).includes(f);
const isStatus = (v: unknown): v is TicketStatus =>
  typeof v === 'string' && (TICKET_STATUSES as readonly string[]).includes(v);

/** A journal value in words: statuses and codes by their labels, people and companies by their names. */
function useValueText() {
  const { t } = useTranslation();
  const format = useFormat();
  const classification = useClassification();
  const customFields = useCustomFields();
  const fieldLabel = useFieldLabel();
  const customValueText = useCustomValueText();
  const valueText = (field: string | null, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('tickets.history.emptyValue');
    // Custom fields change by key: "Site: Lyon; Units: 3", each by its label and in words.
    if (field === 'customFields' && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => {
          const def = customFields.data?.find((f) => f.key === key);
          const text =
            v === null || v === undefined ? t('tickets.history.emptyValue') : customValueText(def, v);
          return t('customFields.pair', { label: def ? fieldLabel(def) : key, value: text });
        })
        .join(' · ');
    }
    if (field === 'status' && isStatus(value)) return t(`tickets.status.${value}`);
    const dictionary = field ? CLASSIFICATION_FIELDS[field] : undefined;
    if (dictionary && typeof value === 'string') return classification.label(dictionary, value);
    if (field === 'progress' && typeof value === 'number') return format.percent(value);
    if (typeof value === 'object' && value !== null && 'name' in value) {
      const named = value as { name: unknown; id?: unknown };
      return typeof named.name === 'string' ? named.name : `#${String(named.id)}`;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
  return valueText;
}

function actorName(entry: HistoryEntry, t: TFunction): string {
  if (entry.actor.type === 'system') return t('tickets.history.system');
  return entry.actor.name ?? entry.actor.email ?? t('tickets.detail.unknownAuthor');
}

/** The ticket's journal (SPEC 2.3), newest first: who, when, what, and old → new. */
export function HistoryTab({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const valueText = useValueText();
  const history = useQuery({ queryKey: ticketKeys.history(ticketId), queryFn: () => fetchHistory(ticketId) });

  if (history.isPending) {
    return (
      <Center py="xl">
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (history.isError) return <Alert color="red">{errorText(history.error)}</Alert>;
  if (history.data.length === 0) return <Text c="dimmed">{t('tickets.history.empty')}</Text>;

  const entries = [...history.data].reverse();
  return (
    <Timeline bulletSize={22} lineWidth={2} active={-1} mt="xs">
      {entries.map((entry) => {
        const color =
          entry.kind === 'status_changed' && isStatus(entry.newValue)
            ? STATUS_COLORS[entry.newValue]
            : (KIND_COLORS[entry.kind] ?? 'gray');
        const fieldLabel =
          entry.field && isKnownField(entry.field) ? t(`tickets.history.fields.${entry.field}`) : null;
        const showChange = entry.field !== null && (entry.oldValue !== null || entry.newValue !== null);
        const filename = typeof entry.details.filename === 'string' ? entry.details.filename : null;
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<ThemeIcon size={22} radius="xl" color={color} variant="light" />}
            title={
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {actorName(entry, t)}
                </Text>
                <Text size="sm">{t(`tickets.history.kinds.${entry.kind}`)}</Text>
              </Group>
            }
          >
            {showChange && (
              <Text size="sm" c="dimmed" mt={2}>
                {fieldLabel ? `${t('tickets.history.fieldLabel', { field: fieldLabel })} ` : ''}
                <Text span size="sm" td="line-through" c="dimmed">
                  {valueText(entry.field, entry.oldValue)}
                </Text>
                {' → '}
                <Text span size="sm" fw={500} c="var(--mantine-color-text)">
                  {valueText(entry.field, entry.newValue)}
                </Text>
              </Text>
            )}
            {filename && (
              <Text size="sm" c="dimmed" mt={2}>
                {filename}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4} title={format.dateTime(entry.at)}>
              {format.dateTime(entry.at)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
