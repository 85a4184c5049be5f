import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addInterventionLine,
  deleteInterventionLine,
  interventionKeys,
  updateInterventionLine,
  type Intervention,
  type InterventionLine,
} from '../../../api/interventions.api.js';
import { IconPencil, IconPlus, IconTrash } from '../../../components/ticketIcons.js';
import { DateField } from '../shared/DateField.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

/**
 * The time lines of an intervention: date, minutes, description. While the intervention may change
 * (`editable`: not done, and the user may write), lines are added, edited and deleted here; each
 * change answers the whole intervention, whose total (and the linked tickets' durations) the server
 * recomputed, so the total shown is always the server's.
 */
export function InterventionLines({ intervention }: { intervention: Intervention }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const [editing, setEditing] = useState<InterventionLine | 'new' | null>(null);
  const remove = useFsCommand((lineId: number) => deleteInterventionLine(intervention.id, lineId), {
    invalidate: [interventionKeys.all],
    success: t('fieldservice.interventions.lines.deleted'),
  });
  const editable = intervention.editable;

  return (
    <Stack gap="sm">
      {intervention.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fieldservice.interventions.lines.empty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('fieldservice.interventions.lines.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('fieldservice.interventions.lines.date')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('fieldservice.interventions.lines.duration')}
              </Table.Th>
              <Table.Th>{t('fieldservice.interventions.lines.description')}</Table.Th>
              {editable && <Table.Th w={80} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {intervention.lines.map((line) => {
              const date = format.day(line.date);
              return (
                <Table.Tr key={line.id}>
                  <Table.Td>{date}</Table.Td>
                  <Table.Td ta="right">{format.number(line.durationMinutes)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.description}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('fieldservice.interventions.lines.edit', { date })}
                          onClick={() => setEditing(line)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('fieldservice.interventions.lines.delete', { date })}
                          loading={remove.isPending && remove.variables === line.id}
                          onClick={() => remove.mutate(line.id)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('fieldservice.interventions.lines.total')}</Table.Th>
              <Table.Th ta="right" aria-label={t('fieldservice.interventions.fields.duration')}>
                {format.minutes(intervention.durationMinutes)}
              </Table.Th>
              <Table.Th colSpan={editable ? 2 : 1} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      {editable && (
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
        >
          {t('fieldservice.interventions.lines.add')}
        </Button>
      )}
      {editing !== null && (
        <LineModal
          intervention={intervention}
          line={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function LineModal({
  intervention,
  line,
  onClose,
}: {
  intervention: Intervention;
  line: InterventionLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const [date, setDate] = useState<string | null>(line?.date ?? dayjs().format('YYYY-MM-DD'));
  const [minutes, setMinutes] = useState<number | string>(line?.durationMinutes ?? '');
  const [description, setDescription] = useState(line?.description ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const save = useFsCommand(
    () => {
      const input = { date: date ?? '', durationMinutes: Number(minutes), description: description.trim() };
      return line
        ? updateInterventionLine(intervention.id, line.id, input)
        : addInterventionLine(intervention.id, input);
    },
    {
      invalidate: [interventionKeys.all],
      quiet: true,
      success: line
        ? t('fieldservice.interventions.lines.saved')
        : t('fieldservice.interventions.lines.added'),
      onSuccess: onClose,
    },
  );
  const minutesValid =
    typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440;
  const errors = {
    date: date ? null : t('validation.required'),
    minutes: minutesValid ? null : t('fieldservice.interventions.lines.durationInvalid'),
  };
  const title = line
    ? t('fieldservice.interventions.lines.editTitle')
    : t('fieldservice.interventions.lines.addTitle');

  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!errors.date && !errors.minutes) save.mutate(undefined);
        }}
      >
        <Stack>
          <Group grow align="flex-start">
            <DateField
              label={t('fieldservice.interventions.lines.date')}
              value={date}
              onChange={setDate}
              error={showErrors && errors.date}
              required
            />
            <NumberInput
              label={t('fieldservice.interventions.lines.duration')}
              value={minutes}
              onChange={setMinutes}
              min={1}
              max={1440}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              error={showErrors && errors.minutes}
              required
              data-autofocus
            />
          </Group>
          <Textarea
            label={t('fieldservice.interventions.lines.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            rows={3}
            maxLength={5000}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {refusal(save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
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
