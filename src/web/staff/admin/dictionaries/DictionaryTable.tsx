import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  ColorSwatch,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryKind } from '../../../../common/tickets.js';
import type { DictionaryEntry } from '../../../api/dictionaries.api.js';
import { IconPencil, IconTrash } from '../../../components/ticketIcons.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import {
  useDeleteEntry,
  useDictionaryEntries,
  useDictionaryErrorText,
  useToggleActive,
} from './dictionaries.hooks.js';
import { DictionaryEntryModal } from './DictionaryEntryModal.js';

/** One dictionary: its entries in position order, with create, edit, (de)activate and delete. */
export function DictionaryTable({ kind }: { kind: DictionaryKind }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const errorText = useDictionaryErrorText();
  const entries = useDictionaryEntries(kind);
  const toggle = useToggleActive(kind);
  // `undefined`: no modal; `null`: creating; an entry: editing it.
  const [editing, setEditing] = useState<DictionaryEntry | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<DictionaryEntry | null>(null);
  const remove = useDeleteEntry(kind, () => setDeleting(null));
  const isCategory = kind === 'ticket-categories';
  const isSeverity = kind === 'ticket-severities';

  if (entries.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (entries.isError) {
    return (
      <Alert color="red" role="alert" title={t('dictionaries.loadError')}>
        {errorText(entries.error)}
      </Alert>
    );
  }
  const labelOf = (code: string | null) =>
    code === null ? '—' : (entries.data.find((e) => e.code === code)?.label[language] ?? code);
  const yesNo = (v: boolean) => (v ? t('dictionaries.yes') : t('dictionaries.no'));

  return (
    <Stack>
      <Group justify="flex-end">
        <Button variant="light" onClick={() => setEditing(null)}>
          {t('dictionaries.add')}
        </Button>
      </Group>
      {entries.data.length === 0 ? (
        <Text c="dimmed">{t('dictionaries.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dictionaries.columns.code')}</Table.Th>
                <Table.Th>{t('dictionaries.columns.labelFr')}</Table.Th>
                <Table.Th>{t('dictionaries.columns.labelEn')}</Table.Th>
                <Table.Th ta="right">{t('dictionaries.columns.position')}</Table.Th>
                {isSeverity && <Table.Th>{t('dictionaries.columns.color')}</Table.Th>}
                {isCategory && <Table.Th>{t('dictionaries.columns.public')}</Table.Th>}
                {isCategory && <Table.Th>{t('dictionaries.columns.parent')}</Table.Th>}
                <Table.Th>{t('dictionaries.columns.active')}</Table.Th>
                <Table.Th>{t('dictionaries.columns.default')}</Table.Th>
                <Table.Th w={96}>{t('dictionaries.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.map((e) => {
                // The default rule comes first: it holds even when nothing uses the entry.
                const deleteBlocked = e.isDefault
                  ? t('dictionaries.defaultHint')
                  : e.inUse
                    ? t('dictionaries.inUseHint')
                    : null;
                return (
                  <Table.Tr key={e.code} c={e.active ? undefined : 'dimmed'}>
                    <Table.Td ff="monospace">{e.code}</Table.Td>
                    <Table.Td>{e.label.fr}</Table.Td>
                    <Table.Td>{e.label.en}</Table.Td>
                    <Table.Td ta="right">{e.position}</Table.Td>
                    {isSeverity && (
                      <Table.Td>
                        {e.color ? (
                          <Group gap={6} wrap="nowrap">
                            <ColorSwatch color={e.color} size={16} aria-hidden />
                            <Text size="xs" ff="monospace">
                              {e.color}
                            </Text>
                          </Group>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    )}
                    {isCategory && <Table.Td>{yesNo(e.public)}</Table.Td>}
                    {isCategory && <Table.Td>{labelOf(e.parentCode)}</Table.Td>}
                    <Table.Td>
                      <Tooltip
                        label={t('dictionaries.defaultHint')}
                        disabled={!e.isDefault}
                        multiline
                        w={260}
                      >
                        <span>
                          <Switch
                            checked={e.active}
                            disabled={e.isDefault || toggle.isPending}
                            aria-label={
                              e.active
                                ? t('dictionaries.deactivate', { code: e.code })
                                : t('dictionaries.activate', { code: e.code })
                            }
                            onChange={(ev) =>
                              toggle.mutate({ code: e.code, active: ev.currentTarget.checked })
                            }
                          />
                        </span>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      {e.isDefault && (
                        <Badge variant="light" radius="sm">
                          {t('dictionaries.columns.default')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('dictionaries.edit', { code: e.code })}
                          onClick={() => setEditing(e)}
                        >
                          <IconPencil />
                        </ActionIcon>
                        <Tooltip label={deleteBlocked} disabled={deleteBlocked === null} multiline w={260}>
                          {/* A disabled button gets no pointer events: the span carries the tooltip and the title. */}
                          <span title={deleteBlocked ?? undefined}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              disabled={deleteBlocked !== null}
                              aria-label={t('dictionaries.delete', { code: e.code })}
                              onClick={() => {
                                remove.reset();
                                setDeleting(e);
                              }}
                            >
                              <IconTrash />
                            </ActionIcon>
                          </span>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <DictionaryEntryModal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        kind={kind}
        entry={editing ?? null}
        entries={entries.data}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('dictionaries.deleteTitle')}
      >
        <Stack>
          <Text>{t('dictionaries.deleteConfirm', { code: deleting?.code ?? '' })}</Text>
          {remove.error && (
            <Alert color="red" role="alert">
              {errorText(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('dictionaries.form.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.code)}
            >
              {t('dictionaries.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
