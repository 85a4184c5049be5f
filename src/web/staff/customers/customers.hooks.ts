import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  createThirdparty,
  customerKeys,
  fetchThirdparty,
  listContactsOf,
  listThirdparties,
  updateThirdparty,
  type Thirdparty,
} from '../../api/customers.api.js';
import { ApiError } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useSignedInUser } from '../auth/session.js';
import type { ThirdpartyFormValues } from './ThirdpartyFormModal.js';

/** Whether the signed-in user may change customers; the server checks it again. */
export function useCanWriteCustomers(): boolean {
  const { permissions } = useSignedInUser();
  return permissions.includes('admin') || permissions.includes('thirdparty.write');
}

export function useThirdpartyList(q: string, cursor: string | null) {
  return useQuery({
    queryKey: customerKeys.list(q, cursor),
    queryFn: () => listThirdparties(q, cursor),
    // Keeps the previous page on screen while the next one loads: the table does not jump.
    placeholderData: (previous) => previous,
  });
}

export function useThirdpartyDetail(id: number) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => fetchThirdparty(id) });
}

export function useContactsOf(thirdpartyId: number) {
  return useQuery({
    queryKey: customerKeys.contactsOf(thirdpartyId),
    queryFn: () => listContactsOf(thirdpartyId),
  });
}

/** A server error in the user's words; `known` maps API error codes to messages of the form. */
export function useMessageOf() {
  const errorText = useErrorText();
  return (err: unknown, known: Record<string, string> = {}) =>
    err instanceof ApiError && known[err.code] ? (known[err.code] ?? '') : errorText(err);
}

/** Creates (no id) or changes a third party, then refreshes every list showing it. */
export function useSaveThirdparty(id: number | null, onSaved: (tp: Thirdparty) => void) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (values: ThirdpartyFormValues) =>
      id === null ? createThirdparty(values) : updateThirdparty(id, values),
    onSuccess: async (tp) => {
      queryClient.setQueryData(customerKeys.one(tp.id), tp);
      notifications.show({
        color: 'teal',
        message: id === null ? t('customers.form.created', { name: tp.name }) : t('customers.form.saved'),
      });
      onSaved(tp);
      await queryClient.invalidateQueries({ queryKey: customerKeys.thirdparties });
    },
  });
}
