import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createEvent,
  createEventFromTicket,
  deleteEvent,
  eventKeys,
  updateEvent,
  type AgendaEvent,
} from '../../../api/events.api.js';
import type { Ticket } from '../../../api/tickets.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { useSignedInUser } from '../../auth/session.js';
import { useAssignableUsers, useDictionary } from '../../tickets/lookups.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { DateField } from '../shared/DateField.js';
import { LinkedTickets } from '../shared/LinkedTickets.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';
import { defaultTimes, switchAllDay, toFormTimes, toInstants, type FormTimes } from './eventTimes.js';

/**
 * Create or edit an agenda event. From a ticket (`ticket`), the label starts as "<ref> – <subject>",
 * the customer as the ticket's, and the type is left to the server's default (setting
 * agenda.defaultEventType) unless the user picks one; the event comes back linked to the ticket.
 */
export function EventFormModal({
  event,
  ticket,
  onClose,
  onSaved,
}: {
  event?: AgendaEvent;
  ticket?: Ticket;
  onClose: () => void;
  onSaved?: (event: AgendaEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const refusal = useRefusalText();
  const me = useSignedInUser();
  const users = useAssignableUsers();
  const types = useDictionary('event-types');
  const [typeCode, setTypeCode] = useState<string | null>(event?.typeCode ?? null);
  const [label, setLabel] = useState(event?.label ?? (ticket ? `${ticket.ref} – ${ticket.subject}` : ''));
  const [times, setTimes] = useState<FormTimes>(() => (event ? toFormTimes(event) : defaultTimes()));
  const [ownerId, setOwnerId] = useState<number>(event?.ownerId ?? me.id);
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(
    event ? event.thirdpartyId : (ticket?.thirdpartyId ?? null),
  );
  const [done, setDone] = useState(event?.done ?? false);
  const [notes, setNotes] = useState(event?.notes ?? '');
  const [showErrors, setShowErrors] = useState(false);

  const instants = toInstants(times);
  const errors = {
    label: label.trim() === '' ? t('validation.required') : null,
    start: times.start ? null : t('validation.required'),
    end: instants && instants.end < instants.start ? t('fieldservice.agenda.form.endBeforeStart') : null,
  };
  const invalid = !instants || Object.values(errors).some((e) => e !== null);

  const save = useFsCommand(
    () => {
      const fields = {
        label: label.trim(),
        start: instants?.start ?? '',
        end: instants?.end ?? '',
        allDay: times.allDay,
        ownerId,
        thirdpartyId,
        done,
        notes: notes.trim() === '' ? null : notes.trim(),
        ...(typeCode ? { typeCode } : {}),
      };
      if (event) return updateEvent(event.id, fields);
      return ticket ? createEventFromTicket(ticket.id, fields) : createEvent(fields);
    },
    {
      invalidate: [eventKeys.all],
      quiet: true,
      success: event ? t('fieldservice.common.saved') : t('fieldservice.agenda.form.created'),
      onSuccess: (saved) => {
        onClose();
        onSaved?.(saved);
      },
    },
  );

  const remove = useFsCommand(() => deleteEvent(event?.id ?? 0), {
    invalidate: [eventKeys.all],
    success: t('fieldservice.common.deleted'),
    onSuccess: onClose,
  });

  const typeData = (types.data ?? [])
    .filter((e) => e.active || e.code === event?.typeCode)
    .map((e) => ({ value: e.code, label: e.label[language] }));
  const ownerData = (users.data ?? [{ id: me.id, name: me.name }]).map((u) => ({
    value: String(u.id),
    label: u.name,
  }));
  if (!ownerData.some((o) => o.value === String(ownerId)))
    ownerData.unshift({ value: String(ownerId), label: event?.ownerName ?? String(ownerId) });

  return (
    <Modal
      opened
      onClose={onClose}
      title={event ? t('fieldservice.agenda.form.editTitle') : t('fieldservice.agenda.form.createTitle')}
      size="lg"
    >
      <form
        noValidate
        aria-label={
          event ? t('fieldservice.agenda.form.editTitle') : t('fieldservice.agenda.form.createTitle')
        }
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!invalid) save.mutate(undefined);
        }}
      >
        <Stack>
          <Group grow align="flex-start">
            <Select
              label={t('fieldservice.agenda.fields.type')}
              placeholder={t('fieldservice.agenda.defaultType')}
              data={typeData}
              value={typeCode}
              onChange={setTypeCode}
              clearable={!event}
              allowDeselect={!event}
            />
            <Select
              label={t('fieldservice.agenda.fields.owner')}
              data={ownerData}
              value={String(ownerId)}
              onChange={(v) => v && setOwnerId(Number(v))}
              allowDeselect={false}
              searchable
            />
          </Group>
          <TextInput
            label={t('fieldservice.agenda.fields.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={showErrors && errors.label}
            maxLength={255}
            required
            data-autofocus
          />
          <Switch
            label={t('fieldservice.agenda.fields.allDay')}
            checked={times.allDay}
            onChange={(e) => setTimes((current) => switchAllDay(current, e.currentTarget.checked))}
          />
          <Group grow align="flex-start">
            <DateField
              key={`start-${String(times.allDay)}`}
              withTime={!times.allDay}
              label={t('fieldservice.agenda.fields.start')}
              value={times.start}
              onChange={(v) => setTimes((c) => ({ ...c, start: v }))}
              error={showErrors && errors.start}
              required
            />
            <DateField
              key={`end-${String(times.allDay)}`}
              withTime={!times.allDay}
              label={t('fieldservice.agenda.fields.end')}
              value={times.end}
              onChange={(v) => setTimes((c) => ({ ...c, end: v }))}
              error={errors.end}
            />
          </Group>
          <ThirdpartySelect
            label={t('fieldservice.agenda.fields.customer')}
            placeholder={t('fieldservice.common.customerPlaceholder')}
            value={thirdpartyId}
            onChange={setThirdpartyId}
          />
          <Textarea
            label={t('fieldservice.common.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={2}
            maxLength={10000}
          />
          <Checkbox
            label={t('fieldservice.agenda.fields.done')}
            checked={done}
            onChange={(e) => setDone(e.currentTarget.checked)}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {refusal(save.error)}
            </Alert>
          )}
          {event && event.tickets.length > 0 && (
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('fieldservice.common.linkedTickets')}
              </Text>
              <LinkedTickets tickets={event.tickets} empty={t('fieldservice.common.noLinkedTickets')} />
            </div>
          )}
          <Group justify="flex-end">
            {event && (
              <Button
                variant="subtle"
                color="red"
                mr="auto"
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                {t('fieldservice.common.delete')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('fieldservice.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('fieldservice.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
