import type { z } from 'zod';
import type {
  createDictionaryEntrySchema,
  DictionaryEntry,
  UpdateDictionaryEntryInput,
} from '../../common/schemas/dictionary.schema.js';
import type { DictionaryKind } from '../../common/tickets.js';
import { api } from './client.js';

export type { DictionaryEntry };
/** What the create form sends: defaults (active, isDefault, public) may be left out. */
export type NewDictionaryEntry = z.input<typeof createDictionaryEntrySchema>;

/** Same key and shape (every entry, inactive included) as the ticket screens' lookups. */
export const dictionaryKeys = {
  all: ['dictionaries'] as const,
  kind: (kind: DictionaryKind) => ['dictionaries', kind] as const,
};

export async function listDictionary(kind: DictionaryKind): Promise<DictionaryEntry[]> {
  return (await api.get<{ items: DictionaryEntry[] }>(`/dictionaries/${kind}`)).items;
}

export const createDictionaryEntry = (kind: DictionaryKind, input: NewDictionaryEntry) =>
  api.post<DictionaryEntry>(`/dictionaries/${kind}`, input);

export const updateDictionaryEntry = (
  kind: DictionaryKind,
  code: string,
  input: UpdateDictionaryEntryInput,
) => api.patch<DictionaryEntry>(`/dictionaries/${kind}/${encodeURIComponent(code)}`, input);

export const deleteDictionaryEntry = (kind: DictionaryKind, code: string) =>
  api.delete<undefined>(`/dictionaries/${kind}/${encodeURIComponent(code)}`);
