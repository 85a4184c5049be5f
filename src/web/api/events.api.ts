import type {
  AgendaEvent,
  CreateEventFromTicketInput,
  CreateEventInput,
  EventListItem,
  EventPage,
  UpdateEventInput,
} from '../../common/schemas/event.schema.js';
import { api } from './client.js';
import { toQuery } from './contracts.api.js';

export type { AgendaEvent, CreateEventInput, EventListItem, EventPage, UpdateEventInput };

export interface EventFilters {
  /** `me` or a user id; every owner when unset. */
  ownerId?: 'me' | number | null;
  thirdpartyId?: number | null;
  /** ISO instants: the events overlapping [from, to). */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (filters: EventFilters) => ['events', 'list', filters] as const,
  one: (id: number) => ['events', id] as const,
};

export const listEvents = (filters: EventFilters) => api.get<EventPage>(`/events${toQuery(filters)}`);
export const fetchEvent = (id: number) => api.get<AgendaEvent>(`/events/${id}`);
export const createEvent = (input: CreateEventInput) => api.post<AgendaEvent>('/events', input);
export const createEventFromTicket = (ticketId: number, input: CreateEventFromTicketInput) =>
  api.post<AgendaEvent>(`/tickets/${ticketId}/events`, input);
export const updateEvent = (id: number, input: UpdateEventInput) =>
  api.patch<AgendaEvent>(`/events/${id}`, input);
export const deleteEvent = (id: number) => api.delete<undefined>(`/events/${id}`);
