import type {
  LinkObjectType,
  LinkedTicket,
  TicketLink,
  TicketLinkList,
} from '../../common/schemas/ticket-link.schema.js';
import { api } from './client.js';

export type { LinkObjectType, LinkedTicket, TicketLink };

/** Under ['tickets', id]: any change to the ticket refreshes its links, and the reverse. */
export const ticketLinkKeys = {
  of: (ticketId: number) => ['tickets', ticketId, 'links'] as const,
};

export async function listTicketLinks(ticketId: number): Promise<TicketLink[]> {
  return (await api.get<TicketLinkList>(`/tickets/${ticketId}/links`)).items;
}

export async function linkToTicket(
  ticketId: number,
  objectType: LinkObjectType,
  objectId: number,
): Promise<TicketLink[]> {
  return (await api.post<TicketLinkList>(`/tickets/${ticketId}/links`, { objectType, objectId })).items;
}

export async function unlinkFromTicket(
  ticketId: number,
  objectType: LinkObjectType,
  objectId: number,
): Promise<TicketLink[]> {
  const query = new URLSearchParams({ objectType, objectId: String(objectId) });
  return (await api.delete<TicketLinkList>(`/tickets/${ticketId}/links?${query.toString()}`)).items;
}
