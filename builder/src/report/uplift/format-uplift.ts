/**
 * Uplift figures as the interface writes them, signed so a gain and a loss read differently at a
 * glance. `locale` picks the number format; the unit words come from the caller's dictionary.
 */

/** A difference of rates in percentage points: `+2.1 pp`, `−0.4 п. п.`. */
export function formatPoints(value: number, locale: string, unit: string): string {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value * 100);
  return `${number} ${unit}`;
}

/** A relative uplift as a signed percent: `+12.3%`; null (control at 0) as a dash. */
export function formatSignedPercent(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** Money with its sign and two decimals: `+1,234.50`. */
export function formatSignedMoney(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A p-value with three decimals; below 0.001 as `< 0.001`. */
export function formatPValue(value: number, locale: string): string {
  const three = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return value < 0.001 ? `< ${three.format(0.001)}` : three.format(value);
}

/** An interval as `[lo; hi]`, each end written by `format`. */
export function formatInterval(interval: readonly [number, number], format: (v: number) => string): string {
  return `[${format(interval[0])}; ${format(interval[1])}]`;
}
