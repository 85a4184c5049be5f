import { useMemo } from 'react';
import { useFormat } from '../../../components/format.js';

/**
 * Formats of the field service screens, on top of the app's: calendar dates (`YYYY-MM-DD`, read as
 * that day wherever the browser is: parsing them as instants would show the day before west of UTC),
 * amounts exactly as the API sent them (two places), and durations given in minutes.
 */
export function useFsFormat() {
  const format = useFormat();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const money = new Intl.NumberFormat(format.locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const decimal = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 3 });
    return {
      ...format,
      day: (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`)),
      money: (amount: number) => money.format(amount),
      decimal: (n: number) => decimal.format(n),
      minutes: (minutes: number) => format.duration(minutes * 60),
    };
  }, [format]);
}
