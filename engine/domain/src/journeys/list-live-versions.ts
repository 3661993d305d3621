import { and, eq, isNotNull } from 'drizzle-orm';
import { journeys, type Executor } from '@touchpoint/db';
import type { VersionRef } from './load-version-definitions';

/** The current version of every active journey: what events are routed to and new clients enter. */
export async function listLiveVersions(db: Executor): Promise<VersionRef[]> {
  const rows = await db
    .select({ journeyId: journeys.id, version: journeys.currentVersion })
    .from(journeys)
    .where(and(eq(journeys.status, 'active'), isNotNull(journeys.currentVersion)));
  return rows.map((row) => ({ journeyId: row.journeyId, version: row.version ?? 0 }));
}
