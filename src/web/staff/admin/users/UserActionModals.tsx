import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PasswordLink, User } from '../../../api/admin.api.js';
import { useAdminErrorText } from './adminErrors.js';
import { usePasswordLink, useSetUserActive } from './users.hooks.js';

interface ConfirmProps {
  opened: boolean;
  title: string;
  text: string | null;
  /** The refusal to show, if the last attempt failed. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** A question, the server's refusal if any, and cancel / confirm. */
function ConfirmModal(p: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={p.opened} onClose={p.onCancel} title={p.title}>
      <Stack>
        <Text>{p.text}</Text>
        {p.error && (
          <Alert color="red" role="alert">
            {p.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onCancel}>
            {t('admin.form.cancel')}
          </Button>
          <Button color={p.danger ? 'red' : undefined} loading={p.busy} onClick={p.onConfirm}>
            {p.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

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
    <ConfirmModal
      opened={user !== null}
      title={t('admin.users.deactivateTitle')}
      text={user && t('admin.users.deactivateConfirm', { name: user.name })}
      error={setActive.error ? errorText(setActive.error) : null}
      busy={setActive.isPending}
      submitLabel={t('admin.users.deactivateSubmit')}
      danger
      onCancel={close}
      onConfirm={() =>
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
    />
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
    <ConfirmModal
      opened={user !== null}
      title={t('admin.users.resetConfirmTitle')}
      text={user && t('admin.users.resetConfirm', { name: user.name })}
      error={issue.error ? errorText(issue.error) : null}
      busy={issue.isPending}
      submitLabel={t('admin.users.resetSubmit')}
      onCancel={close}
      onConfirm={() =>
        user &&
        issue.mutate(user.id, {
          onSuccess: (link) => {
            close();
            onLink(user, link);
          },
        })
      }
    />
  );
}
