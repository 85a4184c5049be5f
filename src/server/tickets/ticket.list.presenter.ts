import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
import type { TicketListRow } from './ticket.list.repository.js';
import { overduePredicate, type OverdueDelays } from './ticket.overdue.js';
import { presentTicketListItem } from './ticket.presenter.js';

/**
 * A page of list rows as the API shows them: the list item of ticket.presenter.ts, with the overdue
 * thresholds computed once per page rather than per row (this runs on every list request).
 */
export function presentListRows(
  rows: readonly TicketListRow[],
  ctx: { now: Date; delays: OverdueDelays },
): TicketListItem[] {
  const overdue = overduePredicate(ctx.delays, ctx.now);
  return rows.map((r) => presentTicketListItem(r, ctx, overdue));
}
