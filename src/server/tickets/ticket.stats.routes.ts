import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../common/schemas/common.js';
import { ticketStatsSchema } from '../../common/schemas/ticket.schema.js';
import type { TicketStatsService } from './ticket.stats.service.js';

/** The staff home page's numbers. */
export function registerTicketStatsRoutes(
  app: FastifyInstance,
  deps: { ticketStats: TicketStatsService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/tickets/stats',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Ticket counts by status, my open tickets, unread and overdue tickets',
        description:
          'Counts by status come from counters the database keeps in step with every change; the other numbers are index-only counts. Overdue follows the response delays of the settings.',
        response: { 200: ticketStatsSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => deps.ticketStats.get(req.actor),
  );
}
