import { z } from 'zod';

/** Comparison operators shared by event property filters and attribute conditions. */
export const FILTER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists'] as const;

/** One of {@link FILTER_OPERATORS}. */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A JSON scalar a filter compares with; `in` takes a list of them. */
export const FilterValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);
export type FilterValue = z.infer<typeof FilterValue>;

/** A test on one property: `{ property: 'total', op: 'gte', value: 100 }`. Dots reach into objects. */
export const PropertyFilter = z.object({
  property: z.string().min(1),
  op: z.enum(FILTER_OPERATORS),
  value: FilterValue.optional(),
});
export type PropertyFilter = z.infer<typeof PropertyFilter>;

/** An event type plus filters that must all hold on its properties. */
export const EventMatcher = z.object({
  type: z.string().min(1),
  filters: z.array(PropertyFilter).default([]),
});
export type EventMatcher = z.infer<typeof EventMatcher>;

function readPath(source: Record<string, unknown>, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function compareOrdered(actual: unknown, expected: unknown): number | null {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') return actual.localeCompare(expected);
  return null;
}

/** Applies one operator; type mismatches are simply false, never an error (events are loosely typed). */
export function applyOperator(
  actual: unknown,
  op: FilterOperator,
  expected: FilterValue | undefined,
): boolean {
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && (expected as unknown[]).includes(actual);
    case 'contains':
      if (typeof actual === 'string' && typeof expected === 'string') return actual.includes(expected);
      return Array.isArray(actual) && actual.includes(expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const diff = compareOrdered(actual, expected);
      if (diff === null) return false;
      return op === 'gt' ? diff > 0 : op === 'gte' ? diff >= 0 : op === 'lt' ? diff < 0 : diff <= 0;
    }
    default: {
      const unhandled: never = op;
      throw new Error(`Unhandled filter operator ${String(unhandled)}`);
    }
  }
}

/** True when every filter holds on the given properties. */
export function matchesFilters(
  properties: Record<string, unknown>,
  filters: readonly PropertyFilter[],
): boolean {
  return filters.every((filter) =>
    applyOperator(readPath(properties, filter.property), filter.op, filter.value),
  );
}

/** True when an event of `type` with `properties` satisfies the matcher. */
export function matchesEvent(
  matcher: EventMatcher,
  event: { type: string; properties: Record<string, unknown> },
): boolean {
  return matcher.type === event.type && matchesFilters(event.properties, matcher.filters);
}
