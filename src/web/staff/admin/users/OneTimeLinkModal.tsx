import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A one-time set-password link, shown once: the administrator copies it and gives it to the person. The
 * server keeps only its hash, so closing this window is the last chance to read it.
 */
export function OneTimeLinkModal({
  link,
  title,
  text,
  onClose,
}: {
  link: string | null;
  title: string;
  text: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={link !== null} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">{text}</Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('admin.users.link.label')}
            value={link ?? ''}
            readOnly
            flex={1}
            ff="monospace"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={link ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
              >
                {copied ? t('admin.form.copied') : t('admin.form.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.form.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
