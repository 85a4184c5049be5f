import { Badge, Paper, ScrollArea, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EventListItem } from '../../../api/events.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { useEventTime, useEventTypeLabel } from './AgendaList.js';
import { eventsOn } from './week.js';

/** Seven columns, Monday first; each day lists its events like a diary page. */
export function AgendaWeek({
  events,
  days,
  onOpen,
}: {
  events: EventListItem[];
  days: Dayjs[];
  onOpen: (event: EventListItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLanguage(i18n) === 'fr' ? 'fr-FR' : 'en-GB';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const dayNumber = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const timeOf = useEventTime();
  const typeLabel = useEventTypeLabel();
  return (
    <ScrollArea type="auto">
      <SimpleGrid cols={7} spacing="xs" miw={900}>
        {days.map((day) => {
          const today = day.isSame(dayjs(), 'day');
          const items = eventsOn(events, day);
          return (
            <Paper
              key={day.valueOf()}
              withBorder
              radius="md"
              p="xs"
              mih={260}
              component="section"
              aria-label={full.format(day.toDate())}
              bg={today ? 'indigo.0' : undefined}
            >
              <Text size="xs" tt="uppercase" fw={700} c={today ? 'indigo' : 'dimmed'}>
                {weekday.format(day.toDate())}
              </Text>
              <Text size="sm" fw={600} mb="xs">
                {dayNumber.format(day.toDate())}
              </Text>
              <Stack gap={6}>
                {items.map((event) => (
                  <UnstyledButton
                    key={event.id}
                    onClick={() => onOpen(event)}
                    p={6}
                    style={{
                      borderRadius: 6,
                      borderLeft: '3px solid var(--mantine-color-indigo-5)',
                      background: event.allDay
                        ? 'var(--mantine-color-indigo-1)'
                        : 'var(--mantine-color-gray-1)',
                      opacity: event.done ? 0.6 : 1,
                    }}
                  >
                    <Text size="xs" c="dimmed">
                      {timeOf(event)}
                    </Text>
                    <Text size="sm" fw={500} lineClamp={3} td={event.done ? 'line-through' : undefined}>
                      {event.label}
                    </Text>
                    <Badge size="xs" variant="light" color="gray" radius="sm" tt="none" mt={2}>
                      {typeLabel(event.typeCode)}
                    </Badge>
                    {event.done && (
                      <Badge size="xs" variant="light" color="teal" radius="sm" tt="none" mt={2} ml={4}>
                        {t('fieldservice.agenda.done')}
                      </Badge>
                    )}
                  </UnstyledButton>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </ScrollArea>
  );
}
