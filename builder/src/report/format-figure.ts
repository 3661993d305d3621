import type { Cell } from './report-tables';

const DAY = 86_400;
const HOUR = 3_600;

/** Units a duration is written in, in the interface language. */
export interface DurationUnits {
  days: string;
  hours: string;
  minutes: string;
}

/** A share as a percent with one decimal (`52.6%`, `52,6 %`); null (nothing to divide by) as a dash. */
export function formatPercent(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** Seconds in the largest unit that keeps them readable: days past a day, then hours, then minutes. */
export function formatDuration(seconds: number | null, locale: string, units: DurationUnits): string {
  if (seconds === null) return '—';
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (seconds >= DAY) return `${number(seconds / DAY)} ${units.days}`;
  if (seconds >= HOUR) return `${number(seconds / HOUR)} ${units.hours}`;
  return `${number(seconds / 60)} ${units.minutes}`;
}

/** A table cell as the page shows it; the CSV keeps `cell.value` itself. */
export function formatCell(cell: Cell, locale: string, units: DurationUnits): string {
  const { value, format } = cell;
  if (value === null) return '—';
  if (typeof value === 'string') {
    return format === 'week' ? value.slice(0, 10) : value;
  }
  switch (format) {
    case 'percent':
      return formatPercent(value, locale);
    case 'duration':
      return formatDuration(value, locale, units);
    case 'money':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
    default:
      return value.toLocaleString(locale);
  }
}
