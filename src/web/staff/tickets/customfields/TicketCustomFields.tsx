import { Badge, Button, DataList, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isEmptyValue,
  validateCustomFieldValues,
  type CustomFieldIssue,
} from '../../../../common/customFields.js';
import { useCustomFields, type CustomField } from '../../../api/customFields.api.js';
import { updateTicket, type Ticket } from '../../../api/tickets.api.js';
import { IconPencil } from '../../../components/ticketIcons.js';
import { useTicketCommand } from '../detail/useTicketCommand.js';
import { CustomFieldInputs } from './CustomFieldInput.js';
import {
  editedValues,
  serverIssues,
  useFieldLabel,
  useIssueText,
  useValueText,
  type Draft,
  type Drafts,
} from './customFieldValues.js';

/**
 * The ticket's custom fields: every field that holds a value (an inactive one too, marked), and for whoever
 * may edit the ticket, an edit mode over the active fields. Hidden when there is nothing to show or edit.
 */
export function TicketCustomFields({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const definitions = useCustomFields();
  const [editing, setEditing] = useState(false);
  const all = definitions.data ?? [];
  const active = all.filter((f) => f.active);
  const canEdit = ticket.abilities.update && active.length > 0;
  const filled = Object.keys(ticket.customFields).filter((key) => !isEmptyValue(ticket.customFields[key]));
  if (filled.length === 0 && !canEdit) return null;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('customFields.ticket.title')}>
      <Group justify="space-between" mb="md" mih={28}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {editing ? t('customFields.ticket.editTitle') : t('customFields.ticket.title')}
        </Text>
        {canEdit && !editing && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
            aria-label={t('customFields.ticket.editTitle')}
            onClick={() => setEditing(true)}
          >
            {t('customFields.ticket.edit')}
          </Button>
        )}
      </Group>
      {editing && canEdit ? (
        <EditForm ticket={ticket} fields={active} all={all} onDone={() => setEditing(false)} />
      ) : (
        <Values ticket={ticket} all={all} filled={filled} />
      )}
    </Paper>
  );
}

function Values({ ticket, all, filled }: { ticket: Ticket; all: CustomField[]; filled: string[] }) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel();
  const valueText = useValueText();
  if (filled.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('customFields.ticket.empty')}
      </Text>
    );
  }
  // Definitions in form order, then any key the list does not know (still shown, by its key).
  const known = all.filter((f) => filled.includes(f.key));
  const unknown = filled.filter((key) => !all.some((f) => f.key === key));
  return (
    <DataList size="sm" labelWidth={120} gap="sm" withDivider>
      {known.map((f) => (
        <DataList.Item key={f.key}>
          <DataList.ItemLabel>
            <Text size="sm" c="dimmed">
              {labelOf(f)}
            </Text>
            {!f.active && (
              <Badge size="xs" variant="outline" color="gray" title={t('customFields.ticket.inactiveHint')}>
                {t('customFields.ticket.inactive')}
              </Badge>
            )}
          </DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {valueText(f, ticket.customFields[f.key])}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      ))}
      {unknown.map((key) => (
        <DataList.Item key={key}>
          <DataList.ItemLabel>
            <Text size="sm" c="dimmed" ff="monospace">
              {key}
            </Text>
          </DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{valueText(undefined, ticket.customFields[key])}</Text>
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/**
 * Edits the active fields in place. Only the changed fields are sent (an emptied one as null, which clears
 * it), with the version the page holds: a concurrent change answers 409 and the page reloads the ticket.
 */
function EditForm({
  ticket,
  fields,
  all,
  onDone,
}: {
  ticket: Ticket;
  fields: CustomField[];
  all: CustomField[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(fields.map((f) => [f.key, (ticket.customFields[f.key] as Draft | undefined) ?? null])),
  );
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<CustomFieldIssue[]>([]);
  const check = validateCustomFieldValues(all, editedValues(fields, drafts, ticket.customFields), 'edit');
  const save = useTicketCommand(
    ticket.id,
    () => updateTicket(ticket.id, { version: ticket.version, customFields: check.values }),
    {
      success: t('customFields.ticket.saved'),
      onSuccess: onDone,
      onRefused: (err) => {
        const issues = serverIssues(err);
        if (issues) setServer(issues);
        return issues !== null;
      },
    },
  );
  const texts = (issues: CustomFieldIssue[]) =>
    Object.fromEntries(
      issues.map((i) => [i.key, issueText(all.find((f) => f.key === i.key)?.type, i, drafts[i.key])]),
    );
  const errors = { ...(showErrors ? texts(check.issues) : {}), ...texts(server) };
  const unshown = server.filter((i) => !fields.some((f) => f.key === i.key));

  return (
    <form
      noValidate
      aria-label={t('customFields.ticket.editTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        setShowErrors(true);
        if (check.issues.length > 0) return;
        if (Object.keys(check.values).length === 0) onDone();
        else save.mutate();
      }}
    >
      <Stack gap="sm">
        <CustomFieldInputs
          fields={fields}
          values={drafts}
          errors={errors}
          onChange={(key, value) => {
            setDrafts((d) => ({ ...d, [key]: value }));
            setServer((issues) => issues.filter((i) => i.key !== key));
          }}
        />
        {unshown.length > 0 && (
          <Text size="sm" c="red" role="alert">
            {t('customFields.issues.unavailable')}
          </Text>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('customFields.ticket.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('customFields.ticket.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
