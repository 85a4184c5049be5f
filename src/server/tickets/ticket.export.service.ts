import { Readable } from 'node:stream';
import type { TicketListQuery } from '../../common/schemas/ticket.schema.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { CustomFieldDefinitions } from './ticket.customfields.js';
import { csvHeader, csvRows } from './ticket.export.csv.js';
import type { TicketListService } from './ticket.list.service.js';

/** CSV export of the list as filtered (SPEC 2.7), streamed: a million rows never sit in memory. */
export function createTicketExportService(deps: {
  list: TicketListService;
  clock: Clock;
  customFieldDefs: CustomFieldDefinitions;
}) {
  const { list, clock } = deps;
  return {
    /** Permission `ticket.export`; the query is the list's (filters and order; no limit or cursor). */
    async csv(actorIn: Actor | null, query: TicketListQuery): Promise<{ filename: string; body: Readable }> {
      const actor = requirePermission(actorIn, 'ticket.export');
      const { cursor: _cursor, ...filters } = query;
      const batches = await list.openRows(actor, filters);
      // One column per custom field, active or not, by position.
      const fields = await deps.customFieldDefs.definitions();
      const language = actor.language;
      async function* lines() {
        yield csvHeader(language, fields);
        for await (const tickets of batches) yield csvRows(tickets, fields, language);
      }
      const date = clock.now().toISOString().slice(0, 10);
      return { filename: `tickets-${date}.csv`, body: Readable.from(lines()) };
    },
  };
}

export type TicketExportService = ReturnType<typeof createTicketExportService>;
