import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postMessage, ticketKeys, type Ticket } from '../../../api/tickets.api.js';
import { RichTextEditor } from '../../../components/RichTextEditor.js';
import { IconLock } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { AttachmentPicker, useUploadAttachments } from '../documents/index.js';

type Kind = 'public' | 'private';

/**
 * Writes on the ticket: a public message (optionally emailed to the customer) or a private note, each
 * offered only when the abilities allow it. Files are uploaded first, then named in `attachmentIds`.
 */
export function MessageComposer({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const kinds: Kind[] = [
    ...(ticket.abilities.addMessage ? (['public'] as const) : []),
    ...(ticket.abilities.addNote ? (['private'] as const) : []),
  ];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'private');
  const [body, setBody] = useState('');
  const [sendByEmail, setSendByEmail] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  // Remounting the editor is how it empties after a send.
  const [editorKey, setEditorKey] = useState(0);
  const upload = useUploadAttachments(ticket.id);

  const send = useMutation({
    mutationFn: async () => {
      const documents = files.length > 0 ? await upload.mutateAsync(files) : [];
      return postMessage(ticket.id, {
        body,
        private: kind === 'private',
        sendByEmail: kind === 'public' && sendByEmail,
        attachmentIds: documents.map((d) => d.id),
      });
    },
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: kind === 'private' ? t('tickets.messages.noteAdded') : t('tickets.messages.sent'),
      });
      setBody('');
      setFiles([]);
      setSendByEmail(false);
      setShowErrors(false);
      setEditorKey((k) => k + 1);
      // A public message can move the status (read → in progress); the thread, history and lists follow.
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });

  if (kinds.length === 0) return null;
  const isPrivate = kind === 'private';

  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      bg={isPrivate ? 'yellow.0' : undefined}
      style={isPrivate ? { borderColor: 'var(--mantine-color-yellow-4)' } : undefined}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (body) send.mutate();
        }}
        aria-label={t('tickets.messages.composerTitle')}
      >
        <Stack gap="sm">
          {kinds.length > 1 && (
            <SegmentedControl<Kind>
              aria-label={t('tickets.messages.kind')}
              value={kind}
              onChange={setKind}
              data={kinds.map((k) => ({ value: k, label: t(`tickets.messages.${k}`) }))}
              color={isPrivate ? 'yellow' : undefined}
              w="fit-content"
            />
          )}
          {isPrivate && (
            <Group gap={6}>
              <IconLock size={14} />
              <Text size="xs" c="dimmed">
                {t('tickets.messages.privateHint')}
              </Text>
            </Group>
          )}
          <RichTextEditor
            key={editorKey}
            label={isPrivate ? t('tickets.messages.bodyNote') : t('tickets.messages.body')}
            onChange={setBody}
            error={showErrors && !body ? t('tickets.messages.required') : undefined}
            minHeight={110}
          />
          {ticket.abilities.uploadDocument && (
            <AttachmentPicker label={t('tickets.messages.attachments')} files={files} onChange={setFiles} />
          )}
          {send.isError && (
            <Alert color="red" role="alert">
              {errorText(send.error)}
            </Alert>
          )}
          <Group justify="space-between">
            {isPrivate ? (
              <span />
            ) : (
              <Checkbox
                label={t('tickets.messages.sendByEmail')}
                checked={sendByEmail}
                onChange={(e) => setSendByEmail(e.currentTarget.checked)}
              />
            )}
            <Button type="submit" loading={send.isPending} color={isPrivate ? 'yellow' : undefined}>
              {isPrivate ? t('tickets.messages.addNote') : t('tickets.messages.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
