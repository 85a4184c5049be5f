import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Center,
  FileButton,
  Group,
  Loader,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../common/schemas/ticket.schema.js';
import { downloadUrl, type Document } from '../../../api/documents.api.js';
import { useFormat } from '../../../components/format.js';
import { IconPaperclip, IconTrash } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';
import {
  useDeleteDocument,
  useDocumentErrorText,
  useTicketDocuments,
  useUploadAttachments,
  useUploadLimits,
} from './useDocuments.js';

const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Either the ticket (its abilities decide) or its id with what the user may do. */
export type DocumentsTabProps =
  | { ticket: Pick<Ticket, 'id' | 'abilities'> }
  | { ticketId: number; canUpload?: boolean; canDelete?: boolean };

function resolveProps(props: DocumentsTabProps) {
  if ('ticket' in props) {
    // Uploading and deleting need the same right (ticket.write on a ticket that is not deleted).
    const allowed = props.ticket.abilities.uploadDocument;
    return { ticketId: props.ticket.id, canUpload: allowed, canDelete: allowed };
  }
  return { ticketId: props.ticketId, canUpload: !!props.canUpload, canDelete: !!props.canDelete };
}

/**
 * The ticket's Documents tab: its own files and its messages' files together, newest first, with
 * download links, an upload button and deletion after confirmation.
 */
export function DocumentsTab(props: DocumentsTabProps) {
  const { ticketId, canUpload, canDelete } = resolveProps(props);
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const documentErrorText = useDocumentErrorText();
  const documents = useTicketDocuments(ticketId);
  const limits = useUploadLimits();
  const upload = useUploadAttachments(ticketId);
  const remove = useDeleteDocument(ticketId);
  const [confirming, setConfirming] = useState<Document | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const onChoose = (files: File[]) => {
    resetRef.current?.();
    if (files.length === 0) return;
    setUploadError(null);
    // The same checks as the server's, to answer at once instead of after sending megabytes.
    const tooBig = files.find((f) => f.size > limits.maxFileMb * 1024 * 1024);
    if (tooBig) {
      return setUploadError(t('documents.errors.fileTooLarge', { name: tooBig.name, max: limits.maxFileMb }));
    }
    if (files.length > limits.maxFilesPerMessage) {
      return setUploadError(t('documents.errors.tooManyFiles', { max: limits.maxFilesPerMessage }));
    }
    upload.mutate(files, {
      onSuccess: (added) =>
        notifications.show({ color: 'teal', message: t('documents.uploaded', { count: added.length }) }),
      onError: (err) => setUploadError(documentErrorText(err)),
    });
  };

  const confirmDelete = () => {
    if (!confirming) return;
    const doc = confirming;
    remove.mutate(doc, {
      onSuccess: () => {
        setConfirming(null);
        notifications.show({ color: 'teal', message: t('documents.deleted', { name: doc.filename }) });
      },
    });
  };

  if (documents.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (documents.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(documents.error)}
      </Alert>
    );
  }
  const items = documents.data;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('documents.count', { count: items.length })}
        </Text>
        {canUpload && (
          <FileButton onChange={onChoose} multiple resetRef={resetRef}>
            {(buttonProps) => (
              <Button
                {...buttonProps}
                size="xs"
                variant="light"
                leftSection={<IconPaperclip size={14} />}
                loading={upload.isPending}
              >
                {t('documents.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {upload.progress !== null && (
        <Progress
          value={upload.progress * 100}
          aria-label={t('documents.uploading', {
            percent: format.percent(Math.round(upload.progress * 100)),
          })}
        />
      )}
      {uploadError && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setUploadError(null)}>
          {uploadError}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t('documents.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.columns.name')}</Table.Th>
                <Table.Th>{t('documents.columns.type')}</Table.Th>
                <Table.Th>{t('documents.columns.size')}</Table.Th>
                <Table.Th>{t('documents.columns.uploadedBy')}</Table.Th>
                <Table.Th>{t('documents.columns.date')}</Table.Th>
                <Table.Th>{t('documents.columns.attachedTo')}</Table.Th>
                {canDelete && (
                  <Table.Th>
                    <VisuallyHidden>{t('documents.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>
                    <Anchor
                      href={downloadUrl(doc)}
                      size="sm"
                      aria-label={t('documents.download', { name: doc.filename })}
                      // Images open in a tab; other files download without leaving the page.
                      {...(INLINE.has(doc.mimeType) ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                    >
                      {doc.filename}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {doc.mimeType}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.fileSize(doc.size)}</Table.Td>
                  <Table.Td>
                    {doc.uploadedBy.name ?? doc.uploadedBy.email ?? t('documents.unknownUploader')}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(doc.createdAt)}</Table.Td>
                  <Table.Td>
                    {doc.messageId === null
                      ? t('documents.ticketLevel')
                      : t('documents.message', { id: doc.messageId })}
                  </Table.Td>
                  {canDelete && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('documents.delete', { name: doc.filename })}
                        onClick={() => {
                          remove.reset();
                          setConfirming(doc);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('documents.confirm.title')}
      >
        <Stack>
          <Text size="sm">{t('documents.confirm.text', { name: confirming?.filename ?? '' })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {documentErrorText(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('documents.confirm.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={confirmDelete}>
              {t('documents.confirm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
