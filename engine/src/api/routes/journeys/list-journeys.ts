import type { Database } from '@touchpoint/db';
import { ARCHIVED_FILTERS, listJourneys, type JourneyListPosition } from '@touchpoint/domain';
import { z } from 'zod';
import { invalidFieldError } from '../../api-error';

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

function decodeCursor(cursor: string): JourneyListPosition {
  const parts = CursorParts.safeParse(Buffer.from(cursor, 'base64url').toString('utf8').split('|'));
  if (!parts.success || encodeCursor(...parts.data) !== cursor) {
    throw invalidFieldError('querystring.cursor', 'not a cursor this API returned');
  }
  const [updatedAt, id] = parts.data;
  return { updatedAt, id };
}

/** What the journey list shows per journey, all versions: clients in, converted, failed runs, inside now. */
export const JourneyListTotals = z.object({
  enrolled: z.number().int().describe('clients who entered, all versions'),
  active: z.number().int().describe('of them, still inside'),
  converted: z.number().int().describe('of them, reached the goal'),
  failed: z.number().int().describe('of them, whose run failed for good'),
});
export type JourneyListTotals = z.infer<typeof JourneyListTotals>;

/**
 * `GET /v1/journeys`: one page of journeys, most recently changed first, and the cursor of the next
 * (null on the last); the page itself is the domain's `listJourneys`.
 */
export async function listJourneyPage(db: Database, query: ListJourneysQuery) {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const { items, next } = await listJourneys(db, { ...query, after });
  return { items, nextCursor: next === null ? null : encodeCursor(next.updatedAt, next.id) };
}
