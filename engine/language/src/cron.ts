/**
 * The cron expressions a schedule entry may use: what Temporal Schedules run, checked here so a bad
 * one is a journey problem on the entry node instead of a failed publish. Five fields (minute, hour,
 * day of month, month, day of week), each `*`, a value, a range `a-b`, a list `a,b` or a step `…/n`;
 * months and weekdays may be named (JAN, MON); or one of the `@daily`-style shorthands.
 */

const SHORTHANDS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  name: string;
  min: number;
  max: number;
  /** Names standing for `min`, `min + 1`, …; `?` is accepted where a day may be left open. */
  names?: readonly string[];
  allowsQuestionMark?: boolean;
}

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, allowsQuestionMark: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too, as in most crons.
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, allowsQuestionMark: true },
];

function readValue(text: string, field: CronField): number | null {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : null;
}

/** Why one comma-separated part of a field is invalid, or null. */
function checkPart(part: string, field: CronField): string | null {
  const [range = '', step, extra] = part.split('/');
  if (extra !== undefined) return `"${part}" has more than one "/"`;
  if (step !== undefined && !/^[1-9]\d{0,1}$/.test(step)) return `step "${step}" must be 1 to 99`;
  if (range === '*' || (range === '?' && field.allowsQuestionMark && step === undefined)) return null;
  const [from = '', to, more] = range.split('-');
  if (more !== undefined) return `"${range}" is not a range`;
  const low = readValue(from, field);
  if (low === null) return `"${from}" is not a ${field.name} (${field.min}–${field.max})`;
  if (to === undefined) return null;
  const high = readValue(to, field);
  if (high === null) return `"${to}" is not a ${field.name} (${field.min}–${field.max})`;
  return high < low ? `range "${range}" ends before it starts` : null;
}

/** Why `expression` is not a cron Touchpoint can schedule, or null when it is one. */
export function describeCronProblem(expression: string): string | null {
  const text = expression.trim();
  if (text.startsWith('@')) {
    return SHORTHANDS.includes(text.toLowerCase()) ? null : `unknown shorthand "${text}"`;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return `"${text}" has ${parts.length} field(s); a cron has 5 fields (minute hour day-of-month month day-of-week)`;
  }
  for (const [index, field] of FIELDS.entries()) {
    for (const part of parts[index]!.split(',')) {
      const problem = checkPart(part, field);
      if (problem !== null) return `${field.name}: ${problem}`;
    }
  }
  return null;
}
