import type { QuietWindow } from './delivery-policy';

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutesOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function parseClock(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `minute` lies in [start, end), wrapping midnight when end <= start. */
function isInside(minute: number, start: number, end: number): boolean {
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When `now` falls in the quiet window (client's local time), the instant the window ends;
 * otherwise null. The end is found by stepping forward in local minutes and then correcting for a
 * DST change inside the window, so "09:00" stays 09:00 local on the morning clocks moved.
 */
export function findQuietHoursEnd(now: Date, timeZone: string, quiet: QuietWindow): Date | null {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  const minute = localMinutesOfDay(now, timeZone);
  if (!isInside(minute, start, end)) return null;
  const ahead = (end - minute + 1440) % 1440 || 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  let candidate = new Date(startOfMinute + ahead * 60_000);
  const drift = ((end - localMinutesOfDay(candidate, timeZone) + 720 + 1440) % 1440) - 720;
  if (drift !== 0) candidate = new Date(candidate.getTime() + drift * 60_000);
  return candidate;
}
