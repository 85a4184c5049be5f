import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PasswordLink, User } from '../../../api/admin.api.js';
import { useAdminErrorText } from './adminErrors.js';
import { usePasswordLink, useSetUserActive } from './users.hooks.js';

/** Confirms a deactivation; the server's refusals (oneself, the last administrator) show here. */
export function DeactivateUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const setActive = useSetUserActive();
  const close = () => {
    setActive.reset();
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={t('admin.users.deactivateTitle')}>
      <Stack>
        <Text>{user && t('admin.users.deactivateConfirm', { name: user.name })}</Text>
        {setActive.error && (
          <Alert color="red" role="alert">
            {errorText(setActive.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('admin.form.cancel')}
          </Button>
          <Button
            color="red"
            loading={setActive.isPending}
            onClick={() =>
              user &&
              setActive.mutate(
                { id: user.id, active: false },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'teal',
                      message: t('admin.users.deactivated', { name: user.name }),
                    });
                    close();
                  },
                },
              )
            }
          >
            {t('admin.users.deactivateSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Confirms issuing a new one-time password link; the link itself is shown by the caller. */
export function ResetPasswordModal({
  user,
  onClose,
  onLink,
}: {
  user: User | null;
  onClose: () => void;
  onLink: (user: User, link: PasswordLink) => void;
}) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const issue = usePasswordLink();
  const close = () => {
    issue.reset();
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={t('admin.users.resetConfirmTitle')}>
      <Stack>
        <Text>{user && t('admin.users.resetConfirm', { name: user.name })}</Text>
        {issue.error && (
          <Alert color="red" role="alert">
            {errorText(issue.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('admin.form.cancel')}
          </Button>
          <Button
            loading={issue.isPending}
            onClick={() =>
              user &&
              issue.mutate(user.id, {
                onSuccess: (link) => {
                  close();
                  onLink(user, link);
                },
              })
            }
          >
            {t('admin.users.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
