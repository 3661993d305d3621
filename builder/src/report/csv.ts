/** One cell as a CSV carries it: a number as is, text quoted when it must be, null as empty. */
export type CsvValue = string | number | null;

// A spreadsheet runs a cell that starts with one of these as a formula; step and action names are typed
// by people, so such text is prefixed with an apostrophe (OWASP's advice for CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text of a table: a header row, then one line per row, CRLF between lines. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
