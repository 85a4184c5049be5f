import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldGroup } from '../../../../common/customFields.js';
import {
  useCustomFields,
  useReorderCustomFields,
  useSetCustomFieldActive,
  type CustomField,
} from '../../../api/customFields.api.js';
import { icon } from '../../../components/icons.js';
import { IconPencil, IconSortAsc, IconSortDesc } from '../../../components/ticketIcons.js';
import { moveId } from './customFieldForm.js';
import { CustomFieldModal } from './CustomFieldModal.js';
import { useCustomFieldErrorText } from './useCustomFieldErrorText.js';

const IconGrip = icon(['M9 5h.01', 'M9 12h.01', 'M9 19h.01', 'M15 5h.01', 'M15 12h.01', 'M15 19h.01']);

const GROUP_COLORS: Record<CustomFieldGroup, string> = { IN: 'gray', OUT: 'teal', BOTH: 'violet' };

/** IN / OUT / BOTH, with what it means on hover or focus. */
export function GroupBadge({ group }: { group: CustomFieldGroup }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`customFields.groups.${group}.hint`)} multiline w={280}>
      <Badge
        color={GROUP_COLORS[group]}
        variant="light"
        radius="sm"
        tabIndex={0}
        title={t(`customFields.groups.${group}.hint`)}
      >
        {group} · {t(`customFields.groups.${group}.label`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * Every definition in form order, with create, edit, (de)activate, and reordering: drag a row onto
 * another, or the up and down buttons for the keyboard.
 */
export function CustomFieldTable() {
  const { t } = useTranslation();
  const errorText = useCustomFieldErrorText();
  const fields = useCustomFields();
  const notifyError = (err: unknown) => notifications.show({ color: 'red', message: errorText(err) });
  const toggle = useSetCustomFieldActive(notifyError);
  const reorder = useReorderCustomFields((err) => {
    notifications.show({ color: 'red', message: `${t('customFields.errors.order')} ${errorText(err)}` });
  });
  // `undefined`: no modal; `null`: creating; a field: editing it.
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  if (fields.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (fields.isError) {
    return (
      <Alert color="red" role="alert" title={t('customFields.loadError')}>
        {errorText(fields.error)}
      </Alert>
    );
  }
  const list = fields.data;
  const ids = list.map((f) => f.id);
  const move = (from: number, to: number) => {
    if (from === to || from < 0 || to < 0 || to >= ids.length) return;
    reorder.mutate(moveId(ids, from, to), {
      onSuccess: () => notifications.show({ color: 'teal', message: t('customFields.reordered') }),
    });
  };
  const endDrag = () => {
    setDragging(null);
    setOver(null);
  };
  const yesNo = (v: boolean) => (v ? t('customFields.yes') : t('customFields.no'));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('customFields.dragHint')}
        </Text>
        <Button variant="light" onClick={() => setEditing(null)}>
          {t('customFields.add')}
        </Button>
      </Group>
      {list.length === 0 ? (
        <Text c="dimmed">{t('customFields.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('customFields.columns.order')}</Table.Th>
                <Table.Th>{t('customFields.columns.key')}</Table.Th>
                <Table.Th>{t('customFields.columns.labelFr')}</Table.Th>
                <Table.Th>{t('customFields.columns.labelEn')}</Table.Th>
                <Table.Th>{t('customFields.columns.type')}</Table.Th>
                <Table.Th>{t('customFields.columns.group')}</Table.Th>
                <Table.Th>{t('customFields.columns.required')}</Table.Th>
                <Table.Th>{t('customFields.columns.active')}</Table.Th>
                <Table.Th w={60}>{t('customFields.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f, index) => (
                <Table.Tr
                  key={f.id}
                  data-field-key={f.key}
                  draggable
                  c={f.active ? undefined : 'dimmed'}
                  style={{
                    cursor: 'grab',
                    opacity: dragging === f.id ? 0.4 : 1,
                    boxShadow:
                      over === f.id && dragging !== f.id
                        ? `inset 0 ${ids.indexOf(dragging ?? -1) < index ? -3 : 3}px 0 var(--mantine-color-indigo-5)`
                        : undefined,
                  }}
                  onDragStart={(e) => {
                    setDragging(f.id);
                    // Firefox starts a drag only with some data set.
                    e.dataTransfer?.setData('text/plain', f.key);
                    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragOver={(e) => {
                    if (dragging === null) return;
                    e.preventDefault();
                    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
                    if (over !== f.id) setOver(f.id);
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging !== null) move(ids.indexOf(dragging), index);
                    endDrag();
                  }}
                  onDragEnd={endDrag}
                >
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('customFields.dragHandle', { key: f.key })}>
                        <Text component="span" c="dimmed" lh={0} aria-hidden>
                          <IconGrip size={16} />
                        </Text>
                      </Tooltip>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        disabled={index === 0 || reorder.isPending}
                        aria-label={t('customFields.moveUp', { key: f.key })}
                        onClick={() => move(index, index - 1)}
                      >
                        <IconSortAsc size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        disabled={index === list.length - 1 || reorder.isPending}
                        aria-label={t('customFields.moveDown', { key: f.key })}
                        onClick={() => move(index, index + 1)}
                      >
                        <IconSortDesc size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  <Table.Td ff="monospace">{f.key}</Table.Td>
                  <Table.Td>{f.label.fr}</Table.Td>
                  <Table.Td>{f.label.en}</Table.Td>
                  <Table.Td>
                    {t(`customFields.types.${f.type}`)}
                    {f.options.length > 0 && (
                      <Text span size="xs" c="dimmed" title={f.options.map((o) => o.value).join(', ')}>
                        {' '}
                        ({f.options.length})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <GroupBadge group={f.group} />
                  </Table.Td>
                  <Table.Td>{yesNo(f.required)}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={f.active}
                      disabled={toggle.isPending}
                      aria-label={
                        f.active
                          ? t('customFields.deactivate', { key: f.key })
                          : t('customFields.activate', { key: f.key })
                      }
                      onChange={(ev) => toggle.mutate({ id: f.id, active: ev.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('customFields.edit', { key: f.key })}
                      onClick={() => setEditing(f)}
                    >
                      <IconPencil />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CustomFieldModal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        field={editing ?? null}
      />
    </Stack>
  );
}
