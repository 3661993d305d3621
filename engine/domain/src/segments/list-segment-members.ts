import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { segmentCounts, segmentMemberships } from '@touchpoint/db';
import type { SegmentMemberSample } from './estimate-segment';

/** A page of a segment's current members by external id, after `cursor` (an external id). */
export async function listSegmentMembers(
  db: Executor,
  segmentId: string,
  { limit, cursor }: { limit: number; cursor: string | null },
): Promise<{ items: (SegmentMemberSample & { since: string })[]; nextCursor: string | null }> {
  const rows = await db
    .select({
      clientId: clients.externalId,
      email: clients.email,
      phone: clients.phone,
      since: segmentMemberships.changedAt,
    })
    .from(segmentMemberships)
    .innerJoin(clients, eq(clients.id, segmentMemberships.clientId))
    .where(
      and(
        eq(segmentMemberships.segmentId, segmentId),
        eq(segmentMemberships.isMember, true),
        cursor === null ? undefined : gt(clients.externalId, cursor),
      ),
    )
    .orderBy(asc(clients.externalId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({ ...row, since: row.since.toISOString() })),
    nextCursor: rows.length > limit ? (page.at(-1)?.clientId ?? null) : null,
  };
}

/** The segment's member count at the end of each day's full recompute, oldest first. */
export async function countSegmentHistory(
  db: Executor,
  segmentId: string,
): Promise<{ day: string; members: number }[]> {
  return db
    .select({ day: segmentCounts.day, members: segmentCounts.members })
    .from(segmentCounts)
    .where(eq(segmentCounts.segmentId, segmentId))
    .orderBy(asc(segmentCounts.day));
}
