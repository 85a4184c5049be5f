import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../common/schemas/common.js';
import {
  ticketListPageSchema,
  ticketListQuerySchema,
  type TicketListPage,
} from '../../common/schemas/ticket.schema.js';
import type { TicketExportService } from './ticket.export.service.js';
import { listPageSerializer } from './ticket.list.json.js';
import type { TicketListService } from './ticket.list.service.js';
import { TOTAL_CAP } from './ticket.list.service.js';

const tags = ['tickets'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

const FILTERS = `Filters: \`status\` (default: the open statuses; \`all\`: all but deleted; \`deleted\`; or a comma list), \`type\`, \`category\`, \`severity\`, \`origin\` (comma lists), \`assignee\` (\`me\`, \`unassigned\` or a user id), \`thirdparty\`, \`createdFrom\`/\`createdTo\`, \`updatedFrom\`/\`updatedTo\` (a date covers the whole day), \`overdue\`, \`q\` with \`searchIn\` (subject: words of the subject; company: part of the third party's name; both), \`text\` (words of the subject, description and messages, private notes included). Words match as prefixes, ignoring case and accents. \`cf.<key>\` filters a custom field (GET /custom-fields lists them, inactive ones included): text, textarea, email, url and phone fields contain the text, ignoring case; a select holds one of a comma list; a multiselect holds at least one of a comma list; a checkbox is \`true\` or \`false\` (false also matches no value); a number or a date (YYYY-MM-DD) equals the value or lies within \`min..max\` (bounds included, either may be left out). An unknown key is a 400 unknown_custom_field; a value that does not suit the type, a 400 validation_error.`;

/** The ticket list, its CSV export. */
export function registerTicketListRoutes(
  app: FastifyInstance,
  deps: { ticketList: TicketListService; ticketExport: TicketExportService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { ticketList, ticketExport } = deps;

  api.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'List tickets: filters, search, sort by any column, keyset pages',
        description: `${FILTERS}

Sorted by \`sort\` and \`order\`; empty values (no assignee, no third party) come last; ties are broken by id. Pages follow \`nextCursor\`, which only works with the same filters and sort (400 invalid_cursor otherwise).

\`total\` is counted once, on the first page, and carried by the cursor. With no filter but the statuses it is exact and free (counters kept by the database). With any other filter or a search, counting stops at ${TOTAL_CAP}: \`totalCapped: true\` then means "more than ${TOTAL_CAP}". At a million tickets an exact count of a broad search costs more than the page itself; this one stays within a few milliseconds.`,
        querystring: ticketListQuerySchema,
        response: { 200: ticketListPageSchema, ...errors },
      },
      // The busiest answer of the API; its shape is held by ticket.list.int.test.ts. On SQLite its items
      // come as JSON written by the query (ticket.list.json.ts), which this serializer sets in as it is.
      serializerCompiler: listPageSerializer,
    },
    // The typed reply knows the documented page only; listPageSerializer writes the items the service gives.
    async (req) => (await ticketList.list(req.actor, req.query)) as unknown as TicketListPage,
  );

  api.get(
    '/tickets/export.csv',
    {
      schema: {
        tags,
        summary: 'Every ticket of the list as filtered, as CSV (permission ticket.export)',
        description: `Same filters and order as GET /tickets, without page limit. UTF-8 with BOM, RFC 4180, a header row in the caller's language; a cell starting with = + - @ or a tab gets a leading ' so spreadsheets never run it.

${FILTERS}`,
        querystring: ticketListQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'CSV file' }), ...errors },
      },
    },
    async (req, reply) => {
      const { filename, body } = await ticketExport.csv(req.actor, req.query);
      // A stream goes out as it is (no serializer); the typed reply only knows the documented schema.
      return (reply as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
