import type { Database, JourneyRow, SQLWrapper } from '@touchpoint/db';
import { and, desc, eq, ilike, journeys, journeyTotals, ne, sql } from '@touchpoint/db';
import { z } from 'zod';
import { ApiError } from '../../api-error';

/** Whether archived journeys are listed: with the rest (the default, for API callers), left out, or alone. */
export const ARCHIVED_FILTERS = ['include', 'exclude', 'only'] as const;

/** `GET /v1/journeys?limit=&cursor=&q=&archived=`: newest change first, a page at a time. */
export const ListJourneysQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('only journeys whose name contains this text, whatever the case (1–200 characters)'),
  archived: z
    .enum(ARCHIVED_FILTERS)
    .default('include')
    .describe(
      'archived journeys: `include` (default) lists them too, `exclude` leaves them out, `only` lists just them',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .describe('journeys per page (1–200, default 50)'),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
});
export type ListJourneysQuery = z.infer<typeof ListJourneysQuery>;

// Opaque to callers: the last row's `updated_at` (as PostgreSQL prints it, microseconds kept, so the
// keyset comparison is exact) and id, base64url-encoded.
const CursorParts = z.tuple([z.string().regex(/^\d{4}-\d\d-\d\d [\d:.]+[+-]\d\d(:\d\d)?$/), z.uuid()]);
const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const parts = CursorParts.safeParse(Buffer.from(cursor, 'base64url').toString('utf8').split('|'));
  if (!parts.success || encodeCursor(...parts.data) !== cursor) {
    const message = 'not a cursor this API returned';
    throw new ApiError('validation_failed', `querystring.cursor: ${message}`, {
      issues: [{ path: 'querystring.cursor', message, code: 'custom' }],
    });
  }
  return parts.data;
}

/** A text matched literally by `ILIKE`: its own `%`, `_` and `\\` are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** What the journey list shows per journey, all versions: clients in, converted, failed runs, inside now. */
export const JourneyListTotals = z.object({
  enrolled: z.number().int().describe('clients who entered, all versions'),
  active: z.number().int().describe('of them, still inside'),
  converted: z.number().int().describe('of them, reached the goal'),
  failed: z.number().int().describe('of them, whose run failed for good'),
});
export type JourneyListTotals = z.infer<typeof JourneyListTotals>;

/** A journey of the list with its totals. */
export type JourneyListItem = JourneyRow & { totals: JourneyListTotals };

/**
 * One page of journeys, most recently changed first, and the cursor of the next (null on the last).
 * Totals come from the `journey_totals` rollup (16 stripes per journey, summed), not from counting enrollments.
 */
export async function listJourneys(
  db: Database,
  query: ListJourneysQuery,
): Promise<{ items: JourneyListItem[]; nextCursor: string | null }> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
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
          : sql`(${journeys.updatedAt}, ${journeys.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
        query.q === undefined ? undefined : ilike(journeys.name, `%${escapeLike(query.q)}%`),
        query.archived === 'exclude' ? ne(journeys.status, 'archived') : undefined,
        query.archived === 'only' ? eq(journeys.status, 'archived') : undefined,
      ),
    )
    .groupBy(journeys.id)
    .orderBy(desc(journeys.updatedAt), desc(journeys.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.at, last.journey.id) : null;
  return { items: page.map((row) => ({ ...row.journey, totals: row.totals })), nextCursor };
}
