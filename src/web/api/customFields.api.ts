import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createCustomFieldSchema,
  CustomField,
  UpdateCustomFieldInput,
} from '../../common/schemas/custom-field.schema.js';
import { api } from './client.js';

export type { CustomField, UpdateCustomFieldInput };
/** What the create form sends: defaults (required, options, active) may be left out. */
export type NewCustomField = z.input<typeof createCustomFieldSchema>;

/** One key for every screen: the admin page, the ticket forms, the ticket page and the list filter. */
export const customFieldKeys = { all: ['custom-fields'] as const };

/** Every definition, active or not, by position (any staff member with ticket.read may ask). */
export async function listCustomFields(): Promise<CustomField[]> {
  return (await api.get<{ items: CustomField[] }>('/custom-fields')).items;
}

export const createCustomField = (input: NewCustomField) => api.post<CustomField>('/custom-fields', input);

export const updateCustomField = (id: number, input: UpdateCustomFieldInput) =>
  api.patch<CustomField>(`/custom-fields/${id}`, input);

/** The new order of all definitions. */
export const reorderCustomFields = (ids: number[]) => api.post<unknown>('/custom-fields/order', { ids });

/** The definitions, sorted by position (the server already does; a local reorder keeps it true). */
export function useCustomFields() {
  return useQuery({
    queryKey: customFieldKeys.all,
    queryFn: listCustomFields,
    staleTime: 30_000,
    select: (items) => [...items].sort((a, b) => a.position - b.position || a.id - b.id),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
}

/** Creates (`id` null) or updates a definition; `onSaved` runs before the list is refetched. */
export function useSaveCustomField(id: number | null, onSaved: (field: CustomField) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: NewCustomField | UpdateCustomFieldInput) =>
      id === null ? createCustomField(input as NewCustomField) : updateCustomField(id, input),
    onSuccess: async (field) => {
      onSaved(field);
      await refresh();
    },
  });
}

export function useSetCustomFieldActive(onError: (err: unknown) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => updateCustomField(id, { active }),
    onError,
    onSettled: refresh,
  });
}

/**
 * Sends a new order. The list shows it at once (a dropped row stays where it was dropped); a refusal puts
 * the previous order back and `onError` says why.
 */
export function useReorderCustomFields(onError: (err: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderCustomFields,
    onMutate: async (ids: number[]) => {
      await queryClient.cancelQueries({ queryKey: customFieldKeys.all });
      const previous = queryClient.getQueryData<CustomField[]>(customFieldKeys.all);
      if (previous) {
        const byId = new Map(previous.map((f) => [f.id, f]));
        const next = ids.flatMap((id, i) => {
          const field = byId.get(id);
          return field ? [{ ...field, position: (i + 1) * 10 }] : [];
        });
        queryClient.setQueryData<CustomField[]>(customFieldKeys.all, next);
      }
      return { previous };
    },
    onError: (err, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(customFieldKeys.all, context.previous);
      onError(err);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}
