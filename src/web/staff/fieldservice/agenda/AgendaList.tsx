import { Badge, Checkbox, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EventListItem } from '../../../api/events.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { useDictionary } from '../../tickets/lookups.js';
import { eventsOn } from './week.js';

/** "14:00 – 15:30", or "All day". */
export function useEventTime() {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(currentLanguage(i18n) === 'fr' ? 'fr-FR' : 'en-GB', {
    timeStyle: 'short',
  });
  return (event: EventListItem) =>
    event.allDay
      ? t('fieldservice.agenda.allDay')
      : `${time.format(new Date(event.start))} – ${time.format(new Date(event.end))}`;
}

export function useEventTypeLabel() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const types = useDictionary('event-types');
  return (code: string) => types.data?.find((e) => e.code === code)?.label[language] ?? code;
}

/**
 * The agenda as a list: one block per day of `days` that has events (an event spanning days shows on
 * each), all-day events first, then by start time. Done events are struck through; `onToggleDone` (the
 * user may write) turns their checkbox into a control.
 */
export function AgendaList({
  events,
  days,
  onOpen,
  onToggleDone,
}: {
  events: EventListItem[];
  days: Dayjs[];
  onOpen: (event: EventListItem) => void;
  onToggleDone?: (event: EventListItem, done: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const dayTitle = new Intl.DateTimeFormat(currentLanguage(i18n) === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
  });
  const timeOf = useEventTime();
  const typeLabel = useEventTypeLabel();
  const blocks = days.map((day) => ({ day, items: eventsOn(events, day) })).filter((b) => b.items.length > 0);
  if (blocks.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md" ta="center">
        <Text c="dimmed">{t('fieldservice.agenda.empty')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      {blocks.map(({ day, items }) => {
        const title = dayTitle.format(day.toDate());
        return (
          <section key={day.valueOf()} aria-label={title}>
            <Text
              fw={700}
              size="sm"
              mb={6}
              tt="capitalize"
              c={day.isSame(dayjs(), 'day') ? 'indigo' : undefined}
            >
              {title}
            </Text>
            <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((event) => (
                <Paper key={event.id} component="li" withBorder radius="md" px="md" py="xs">
                  <Group wrap="nowrap" gap="md">
                    <Checkbox
                      aria-label={
                        event.done ? t('fieldservice.agenda.markUndone') : t('fieldservice.agenda.markDone')
                      }
                      checked={event.done}
                      readOnly={!onToggleDone}
                      disabled={!onToggleDone}
                      onChange={(e) => onToggleDone?.(event, e.currentTarget.checked)}
                    />
                    <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
                      {timeOf(event)}
                    </Text>
                    <UnstyledButton onClick={() => onOpen(event)} style={{ flex: 1, minWidth: 0 }}>
                      <Text
                        size="sm"
                        fw={500}
                        truncate="end"
                        td={event.done ? 'line-through' : undefined}
                        c={event.done ? 'dimmed' : undefined}
                      >
                        {event.label}
                      </Text>
                      {event.thirdpartyName && (
                        <Text size="xs" c="dimmed" truncate="end">
                          {event.thirdpartyName}
                        </Text>
                      )}
                    </UnstyledButton>
                    <Badge variant="light" color="gray" radius="sm" tt="none">
                      {typeLabel(event.typeCode)}
                    </Badge>
                    {event.done && (
                      <Badge variant="light" color="teal" radius="sm" tt="none">
                        {t('fieldservice.agenda.done')}
                      </Badge>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
