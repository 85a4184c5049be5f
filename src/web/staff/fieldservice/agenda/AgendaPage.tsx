import { ActionIcon, Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  eventKeys,
  fetchEvent,
  listEvents,
  updateEvent,
  type EventListItem,
} from '../../../api/events.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPlus } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { IconChevronLeft, IconChevronRight } from '../fieldserviceIcons.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { useFieldservicePermissions } from '../shared/permissions.js';
import { useFsCommand } from '../shared/useFsCommand.js';
import { AgendaList, useEventTime } from './AgendaList.js';
import { AgendaWeek } from './AgendaWeek.js';
import { EventFormModal } from './EventFormModal.js';
import { isoDay, weekDays, weekStart } from './week.js';

type View = 'week' | 'list';
/** The list view looks further ahead than a week: four of them. */
const LIST_WEEKS = 4;

/** `/agenda?view=week|list&week=YYYY-MM-DD`: the signed-in user's events, a week or four at a time. */
export function AgendaPage() {
  const { t } = useTranslation();
  const format = useFsFormat();
  const errorText = useErrorText();
  const can = useFieldservicePermissions();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'list' ? 'list' : 'week';
  const weekParam = dayjs(params.get('week') ?? '');
  const monday = weekStart(weekParam.isValid() ? weekParam : dayjs());
  const days = Array.from({ length: view === 'list' ? 7 * LIST_WEEKS : 7 }, (_, i) => monday.add(i, 'day'));
  const filters = {
    ownerId: 'me' as const,
    from: monday.toISOString(),
    to: monday.add(days.length, 'day').toISOString(),
    limit: 500,
  };
  const list = useQuery({
    queryKey: eventKeys.list(filters),
    queryFn: () => listEvents(filters),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const toggleDone = useFsCommand(
    (input: { id: number; done: boolean }) => updateEvent(input.id, { done: input.done }),
    {
      invalidate: [eventKeys.all],
    },
  );
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const events = list.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t('fieldservice.agenda.title')}
          description={t('fieldservice.agenda.description')}
        />
        {can.writeAgenda && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('fieldservice.agenda.new')}
          </Button>
        )}
      </Group>
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('fieldservice.agenda.previousWeek')}
              onClick={() => setParam({ week: isoDay(monday.subtract(1, 'week')) })}
            >
              <IconChevronLeft />
            </ActionIcon>
            <Button variant="default" onClick={() => setParam({ week: null })}>
              {t('fieldservice.agenda.today')}
            </Button>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('fieldservice.agenda.nextWeek')}
              onClick={() => setParam({ week: isoDay(monday.add(1, 'week')) })}
            >
              <IconChevronRight />
            </ActionIcon>
            <Text fw={600} ml="sm">
              {t('fieldservice.agenda.weekOf', { date: format.date(monday.toISOString()) })}
            </Text>
          </Group>
          <SegmentedControl<View>
            value={view}
            onChange={(v) => setParam({ view: v === 'week' ? null : v })}
            data={[
              { value: 'week', label: t('fieldservice.agenda.views.week') },
              { value: 'list', label: t('fieldservice.agenda.views.list') },
            ]}
          />
        </Group>
        {list.isError && (
          <Alert color="red" role="alert" title={t('fieldservice.common.loadError')}>
            {errorText(list.error)}
          </Alert>
        )}
        {view === 'week' ? (
          <AgendaWeek events={events} days={weekDays(monday)} onOpen={(e) => setOpenId(e.id)} />
        ) : (
          <AgendaList
            events={events}
            days={days}
            onOpen={(e) => setOpenId(e.id)}
            onToggleDone={
              can.writeAgenda
                ? (e: EventListItem, done: boolean) => toggleDone.mutate({ id: e.id, done })
                : undefined
            }
          />
        )}
      </Stack>
      {creating && <EventFormModal onClose={() => setCreating(false)} />}
      {openId !== null && (
        <OpenEvent id={openId} canWrite={can.writeAgenda} onClose={() => setOpenId(null)} />
      )}
    </>
  );
}

/** An event opened from the agenda: the edit form to writers, a summary to readers. */
function OpenEvent({ id, canWrite, onClose }: { id: number; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const timeOf = useEventTime();
  const format = useFsFormat();
  const query = useQuery({ queryKey: eventKeys.one(id), queryFn: () => fetchEvent(id) });
  const event = query.data;
  if (event && canWrite && event.editable) return <EventFormModal event={event} onClose={onClose} />;
  return (
    <Modal opened onClose={onClose} title={event?.label ?? t('common.loading')}>
      {query.isError && <Alert color="red">{errorText(query.error)}</Alert>}
      {event && (
        <Stack gap="xs">
          <Text size="sm">
            {format.date(event.start)} · {timeOf(event)}
          </Text>
          {event.thirdpartyName && <Text size="sm">{event.thirdpartyName}</Text>}
          {event.ownerName && (
            <Text size="sm" c="dimmed">
              {t('fieldservice.agenda.fields.owner')}
              {t('fieldservice.common.colon')}
              {event.ownerName}
            </Text>
          )}
          <LinkedTickets tickets={event.tickets} empty={t('fieldservice.common.noLinkedTickets')} />
        </Stack>
      )}
    </Modal>
  );
}
