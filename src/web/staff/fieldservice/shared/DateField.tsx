import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.js';

const pad = (n: string) => n.padStart(2, '0');

/**
 * Reads what people type: `28/11/2026` (both languages here write day first), or ISO `2026-11-28`, each
 * with an optional ` 14:30`. Answers Mantine's value string (`YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss`), or
 * null while the text is not a real date yet.
 */
export function parseTypedDate(text: string, withTime: boolean): string | null {
  const match =
    /^\s*(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?:[ T]+(\d{1,2})[:h](\d{2}))?\s*$/.exec(
      text,
    );
  if (!match) return null;
  const [, d1, m1, y1, y2, m2, d2, hh, mm] = match;
  const year = y1 ?? y2 ?? '';
  const month = pad(m1 ?? m2 ?? '');
  const day = pad(d1 ?? d2 ?? '');
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  if (
    date.getFullYear() !== Number(year) ||
    date.getMonth() !== Number(month) - 1 ||
    date.getDate() !== Number(day)
  )
    return null;
  const iso = `${year}-${month}-${day}`;
  if (!withTime) return iso;
  const hours = Number(hh ?? 0);
  const minutes = Number(mm ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${iso} ${pad(String(hours))}:${pad(String(minutes))}:00`;
}

/**
 * A date (or date and time) input that can be typed as well as picked, in the interface language. The
 * value is Mantine's string: `YYYY-MM-DD`, or `YYYY-MM-DD HH:mm:ss` in local time when `withTime`.
 */
export function DateField({ withTime = false, ...props }: DateInputProps & { withTime?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat={withTime ? 'DD/MM/YYYY HH:mm' : 'DD/MM/YYYY'}
        dateParser={(text) => parseTypedDate(text, withTime)}
        withTime={withTime}
        placeholder={t(
          withTime ? 'fieldservice.common.dateTimePlaceholder' : 'fieldservice.common.datePlaceholder',
        )}
        {...props}
      />
    </DatesProvider>
  );
}
