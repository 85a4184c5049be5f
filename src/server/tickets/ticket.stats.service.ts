import type { TicketStats } from '../../common/schemas/ticket.schema.js';
import { can, requirePermission, type Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { SettingsService } from '../settings/settings.service.js';
import { overdueThresholds } from './ticket.overdue.js';
import { createTicketStatsRepository } from './ticket.stats.repository.js';

/** The staff home page's numbers (SPEC 2.8). */
export function createTicketStatsService(deps: {
  db: Db;
  clock: Clock;
  settings: Pick<SettingsService, 'all'>;
}) {
  const { clock, settings } = deps;
  const stats = createTicketStatsRepository(deps.db);
  return {
    /**
     * Tickets per status (counters kept by triggers), my open tickets, unread ones, and those past the
     * response delays of the settings. An agent restricted to their own tickets (setting
     * `tickets.visibleToAssigneeOnly`, no `ticket.manage`) gets numbers about those only.
     */
    async get(actorIn: Actor | null): Promise<TicketStats> {
      const actor = requirePermission(actorIn, 'ticket.read');
      const s = await settings.all();
      const restricted = s['tickets.visibleToAssigneeOnly'] && !can(actor, 'ticket.manage');
      const thresholds = overdueThresholds(
        {
          delayFirstResponseHours: s['tickets.delayFirstResponseHours'],
          delaySinceLastResponseHours: s['tickets.delaySinceLastResponseHours'],
        },
        clock.now(),
      );
      const [byStatus, myOpen, overdue] = await Promise.all([
        restricted ? stats.byStatusVisibleTo(actor.userId) : stats.byStatus(),
        stats.myOpen(actor.userId),
        restricted ? stats.overdueVisibleTo(thresholds, actor.userId) : stats.overdue(thresholds),
      ]);
      return { byStatus, myOpen, unread: byStatus.unread, overdue };
    },
  };
}

export type TicketStatsService = ReturnType<typeof createTicketStatsService>;
