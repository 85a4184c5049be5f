import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.js';

const UNITS = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/** "2 h 5 min": the two largest non-zero units, in the language's own short unit words. */
export function formatDuration(totalSeconds: number, locale: string): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const value = Math.floor(rest / size);
    rest -= value * size;
    if (value > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value));
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** "12,5 ko" / "12.5 kB": sizes of attached files. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    // English writes bytes in words when short ("79 byte"); the narrow form is the usual "79B".
    unitDisplay: unit === 0 && !locale.startsWith('fr') ? 'narrow' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Dates, durations and numbers written the way the interface language writes them. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = currentLanguage(i18n) === 'fr' ? 'fr-FR' : 'en-GB';
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const relativeShort = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    return {
      locale,
      date: (iso: string) => date.format(new Date(iso)),
      /** 28/11/2026: for narrow columns. */
      shortDate: (iso: string) => shortDate.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      number: (n: number) => number.format(n),
      /** `percent(40)` → "40 %" in French, "40%" in English. */
      percent: (n: number) => percent.format(n / 100),
      duration: (seconds: number) => formatDuration(seconds, locale),
      fileSize: (bytes: number) => formatFileSize(bytes, locale),
      /** "3 hours ago", "yesterday" (`short`: "3 hr. ago"): for recent activity; keep the exact time in a title. */
      relative: (iso: string, { short = false, now = Date.now() } = {}) => {
        const seconds = (new Date(iso).getTime() - now) / 1000;
        const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? UNITS[UNITS.length - 1];
        const [name, size] = unit ?? ['second', 1];
        return (short ? relativeShort : relative).format(Math.round(seconds / size), name);
      },
    };
  }, [locale]);
}
