import type { Migration } from 'kysely';
import * as foundation from './2026-11-27_foundation.js';
import * as tickets from './2026-11-28_tickets.js';
import * as ticketSearch from './2026-11-28b_ticket_search.js';

/** Every migration, by name; names sort in the order they run. Append only. */
export const migrations: Record<string, Migration> = {
  '2026-11-27_foundation': foundation,
  '2026-11-28_tickets': tickets,
  '2026-11-28b_ticket_search': ticketSearch,
};
