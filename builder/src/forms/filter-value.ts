import type { FilterOperator, FilterValue } from '@touchpoint/language';

/**
 * Reads what a marketer typed as the value of an event filter: numbers as numbers, true / false
 * as booleans, a comma-separated list for "is one of", nothing for "is present". Quotes keep
 * a number-looking text a text ("\"10\"").
 */
export function parseFilterValue(op: FilterOperator, text: string): FilterValue | undefined {
  if (op === 'exists') return undefined;
  if (op === 'in') {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const value = parseScalar(part);
        return value === null ? part : value;
      });
  }
  return parseScalar(text.trim());
}

function parseScalar(text: string): string | number | boolean | null {
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Writes a filter value back as text, so `parseFilterValue(op, formatFilterValue(v))` gives `v`. */
export function formatFilterValue(value: FilterValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => formatScalar(item)).join(', ');
  return formatScalar(value);
}

function formatScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // A text that would read back as a number or a boolean keeps its quotes.
  return parseScalar(value) === value ? value : `"${value}"`;
}
