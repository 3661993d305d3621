/** Period choices of the report page; `custom` takes two dates. */
export const PERIOD_PRESETS = ['all', '7d', '30d', '90d', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DAY = 86_400_000;
const PRESET_DAYS: Partial<Record<PeriodPreset, number>> = { '7d': 7, '30d': 30, '90d': 90 };

export interface Period {
  preset: PeriodPreset;
  /** `custom`: first day (yyyy-mm-dd, UTC), inclusive; empty for open. */
  fromDate: string;
  /** `custom`: last day (yyyy-mm-dd, UTC), inclusive; empty for open. */
  toDate: string;
}

/**
 * A preset's start: the UTC midnight `days` days before today's, so the period is that many whole days
 * and today so far. Whole UTC days are what the server answers from its rollups (docs/metrics.md,
 * "Periods"); a start at this very instant would make it scan raw rows.
 */
export function presetStart(days: number, now: number): string {
  return new Date(Math.floor(now / DAY) * DAY - days * DAY).toISOString();
}

/**
 * The report's `from`/`to` (instants, `to` exclusive) for a period. Presets end now and start at a UTC
 * midnight (`presetStart`); custom days are UTC days, the last one included (so `to` is the next
 * midnight). `now` is passed in, so the query stays the same between renders of one choice.
 */
export function periodBounds(period: Period, now: number): { from?: string; to?: string } {
  const days = PRESET_DAYS[period.preset];
  if (days !== undefined) return { from: presetStart(days, now) };
  if (period.preset !== 'custom') return {};
  const from = period.fromDate ? `${period.fromDate}T00:00:00.000Z` : undefined;
  const to = period.toDate
    ? new Date(Date.parse(`${period.toDate}T00:00:00.000Z`) + DAY).toISOString()
    : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
