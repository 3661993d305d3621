import { and, gte, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { events } from '@touchpoint/db';
import { SEGMENT_TRANSITION_TYPES } from './segment-events';

/** The families whose segments a client is in one at a time, so a change is a move from → to. */
export const TRANSITION_FAMILIES = ['rfm', 'lifecycle'] as const;
export type TransitionFamily = (typeof TRANSITION_FAMILIES)[number];

/** Moves from one cell (or stage) to another; null `from`: the client had none before; null `to`: none after. */
export interface SegmentMove {
  from: string | null;
  to: string | null;
  moves: number;
  clients: number;
}

/**
 * The from → to matrix of a family in `[from, to)`, from the stored transition events. A move is
 * counted once: by its `segment.entered` event (which carries where the client came from, null for a
 * first cell), and a client leaving the family altogether by its `segment.left` with no `to`.
 */
export async function readSegmentTransitions(
  db: Executor,
  family: TransitionFamily,
  period: { from: Date; to: Date },
): Promise<SegmentMove[]> {
  const fromKey = sql<string | null>`${events.properties} ->> 'from'`;
  const toKey = sql<string | null>`${events.properties} ->> 'to'`;
  const rows = await db
    .select({
      from: fromKey,
      to: toKey,
      moves: sql<number>`count(*)::int`,
      clients: sql<number>`count(distinct ${events.clientId})::int`,
    })
    .from(events)
    .where(
      and(
        or(
          sql`${events.type} = ${SEGMENT_TRANSITION_TYPES.entered}`,
          sql`${events.type} = ${SEGMENT_TRANSITION_TYPES.left} and ${toKey} is null`,
        ),
        sql`${events.properties} ->> 'family' = ${family}`,
        gte(events.occurredAt, period.from),
        lt(events.occurredAt, period.to),
      ),
    )
    .groupBy(fromKey, toKey)
    .orderBy(fromKey, toKey);
  return rows;
}
