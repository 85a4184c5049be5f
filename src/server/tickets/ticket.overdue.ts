/**
 * A ticket is overdue (SPEC 2.8) when it is open and either nobody of the staff has answered within
 * `delayFirstResponseHours` of its creation, or the customer's last message has waited more than
 * `delaySinceLastResponseHours` for an answer. A delay of 0 turns that rule off. Tickets waiting for the
 * customer are never overdue. The list's SQL filter applies the same rules (keep them in step).
 */
export interface OverdueDelays {
  delayFirstResponseHours: number;
  delaySinceLastResponseHours: number;
}

export interface OverdueFields {
  is_open: boolean;
  status: string;
  created_at: string;
  first_response_at: string | null;
  last_customer_message_at: string | null;
  last_staff_message_at: string | null;
}

const HOUR = 3600 * 1000;

/** Instants before which a ticket is late, for SQL filters: `created_at < firstResponseBefore`… */
export function overdueThresholds(delays: OverdueDelays, now: Date) {
  return {
    firstResponseBefore:
      delays.delayFirstResponseHours > 0
        ? new Date(now.getTime() - delays.delayFirstResponseHours * HOUR).toISOString()
        : null,
    customerWaitingBefore:
      delays.delaySinceLastResponseHours > 0
        ? new Date(now.getTime() - delays.delaySinceLastResponseHours * HOUR).toISOString()
        : null,
  };
}

/** The overdue rule with its thresholds computed once, for a whole page of rows. */
export function overduePredicate(delays: OverdueDelays, now: Date): (t: OverdueFields) => boolean {
  const { firstResponseBefore, customerWaitingBefore } = overdueThresholds(delays, now);
  return (t) => {
    if (!t.is_open || t.status === 'waiting') return false;
    if (firstResponseBefore && t.first_response_at === null && t.created_at < firstResponseBefore)
      return true;
    return (
      customerWaitingBefore !== null &&
      t.last_customer_message_at !== null &&
      (t.last_staff_message_at === null || t.last_staff_message_at < t.last_customer_message_at) &&
      t.last_customer_message_at < customerWaitingBefore
    );
  };
}

export function isOverdue(t: OverdueFields, delays: OverdueDelays, now: Date): boolean {
  return overduePredicate(delays, now)(t);
}
