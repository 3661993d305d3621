import type { FunnelActionRule } from '../api/schemas';

/** One action as the settings form edits it: numbers and lists stay text until saved. */
export interface ActionRow {
  /** Stable React key of the row (actions may be renamed or reordered while edited). */
  key: string;
  action: string;
  labelEn: string;
  labelRu: string;
  windowDays: string;
  /** Event types separated by commas, spaces or line breaks. */
  eventTypes: string;
}

/** The fields of a row an error can belong to (the path after `body.actions.<index>`). */
export const ROW_FIELDS = ['action', 'labels.en', 'labels.ru', 'windowDays', 'eventTypes'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

let nextKey = 0;
const newKey = () => `row-${(nextKey += 1)}`;

export function toRows(actions: FunnelActionRule[]): ActionRow[] {
  return actions.map((rule) => ({
    key: newKey(),
    action: rule.action,
    labelEn: rule.labels.en,
    labelRu: rule.labels.ru,
    windowDays: String(rule.windowDays),
    eventTypes: rule.eventTypes.join(', '),
  }));
}

export function emptyRow(): ActionRow {
  return { key: newKey(), action: '', labelEn: '', labelRu: '', windowDays: '7', eventTypes: '' };
}

/**
 * The PUT body's actions. Nothing is checked here: the server validates and names each bad field, so
 * a window typed as "ten" is sent as it is (not a number) and comes back as that row's error.
 */
export function toActions(rows: ActionRow[]): unknown[] {
  return rows.map((row) => ({
    action: row.action.trim(),
    labels: { en: row.labelEn, ru: row.labelRu },
    windowDays: /^\s*\d+\s*$/.test(row.windowDays) ? Number(row.windowDays) : row.windowDays,
    eventTypes: row.eventTypes.split(/[\s,]+/).filter((type) => type.length > 0),
  }));
}

/** Moves row `index` by `delta` places (depth is order); out of range leaves the list as it is. */
export function moveRow(rows: ActionRow[], index: number, delta: number): ActionRow[] {
  const target = index + delta;
  if (target < 0 || target >= rows.length) return rows;
  const moved = [...rows];
  const [row] = moved.splice(index, 1);
  moved.splice(target, 0, row!);
  return moved;
}

/** The server's issues sorted to where the form shows them: a row's field, or the form as a whole. */
export interface FieldErrors {
  byRow: Map<number, Partial<Record<RowField, string[]>>>;
  general: string[];
}

/** Sorts `body.actions.<i>.<field>…` issue paths onto rows and fields; anything else is general. */
export function sortIssues(issues: { path: string; message: string }[]): FieldErrors {
  const byRow: FieldErrors['byRow'] = new Map();
  const general: string[] = [];
  for (const issue of issues) {
    const match = /^body\.actions\.(\d+)\.(.+)$/.exec(issue.path);
    const rest = match?.[2] ?? '';
    const field = ROW_FIELDS.find((name) => rest === name || rest.startsWith(`${name}.`));
    if (!match || !field) {
      general.push(match ? `${rest}: ${issue.message}` : issue.message);
      continue;
    }
    const index = Number(match[1]);
    const row = byRow.get(index) ?? {};
    // An event type's index tells which one of the list is wrong.
    const where = rest.slice(field.length + 1);
    row[field] = [...(row[field] ?? []), where ? `#${Number(where) + 1}: ${issue.message}` : issue.message];
    byRow.set(index, row);
  }
  return { byRow, general };
}
