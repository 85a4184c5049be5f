import dayjs, { type Dayjs } from 'dayjs';

/** What the agenda needs of an event to place it on the calendar. */
export interface Placed {
  start: string;
  end: string;
  allDay: boolean;
}

/** Monday 00:00 (local time) of the week holding `day`: the agenda's weeks start on Monday in both languages. */
export function weekStart(day: Dayjs): Dayjs {
  const d = day.startOf('day');
  return d.subtract((d.day() + 6) % 7, 'day');
}

/** The seven days of the week starting at `monday`. */
export function weekDays(monday: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
}

/** The local date of `day` as `YYYY-MM-DD`: the agenda's URL keeps the week this way. */
export const isoDay = (day: Dayjs) => day.format('YYYY-MM-DD');

/**
 * Whether an event shows on `day`. An all-day event runs from the midnight of its first day to the
 * midnight after its last; a timed event ending at midnight does not spill into the next day.
 */
export function occursOn(event: Placed, day: Dayjs): boolean {
  const dayStart = day.startOf('day');
  const dayEnd = dayStart.add(1, 'day');
  const start = dayjs(event.start);
  const end = dayjs(event.end);
  if (event.allDay) {
    // Midnight to midnight: the end is the first instant after the last day.
    const last = end.isAfter(start) ? end.subtract(1, 'millisecond') : start;
    return !start.startOf('day').isAfter(dayStart) && !last.startOf('day').isBefore(dayStart);
  }
  if (end.isSame(start)) return !start.isBefore(dayStart) && start.isBefore(dayEnd);
  return start.isBefore(dayEnd) && end.isAfter(dayStart);
}

/** Events of one day in the order a person reads a diary: all-day first, then by start time. */
export function eventsOn<T extends Placed>(events: T[], day: Dayjs): T[] {
  return events
    .filter((e) => occursOn(e, day))
    .sort((a, b) =>
      a.allDay !== b.allDay ? (a.allDay ? -1 : 1) : dayjs(a.start).valueOf() - dayjs(b.start).valueOf(),
    );
}
