/** `2026-12-01T09:00` as an `<input type="datetime-local">` shows it. */
const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');

/**
 * A datetime-local input's value as an ISO 8601 time with the browser's own UTC offset
 * (`2026-12-01T09:00:00+03:00`), the form the journey's entry window stores; null when blank or
 * not a date.
 */
export function localInputToIso(value: string): string | null {
  if (!LOCAL_INPUT.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  return `${value}:00${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

/** An ISO 8601 time as a datetime-local input shows it, in the browser's time zone; '' if unreadable. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
