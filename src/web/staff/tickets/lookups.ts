import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../common/permissions.js';
import type { DictionaryKind } from '../../../common/tickets.js';
import { ApiError } from '../../api/client.js';
import { customerKeys, fetchThirdparty, listContactsOf, listThirdparties } from '../../api/customers.api.js';
import { dictionaryKeys, listDictionary, type DictionaryEntry } from '../../api/dictionaries.api.js';
import { listAssignableUsers } from '../../api/users.api.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { useSignedInUser } from '../auth/session.js';

const LOOKUP_STALE_MS = 5 * 60_000;

/** Every entry of a dictionary, inactive ones too: old tickets still carry their codes and need labels. */
export function useDictionary(kind: DictionaryKind) {
  return useQuery({
    queryKey: dictionaryKeys.kind(kind),
    queryFn: () => listDictionary(kind),
    staleTime: LOOKUP_STALE_MS,
  });
}

export type ClassificationKind = 'type' | 'category' | 'severity';
const KINDS: Record<ClassificationKind, DictionaryKind> = {
  type: 'ticket-types',
  category: 'ticket-categories',
  severity: 'ticket-severities',
};

/** The three classification dictionaries with their labels in the interface language. */
export function useClassification() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const type = useDictionary(KINDS.type);
  const category = useDictionary(KINDS.category);
  const severity = useDictionary(KINDS.severity);
  const entries: Record<ClassificationKind, DictionaryEntry[]> = {
    type: type.data ?? [],
    category: category.data ?? [],
    severity: severity.data ?? [],
  };
  const find = (kind: ClassificationKind, code: string) => entries[kind].find((e) => e.code === code);
  return {
    entries,
    isLoading: type.isPending || category.isPending || severity.isPending,
    label: (kind: ClassificationKind, code: string) => find(kind, code)?.label[language] ?? code,
    color: (code: string) => find('severity', code)?.color ?? null,
    /** Select options: the active entries, plus `keep` (a ticket's current code, even if deactivated). */
    options: (kind: ClassificationKind, keep?: string) =>
      entries[kind]
        .filter((e) => e.active || e.code === keep)
        .map((e) => ({ value: e.code, label: e.label[language] })),
    defaultCode: (kind: ClassificationKind) =>
      entries[kind].find((e) => e.isDefault && e.active)?.code ?? entries[kind].find((e) => e.active)?.code,
  };
}

/**
 * Users offered by the assignee pickers. `null` means the server refused the list (no ticket.write): the
 * screens then offer only "assign to me".
 */
export function useAssignableUsers() {
  const user = useSignedInUser();
  const canList = user.permissions.includes('ticket.write') || user.permissions.includes('admin');
  return useQuery({
    queryKey: ['users', 'assignable'],
    enabled: canList,
    staleTime: LOOKUP_STALE_MS,
    queryFn: async () => {
      try {
        return await listAssignableUsers();
      } catch (err) {
        if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return null;
        throw err;
      }
    },
  });
}

export function useThirdpartySearch(search: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.list(search, null),
    queryFn: () => listThirdparties(search, null),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useThirdparty(id: number | null) {
  return useQuery({
    queryKey: customerKeys.one(id ?? 0),
    queryFn: () => fetchThirdparty(id ?? 0),
    enabled: id !== null,
    staleTime: LOOKUP_STALE_MS,
  });
}

export function useContacts(thirdpartyId: number | null) {
  return useQuery({
    queryKey: customerKeys.contactsOf(thirdpartyId ?? 0),
    queryFn: () => listContactsOf(thirdpartyId ?? 0),
    enabled: thirdpartyId !== null,
    staleTime: 30_000,
  });
}

/** Whether the signed-in user holds a permission (`admin` implies all). */
export function useCan() {
  const user = useSignedInUser();
  return useCallback(
    (permission: Permission) => user.permissions.includes('admin') || user.permissions.includes(permission),
    [user],
  );
}
