import type { Migration } from 'kysely';
import * as foundation from './2026-11-27_foundation.js';
import * as tickets from './2026-11-28_tickets.js';
import * as ticketSearch from './2026-11-28b_ticket_search.js';
// <migration-imports:mail>
// <migration-imports:notifications>
// <migration-imports:portal>
// <migration-imports:fieldservice>

/** Every migration, by name; names sort in the order they run. Append only. */
export const migrations: Record<string, Migration> = {
  '2026-11-27_foundation': foundation,
  '2026-11-28_tickets': tickets,
  '2026-11-28b_ticket_search': ticketSearch,
  // <migrations:mail> (2026-11-28c_…)
  // <migrations:notifications> (2026-11-28d_…)
  // <migrations:portal> (2026-11-28e_…)
  // <migrations:fieldservice> (2026-11-28f_…)
};
