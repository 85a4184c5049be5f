import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/admin.api.js';
import { IconLock, IconPencil, IconUserMinus, IconUserPlus } from '../../../components/ticketIcons.js';

/** The buttons of one row of the users list: edit, new password link, deactivate or reactivate. */
export function UserActions({
  user,
  onEdit,
  onReset,
  onDeactivate,
  onReactivate,
  busy,
}: {
  user: User;
  onEdit: () => void;
  onReset: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const name = user.name;
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('admin.users.edit', { name })}>
        <ActionIcon variant="subtle" aria-label={t('admin.users.edit', { name })} onClick={onEdit}>
          <IconPencil />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('admin.users.resetPassword', { name })}>
        <ActionIcon
          variant="subtle"
          aria-label={t('admin.users.resetPassword', { name })}
          disabled={!user.active}
          onClick={onReset}
        >
          <IconLock />
        </ActionIcon>
      </Tooltip>
      {user.active ? (
        <Tooltip label={t('admin.users.deactivate', { name })}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('admin.users.deactivate', { name })}
            onClick={onDeactivate}
          >
            <IconUserMinus />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label={t('admin.users.reactivate', { name })}>
          <ActionIcon
            variant="subtle"
            color="teal"
            aria-label={t('admin.users.reactivate', { name })}
            disabled={busy}
            onClick={onReactivate}
          >
            <IconUserPlus />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
