import { heartbeat } from '@temporalio/activity';
import { and, asc, clients, gt, or, sql } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type {
  EnrollAudienceInput,
  EnrollAudienceResult,
  StartJourneyInput,
  StartJourneyResult,
} from './journey-activity-contract';

const PAGE_SIZE = 500;

/**
 * Members of a segment, by the same rule as `segmentsOf` in client-context.ts: listed in the
 * `segments` attribute, or equal to the `rfmCell` / `lifecycleStage` attribute.
 */
function isMemberOf(segment: string) {
  return or(
    sql`${clients.attributes} -> 'segments' ? ${segment}`,
    sql`${clients.attributes} ->> 'rfmCell' = ${segment}`,
    sql`${clients.attributes} ->> 'lifecycleStage' = ${segment}`,
  );
}

async function loadMemberPage(db: Database, segment: string, after: string | null): Promise<string[]> {
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(after === null ? isMemberOf(segment) : and(isMemberOf(segment), gt(clients.id, after)))
    .orderBy(asc(clients.id))
    .limit(PAGE_SIZE);
  return rows.map((row) => row.id);
}

/**
 * Enrolls every member of a segment in a journey (one run of its schedule entry), page by page,
 * heartbeating so a long audience is not mistaken for a stuck activity. Re-entry policy decides who
 * may enter again; a retried run re-enrolls no one (starts are idempotent on `runKey`).
 */
export async function enrollAudience(
  db: Database,
  startJourney: (input: StartJourneyInput) => Promise<StartJourneyResult>,
  input: EnrollAudienceInput,
): Promise<EnrollAudienceResult> {
  const result: EnrollAudienceResult = { members: 0, started: 0, alreadyRunning: 0, notStarted: 0 };
  let after: string | null = null;
  for (;;) {
    const page = await loadMemberPage(db, input.segment, after);
    if (page.length === 0) return result;
    for (const clientId of page) {
      const outcome = await startJourney({
        journeyId: input.journeyId,
        clientId,
        enrollmentKey: input.runKey,
        source: 'segment',
      });
      result.members += 1;
      result[outcome.status] += 1;
    }
    after = page.at(-1) ?? null;
    heartbeat(result);
  }
}
