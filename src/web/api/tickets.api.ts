import type { z } from 'zod';
import type { Message, createMessageSchema } from '../../common/schemas/message.schema.js';
import type {
  CreateTicketInput,
  HistoryEntry,
  Ticket,
  TicketListItem,
  TicketListPage,
  TicketStats,
  UpdateTicketInput,
} from '../../common/schemas/ticket.schema.js';
import type { Resolution } from '../../common/tickets.js';
import { api } from './client.js';

export type { HistoryEntry, Message, Ticket, TicketListItem, TicketListPage, TicketStats };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** The body of POST /tickets/{id}/messages; `attachmentIds` are documents uploaded beforehand. */
export type NewMessage = z.input<typeof createMessageSchema>;

/** Query keys: everything about one ticket sits under ['tickets', id] so one invalidation refreshes it. */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: string) => ['tickets', 'list', query] as const,
  stats: ['tickets', 'stats'] as const,
  one: (id: number) => ['tickets', id] as const,
  history: (id: number) => ['tickets', id, 'history'] as const,
  messages: (id: number) => ['tickets', id, 'messages'] as const,
};

/** `query` is the URL query the list page built (`status=all&sort=ref`), without the `?`. */
export function listTickets(query: string): Promise<TicketListPage> {
  return api.get(`/tickets${query ? `?${query}` : ''}`);
}

/** Where the browser downloads the CSV of the current filter (a plain link: the session cookie goes along). */
export function ticketsExportUrl(query: string): string {
  return `/api/v1/tickets/export.csv${query ? `?${query}` : ''}`;
}

export const fetchTicketStats = () => api.get<TicketStats>('/tickets/stats');
export const fetchTicket = (id: number) => api.get<Ticket>(`/tickets/${id}`);
export const createTicket = (input: CreateTicketInput) => api.post<Ticket>('/tickets', input);
export const updateTicket = (id: number, input: UpdateTicketInput) =>
  api.patch<Ticket>(`/tickets/${id}`, input);

export const markTicketRead = (id: number, version: number) =>
  api.post<Ticket>(`/tickets/${id}/read`, { version });
export const assignTicket = (id: number, userId: number | null, version: number) =>
  api.post<Ticket>(`/tickets/${id}/assign`, { userId, version });
export const setTicketStatus = (id: number, status: 'waiting' | 'in_progress', version: number) =>
  api.post<Ticket>(`/tickets/${id}/status`, { status, version });
export const closeTicket = (
  id: number,
  input: { resolution: Resolution; notifyCustomer: boolean; version: number },
) => api.post<Ticket>(`/tickets/${id}/close`, input);
export const reopenTicket = (id: number, version: number) =>
  api.post<Ticket>(`/tickets/${id}/reopen`, { version });
export const restoreTicket = (id: number, version: number) =>
  api.post<Ticket>(`/tickets/${id}/restore`, { version });
export const deleteTicket = (id: number, purge = false) =>
  api.delete<unknown>(`/tickets/${id}${purge ? '?purge=true' : ''}`);

export async function fetchHistory(id: number): Promise<HistoryEntry[]> {
  return (await api.get<{ items: HistoryEntry[] }>(`/tickets/${id}/history`)).items;
}

export async function fetchMessages(id: number): Promise<Message[]> {
  return (await api.get<{ items: Message[] }>(`/tickets/${id}/messages`)).items;
}

export const postMessage = (id: number, input: NewMessage) =>
  api.post<Message>(`/tickets/${id}/messages`, input);
