import type {
  Contact,
  CreateContactInput,
  CreateThirdpartyInput,
  Thirdparty,
  UpdateContactInput,
  UpdateThirdpartyInput,
} from '../../common/schemas/customer.schema.js';
import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
import { api } from './client.js';

export type { Contact, Thirdparty, TicketListItem };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/**
 * Query keys. They match the ticket screens' lookups (`['thirdparties', id]`, `['contacts', {thirdpartyId}]`
 * holding a Contact[]), so a change made here refreshes the pickers there too.
 */
export const customerKeys = {
  thirdparties: ['thirdparties'] as const,
  list: (q: string, cursor: string | null) => ['thirdparties', 'list', q, cursor] as const,
  one: (id: number) => ['thirdparties', id] as const,
  contacts: ['contacts'] as const,
  contactsOf: (thirdpartyId: number) => ['contacts', { thirdpartyId }] as const,
  /** Under ['tickets'] (any ticket change refreshes it), beside ['tickets', 'list'] whose pages differ in shape. */
  tickets: (thirdpartyId: number) => ['tickets', 'byThirdparty', thirdpartyId] as const,
};

export const THIRDPARTY_PAGE_SIZE = 25;

export function listThirdparties(q: string, cursor: string | null): Promise<Page<Thirdparty>> {
  const params = new URLSearchParams({ limit: String(THIRDPARTY_PAGE_SIZE) });
  if (q.trim()) params.set('q', q.trim());
  if (cursor) params.set('cursor', cursor);
  return api.get(`/thirdparties?${params.toString()}`);
}

export const fetchThirdparty = (id: number) => api.get<Thirdparty>(`/thirdparties/${id}`);
export const createThirdparty = (input: CreateThirdpartyInput) =>
  api.post<Thirdparty>('/thirdparties', input);
export const updateThirdparty = (id: number, input: UpdateThirdpartyInput) =>
  api.patch<Thirdparty>(`/thirdparties/${id}`, input);
export const deleteThirdparty = (id: number) => api.delete<undefined>(`/thirdparties/${id}`);

/** A third party's contacts (one page is plenty: a company rarely has hundreds). */
export async function listContactsOf(thirdpartyId: number): Promise<Contact[]> {
  return (await api.get<Page<Contact>>(`/contacts?thirdpartyId=${thirdpartyId}&limit=200`)).items;
}
export const createContact = (input: CreateContactInput) => api.post<Contact>('/contacts', input);
export const updateContact = (id: number, input: UpdateContactInput) =>
  api.patch<Contact>(`/contacts/${id}`, input);
export const deleteContact = (id: number) => api.delete<undefined>(`/contacts/${id}`);

/** The query of a third party's Tickets tab: all its tickets (closed included), newest first. */
export function thirdpartyTicketsQuery(thirdpartyId: number, cursor: string | null): string {
  const params = new URLSearchParams({ thirdparty: String(thirdpartyId), status: 'all', limit: '25' });
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const listTicketsByQuery = (query: string) => api.get<Page<TicketListItem>>(`/tickets?${query}`);
