import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group as Row,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../api/admin.api.js';
import { IconUsers } from '../../../components/icons.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconPencil, IconTrash } from '../../../components/ticketIcons.js';
import { useAdminErrorText } from '../users/adminErrors.js';
import { DeleteGroupModal, GroupFormModal } from './GroupModals.js';
import { GroupMembersModal } from './GroupMembersModal.js';
import { useGroups } from './groups.hooks.js';
import { PermissionMatrix } from './PermissionMatrix.js';

/** Administration → Groups (SPEC 7): groups, their members, and the permission matrix. */
export function GroupsPage() {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const groups = useGroups();
  // `undefined`: no form; `null`: creating; a group: editing it.
  const [editing, setEditing] = useState<Group | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Group | null>(null);
  // By id: the modal shows the group as the latest answer has it, members included.
  const [membersOf, setMembersOf] = useState<number | null>(null);

  const header = (
    <>
      <Anchor component={Link} to="/admin" size="sm" mb="xs" display="inline-block">
        ← {t('admin.back')}
      </Anchor>
      <PageHeader title={t('admin.groups.title')} description={t('admin.groups.description')} />
    </>
  );
  if (groups.isPending) {
    return (
      <>
        {header}
        <Loader size="sm" aria-label={t('common.loading')} />
      </>
    );
  }
  if (groups.isError) {
    return (
      <>
        {header}
        <Alert color="red" role="alert" title={t('admin.form.loadError')}>
          {errorText(groups.error)}
        </Alert>
      </>
    );
  }
  const list = groups.data;

  return (
    <>
      {header}
      <Stack gap="xl">
        <Stack>
          <Row justify="flex-end">
            <Button onClick={() => setEditing(null)}>{t('admin.groups.add')}</Button>
          </Row>
          {list.length === 0 ? (
            <Paper withBorder p="lg" radius="md" ta="center">
              <Text c="dimmed">{t('admin.groups.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.groups.columns.name')}</Table.Th>
                    <Table.Th>{t('admin.groups.columns.description')}</Table.Th>
                    <Table.Th>{t('admin.groups.columns.members')}</Table.Th>
                    <Table.Th w={120}>{t('admin.groups.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td fw={500}>{g.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" lineClamp={2}>
                          {g.description || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" size="sm" onClick={() => setMembersOf(g.id)}>
                          {t('admin.groups.memberCount', { count: g.memberIds.length })}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Row gap={4} wrap="nowrap">
                          <Tooltip label={t('admin.groups.rename', { name: g.name })}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('admin.groups.rename', { name: g.name })}
                              onClick={() => setEditing(g)}
                            >
                              <IconPencil />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('admin.groups.members', { name: g.name })}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('admin.groups.members', { name: g.name })}
                              onClick={() => setMembersOf(g.id)}
                            >
                              <IconUsers />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('admin.groups.delete', { name: g.name })}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('admin.groups.delete', { name: g.name })}
                              onClick={() => setDeleting(g)}
                            >
                              <IconTrash />
                            </ActionIcon>
                          </Tooltip>
                        </Row>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        {list.length > 0 && <PermissionMatrix groups={list} />}
      </Stack>

      <GroupFormModal
        opened={editing !== undefined}
        group={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <DeleteGroupModal group={deleting} onClose={() => setDeleting(null)} />
      <GroupMembersModal
        group={list.find((g) => g.id === membersOf) ?? null}
        onClose={() => setMembersOf(null)}
      />
    </>
  );
}
