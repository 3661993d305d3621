import { formatFilterValue, parseFilterValue } from './filter-value';

/** One "set this client field to this value" line of an update-client step, as typed. */
export interface AttributeRow {
  key: string;
  value: string;
}

/**
 * The attributes to set as rows. Texts, numbers and true / false read as the marketer typed them;
 * anything richer (a list, an object written in the JSON) is shown as its JSON.
 */
export function attributesToRows(value: unknown): AttributeRow[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).map(([key, item]) => ({ key, value: formatAttributeValue(item) }));
}

function formatAttributeValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return formatFilterValue(value);
  return JSON.stringify(value) ?? '';
}

/** Rows back to the config's `setAttributes`; rows without a field name are not saved yet. */
export function rowsToAttributes(rows: readonly AttributeRow[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key) result[key] = parseAttributeValue(row.value);
  }
  return result;
}

// A list or object from the JSON escape hatch survives a round trip through the form.
function parseAttributeValue(text: string): unknown {
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not JSON after all: an ordinary text that starts with a bracket.
    }
  }
  return parseFilterValue('eq', text);
}
