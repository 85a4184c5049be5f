import type { Kysely } from 'kysely';
import type { Database, TicketLanguageColumn } from '../db/schema.js';

/** The customer's language on a ticket (column of the mail migration, kept out of the list's row type). */
export function setTicketLanguage(ex: Kysely<Database>, ticketId: number, language: string | null) {
  return ex
    .withTables<{ tickets: TicketLanguageColumn }>()
    .updateTable('tickets')
    .set({ language })
    .where('id', '=', ticketId)
    .execute();
}
