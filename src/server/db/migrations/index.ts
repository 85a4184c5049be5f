import type { Migration } from 'kysely';
import * as foundation from './2026-11-27_foundation.js';
import * as tickets from './2026-11-28_tickets.js';
import * as ticketSearch from './2026-11-28b_ticket_search.js';
import * as mail from './2026-11-28c_mail.js';
// <migration-imports:mail>
import * as notifications from './2026-11-28d_notifications.js';
// <migration-imports:notifications>
import * as portal from './2026-11-28e_portal.js';
// <migration-imports:portal>
import * as fieldservice from './2026-11-28f_fieldservice.js';
// <migration-imports:fieldservice>
import * as searchTerms from './2026-11-28g_search_terms.js';
import * as jobsClaimIndex from './2026-11-28h_jobs_claim_index.js';
import * as inbox from './2026-11-28i_inbox.js';
import * as customFields from './2026-11-28j_custom_fields.js';
import * as ticketCustomerIndexes from './2026-11-28k_ticket_customer_indexes.js';
import * as thirdpartyTicketCounts from './2026-11-29_thirdparty_ticket_counts.js';

/** Every migration, by name; names sort in the order they run. Append only. */
export const migrations: Record<string, Migration> = {
  '2026-11-27_foundation': foundation,
  '2026-11-28_tickets': tickets,
  '2026-11-28b_ticket_search': ticketSearch,
  '2026-11-28c_mail': mail,
  // <migrations:mail> (2026-11-28c_…)
  '2026-11-28d_notifications': notifications,
  // <migrations:notifications> (2026-11-28d_…)
  '2026-11-28e_portal': portal,
  // <migrations:portal> (2026-11-28e_…)
  '2026-11-28f_fieldservice': fieldservice,
  // <migrations:fieldservice> (2026-11-28f_…)
  '2026-11-28g_search_terms': searchTerms,
  '2026-11-28h_jobs_claim_index': jobsClaimIndex,
  '2026-11-28i_inbox': inbox,
  '2026-11-28j_custom_fields': customFields,
  '2026-11-28k_ticket_customer_indexes': ticketCustomerIndexes,
  '2026-11-29_thirdparty_ticket_counts': thirdpartyTicketCounts,
};
