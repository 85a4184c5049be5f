import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Delete X?" with the server's refusal, if any, shown in place. */
export function ConfirmDeleteModal({
  opened,
  title,
  message,
  error,
  loading,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  message: string;
  error: string | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title}>
      <Stack>
        <Text>{message}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('customers.form.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={onConfirm} disabled={error !== null}>
            {t('customers.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
