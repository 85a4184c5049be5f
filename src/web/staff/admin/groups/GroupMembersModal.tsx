import {
  ActionIcon,
  Alert,
  Button,
  Group as Row,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../api/admin.api.js';
import { IconUserMinus } from '../../../components/ticketIcons.js';
import { useAdminErrorText } from '../users/adminErrors.js';
import { useMembership, useUserChoices } from './groups.hooks.js';

/** A group's members: each added or removed at once (the server refuses removing the last administrator). */
export function GroupMembersModal({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const users = useUserChoices();
  const membership = useMembership();
  const [adding, setAdding] = useState<string | null>(null);
  const close = () => {
    membership.reset();
    setAdding(null);
    onClose();
  };
  const byId = new Map((users.data ?? []).map((u) => [u.id, u]));
  const members = (group?.memberIds ?? [])
    .map((id) => byId.get(id) ?? { id, name: `#${id}`, email: '', active: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  const candidates = (users.data ?? [])
    .filter((u) => !group?.memberIds.includes(u.id))
    .map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }));

  return (
    <Modal
      opened={group !== null}
      onClose={close}
      title={group && t('admin.groups.membersTitle', { name: group.name })}
      size="lg"
    >
      {group && (
        <Stack>
          {membership.error && (
            <Alert color="red" role="alert">
              {errorText(membership.error)}
            </Alert>
          )}
          <Row align="flex-end" wrap="nowrap">
            <Select
              label={t('admin.groups.addMember')}
              placeholder={t('admin.groups.addMemberPlaceholder')}
              data={candidates}
              value={adding}
              onChange={setAdding}
              searchable
              flex={1}
            />
            <Button
              disabled={adding === null}
              loading={membership.isPending && membership.variables.member}
              onClick={() =>
                adding &&
                membership.mutate(
                  { id: group.id, userId: Number(adding), member: true },
                  { onSuccess: () => setAdding(null) },
                )
              }
            >
              {t('admin.groups.addMemberSubmit')}
            </Button>
          </Row>
          {users.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : members.length === 0 ? (
            <Text c="dimmed">{t('admin.groups.noMembers')}</Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.id} c={m.active ? undefined : 'dimmed'}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {m.email}
                      </Text>
                    </Table.Td>
                    <Table.Td w={48}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('admin.groups.removeMember', { name: m.name })}
                        disabled={membership.isPending}
                        onClick={() => membership.mutate({ id: group.id, userId: m.id, member: false })}
                      >
                        <IconUserMinus />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Row justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('admin.form.close')}
            </Button>
          </Row>
        </Stack>
      )}
    </Modal>
  );
}
