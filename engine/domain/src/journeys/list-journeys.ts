import { journeys, journeyTotals, type Executor } from '@touchpoint/db';
import { and, desc, eq, ilike, ne, sql, type SQLWrapper } from 'drizzle-orm';

/** Whether archived journeys are listed: with the rest (the default, for API callers), left out, or alone. */
export const ARCHIVED_FILTERS = ['include', 'exclude', 'only'] as const;
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number];

/**
 * Where a page ends: the last row's `updated_at` as PostgreSQL prints it (microseconds kept, so the
 * keyset comparison is exact) and its id.
 */
export interface JourneyListPosition {
  updatedAt: string;
  id: string;
}

/** Which journeys a page holds: a name containing `q`, the archived filter, and after which position. */
export interface JourneyListFilter {
  q?: string | undefined;
  archived: ArchivedFilter;
  limit: number;
  after?: JourneyListPosition | undefined;
}

/** A text matched literally by `ILIKE`: its own `%`, `_` and `\\` are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * One page of journeys, most recently changed first, with the position of the next (null on the last).
 * Totals come from the `journey_totals` rollup (16 stripes per journey, summed), not from counting enrollments.
 */
export async function listJourneys(db: Executor, filter: JourneyListFilter) {
  const { after, q, archived, limit } = filter;
  // A journey's totals are spread over a few stripe rows (see journey_totals): summed per journey.
  const sumOf = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const rows = await db
    .select({
      journey: journeys,
      at: sql<string>`${journeys.updatedAt}::text`,
      totals: {
        enrolled: sumOf(journeyTotals.enrolled),
        active: sumOf(journeyTotals.active),
        converted: sumOf(journeyTotals.converted),
        failed: sumOf(journeyTotals.failed),
      },
    })
    .from(journeys)
    .leftJoin(journeyTotals, eq(journeyTotals.journeyId, journeys.id))
    .where(
      and(
        after === undefined
          ? undefined
          : sql`(${journeys.updatedAt}, ${journeys.id}) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)`,
        q === undefined ? undefined : ilike(journeys.name, `%${escapeLike(q)}%`),
        archived === 'exclude' ? ne(journeys.status, 'archived') : undefined,
        archived === 'only' ? eq(journeys.status, 'archived') : undefined,
      ),
    )
    .groupBy(journeys.id)
    .orderBy(desc(journeys.updatedAt), desc(journeys.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: JourneyListPosition | null =
    rows.length > limit && last ? { updatedAt: last.at, id: last.journey.id } : null;
  return { items: page.map((row) => ({ ...row.journey, totals: row.totals })), next };
}
