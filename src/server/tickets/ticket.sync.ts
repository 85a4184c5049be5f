import type { TicketCore } from './ticket.core.js';

/**
 * Tickets keep copies of the third party's name, the assignee's name and the severity's rank so that the
 * list can sort and search at scale without joins. Commands write them right; these refresh them after
 * a rename or a reordering elsewhere. They run as jobs (no actor), change no version and are idempotent.
 */
export function createTicketSync(core: TicketCore) {
  const { dictionaries } = core.deps;
  return {
    /** Returns how many tickets were corrected. */
    syncThirdpartyName: (thirdpartyId: number): Promise<number> =>
      core.tickets.syncThirdpartyName(thirdpartyId),

    syncAssigneeName: (userId: number): Promise<number> => core.tickets.syncAssigneeName(userId),

    async syncSeverityRanks(): Promise<number> {
      return core.tickets.syncSeverityRanks(await dictionaries.severityRanks());
    },
  };
}
