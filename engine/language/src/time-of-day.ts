const DAY_MS = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at the instant `at` (epoch ms). */
export function toWallClock(at: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

function offsetAt(at: number, timeZone: string): number {
  const wall = toWallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. Two passes settle DST edges: a time that does
 * not exist (spring forward) lands just after the gap, an ambiguous one on its first occurrence.
 */
export function fromWallClock(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  const wall = toWallClock(second, timeZone);
  // In a spring-forward gap the second pass falls before the gap; the first pass lies after it.
  return wall.hour === hour && wall.minute === minute ? second : Math.max(first, second);
}

/** Parses `HH:MM` (24 h) into hour and minute; null when malformed. */
export function parseTimeOfDay(time: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The first instant strictly after `from` when the client's local clock in `timeZone` shows `time`
 * on one of `weekdays` (ISO 1 = Monday … 7 = Sunday; empty = any day).
 */
export function nextLocalTime(
  from: number,
  time: string,
  weekdays: readonly number[],
  timeZone: string,
): number {
  const parsed = parseTimeOfDay(time);
  if (!parsed) throw new Error(`Invalid time of day "${time}", expected HH:MM`);
  const today = toWallClock(from, timeZone);
  // Eight days covers every weekday once more even when today's slot has already passed.
  for (let offset = 0; offset <= 8; offset += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day) + offset * DAY_MS);
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (weekdays.length > 0 && !weekdays.includes(weekday)) continue;
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const candidate = fromWallClock(date, parsed.hour, parsed.minute, timeZone);
    if (candidate > from) return candidate;
  }
  throw new Error('No matching local time within eight days (weekdays must be between 1 and 7)');
}
