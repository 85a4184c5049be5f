import dayjs from 'dayjs';

/** The form's view of an event's times: Mantine date strings in local time. */
export interface FormTimes {
  allDay: boolean;
  /** `YYYY-MM-DD HH:mm:ss` (timed) or `YYYY-MM-DD` (all day). */
  start: string | null;
  end: string | null;
}

const DATE = 'YYYY-MM-DD';
const DATE_TIME = 'YYYY-MM-DD HH:mm:ss';

/**
 * Form → API instants. An all-day event runs from the midnight of its first day to the midnight after
 * its last (local time), so it covers the days the user picked wherever it is shown.
 */
export function toInstants(times: FormTimes): { start: string; end: string } | null {
  if (!times.start) return null;
  const start = dayjs(times.start);
  const end = dayjs(times.end ?? times.start);
  if (!start.isValid() || !end.isValid()) return null;
  if (times.allDay) {
    return {
      start: start.startOf('day').toISOString(),
      end: end.startOf('day').add(1, 'day').toISOString(),
    };
  }
  return { start: start.toISOString(), end: end.toISOString() };
}

/** API instants → form values (the reverse of toInstants). */
export function toFormTimes(event: { start: string; end: string; allDay: boolean }): FormTimes {
  const start = dayjs(event.start);
  const end = dayjs(event.end);
  if (event.allDay) {
    const last = end.isAfter(start) ? end.subtract(1, 'millisecond') : start;
    return { allDay: true, start: start.format(DATE), end: last.format(DATE) };
  }
  return { allDay: false, start: start.format(DATE_TIME), end: end.format(DATE_TIME) };
}

/** A new event: the next round hour, lasting an hour. */
export function defaultTimes(now = dayjs()): FormTimes {
  const start = now.add(1, 'hour').startOf('hour');
  return { allDay: false, start: start.format(DATE_TIME), end: start.add(1, 'hour').format(DATE_TIME) };
}

/** Switching all-day keeps the days chosen. */
export function switchAllDay(times: FormTimes, allDay: boolean): FormTimes {
  if (allDay === times.allDay) return times;
  const start = times.start ? dayjs(times.start) : null;
  const end = times.end ? dayjs(times.end) : null;
  if (allDay) return { allDay, start: start?.format(DATE) ?? null, end: end?.format(DATE) ?? null };
  const s = start?.hour(9) ?? null;
  const e = (end ?? start)?.hour(10) ?? null;
  return { allDay, start: s?.format(DATE_TIME) ?? null, end: e?.format(DATE_TIME) ?? null };
}
