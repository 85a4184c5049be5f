import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UpdateDictionaryEntryInput } from '../../../../common/schemas/dictionary.schema.js';
import type { DictionaryKind } from '../../../../common/tickets.js';
import { ApiError } from '../../../api/client.js';
import {
  createDictionaryEntry,
  deleteDictionaryEntry,
  dictionaryKeys,
  listDictionary,
  updateDictionaryEntry,
  type NewDictionaryEntry,
} from '../../../api/dictionaries.api.js';
import { useErrorText } from '../../../components/useErrorText.js';

export function useDictionaryEntries(kind: DictionaryKind) {
  return useQuery({ queryKey: dictionaryKeys.kind(kind), queryFn: () => listDictionary(kind) });
}

/** The server's refusals in the administrator's words. */
export function useDictionaryErrorText() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      switch (err.code) {
        case 'dictionary_code_taken':
          return t('dictionaries.errors.codeTaken');
        case 'dictionary_default_required':
          return t('dictionaries.errors.defaultRequired');
        case 'dictionary_code_in_use':
          return t('dictionaries.errors.inUse');
        case 'invalid_parent_category':
          return t('dictionaries.errors.invalidParent');
      }
    }
    return errorText(err);
  };
}

/** Every change refreshes the dictionary everywhere (ticket forms read the same query). */
function useRefresh(kind: DictionaryKind) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dictionaryKeys.kind(kind) });
}

export function useSaveEntry(kind: DictionaryKind, code: string | null, onSaved: () => void) {
  const { t } = useTranslation();
  const refresh = useRefresh(kind);
  return useMutation({
    mutationFn: (input: NewDictionaryEntry | UpdateDictionaryEntryInput) =>
      code === null
        ? createDictionaryEntry(kind, input as NewDictionaryEntry)
        : updateDictionaryEntry(kind, code, input),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('dictionaries.saved') });
      onSaved();
      await refresh();
    },
  });
}

export function useToggleActive(kind: DictionaryKind) {
  const refresh = useRefresh(kind);
  const errorText = useDictionaryErrorText();
  return useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) =>
      updateDictionaryEntry(kind, code, { active }),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
    onSettled: refresh,
  });
}

export function useDeleteEntry(kind: DictionaryKind, onDeleted: () => void) {
  const { t } = useTranslation();
  const refresh = useRefresh(kind);
  return useMutation({
    mutationFn: (code: string) => deleteDictionaryEntry(kind, code),
    onSuccess: async (_void, code) => {
      notifications.show({ color: 'teal', message: t('dictionaries.deleted', { code }) });
      onDeleted();
      await refresh();
    },
  });
}
