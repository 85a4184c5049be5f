import type { AgendaEvent, EventListItem } from '../../common/schemas/event.schema.js';
import type { LinkedTicket } from '../../common/schemas/ticket-link.schema.js';
import type { EventDetailRow } from './event.repository.js';

export function presentEventItem(row: EventDetailRow, tickets: readonly LinkedTicket[]): EventListItem {
  return {
    id: row.id,
    typeCode: row.type_code,
    label: row.label,
    start: row.start_at,
    end: row.end_at,
    allDay: Boolean(row.all_day),
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    done: Boolean(row.done),
    notes: row.notes,
    ticketIds: tickets.map((t) => t.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentEvent(
  row: EventDetailRow,
  tickets: readonly LinkedTicket[],
  canWrite: boolean,
): AgendaEvent {
  return { ...presentEventItem(row, tickets), tickets: [...tickets], editable: canWrite };
}
