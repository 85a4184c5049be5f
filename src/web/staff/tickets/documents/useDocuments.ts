import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteDocument,
  documentKeys,
  fetchUploadLimits,
  listDocuments,
  uploadDocuments,
  type Document,
} from '../../../api/documents.api.js';
import { ApiError } from '../../../api/client.js';
import { useErrorText } from '../../../components/useErrorText.js';

/** The defaults of the settings, used until the server has answered (it stays the authority). */
const DEFAULT_LIMITS = { maxFileMb: 20, maxFilesPerMessage: 10 };

export function useTicketDocuments(ticketId: number) {
  return useQuery({ queryKey: documentKeys.list(ticketId), queryFn: () => listDocuments(ticketId) });
}

/** The upload limits of the settings (defaults while loading or if the request fails). */
export function useUploadLimits() {
  const query = useQuery({ queryKey: documentKeys.limits, queryFn: fetchUploadLimits, staleTime: 60_000 });
  return query.data ?? DEFAULT_LIMITS;
}

/** What to upload: the files alone (the hook's ticket), or with the ticket and an optional message. */
export type UploadRequest = File[] | { files: File[]; ticketId?: number; messageId?: number };

/**
 * Uploads chosen files and resolves with their documents; their ids are the `attachmentIds` of a new
 * message. The ticket can be given now (`useUploadAttachments(id)`) or with each call (a ticket being
 * created has no id yet). `progress` is the fraction sent, null when idle. Every view of the ticket is
 * refreshed afterwards, since an upload changes its version and history.
 */
export function useUploadAttachments(ticketId?: number) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: async (request: UploadRequest): Promise<Document[]> => {
      const { files, messageId, ...rest } = Array.isArray(request) ? { files: request } : request;
      const id = ('ticketId' in rest ? rest.ticketId : undefined) ?? ticketId;
      if (id === undefined) throw new Error('useUploadAttachments: no ticket to upload to');
      setProgress(0);
      try {
        return await uploadDocuments(id, files, { messageId, onProgress: setProgress });
      } finally {
        setProgress(null);
        void queryClient.invalidateQueries({ queryKey: ['tickets', id] });
      }
    },
  });
  return { ...mutation, progress };
}

export function useDeleteDocument(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doc: Document) => deleteDocument(doc.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tickets', ticketId] }),
  });
}

/** The words for a failed upload or deletion: the server's refusals in the user's language. */
export function useDocumentErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  const fallback = useErrorText();
  return (err) => {
    if (!(err instanceof ApiError)) return fallback(err);
    const d = (err.details ?? {}) as { filename?: string; maxFileMb?: number; max?: number };
    switch (err.code) {
      case 'file_too_large':
        return t('documents.errors.fileTooLarge', { name: d.filename ?? '', max: d.maxFileMb ?? '' });
      case 'too_many_files':
        return t('documents.errors.tooManyFiles', { max: d.max ?? '' });
      case 'forbidden_file_type':
        return t('documents.errors.forbiddenType', { name: d.filename ?? '' });
      case 'ticket_deleted':
        return t('documents.errors.ticketDeleted');
      default:
        return fallback(err);
    }
  };
}
