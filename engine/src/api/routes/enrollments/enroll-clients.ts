import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Database, EnrollmentSource } from '@touchpoint/db';
import { and, clients, eq, inArray, journeyVersions } from '@touchpoint/db';
import { JourneyDefinition } from '../../../language';
import { enrollClient, journeyWorkflowId } from '../../../temporal';
import { ApiError } from '../../api-error';
import { loadJourney } from '../journeys/load-journey';

/** The journey version new enrollments go to: the current published one of an active journey. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
}

/** What enrolling needs besides the database. */
export interface EnrollDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
}

/** How one client's enrollment ended. */
export const ENROLL_OUTCOMES = ['enrolled', 'alreadyEnrolled', 'unknownClient'] as const;
export type EnrollOutcome = (typeof ENROLL_OUTCOMES)[number];

/** The journey's current version, or 404 / 409 saying why clients cannot enter it now. */
export async function loadPublishedVersion(db: Database, journeyId: string): Promise<PublishedVersion> {
  const journey = await loadJourney(db, journeyId);
  if (journey.currentVersion === null) throw new ApiError('conflict', 'the journey has no published version');
  if (journey.status !== 'active')
    throw new ApiError('conflict', `the journey is ${journey.status}, not active`);
  const [row] = await db
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, journey.currentVersion)));
  if (row === undefined) throw new ApiError('not_found', `version ${journey.currentVersion} is missing`);
  return { journeyId, version: row.number, definition: JourneyDefinition.parse(row.definition) };
}

/** Internal ids of the given external ids; unknown ones are absent from the map. */
export async function resolveClients(
  db: Database,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: clients.id, externalId: clients.externalId })
    .from(clients)
    .where(inArray(clients.externalId, [...new Set(externalIds)]));
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

/**
 * Starts one client's workflow. `enrollmentKey` only matters for journeys allowing concurrent runs
 * (one key per upload or request, so a retried upload row is not a second run).
 */
export async function enrollOne(
  deps: EnrollDeps,
  target: PublishedVersion,
  clientId: string,
  options: { source: EnrollmentSource; enrollmentKey: string },
): Promise<{ outcome: EnrollOutcome; workflowId: string }> {
  const reentry = target.definition.settings.reentry;
  const key = reentry === 'concurrent' ? options.enrollmentKey : null;
  const workflowId = journeyWorkflowId(target.journeyId, clientId, key);
  try {
    await enrollClient(deps.temporal, {
      journeyId: target.journeyId,
      journeyVersion: target.version,
      clientId,
      definition: target.definition,
      reentry,
      enrollmentKey: key,
      source: options.source,
      taskQueue: deps.taskQueue,
    });
    return { outcome: 'enrolled', workflowId };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { outcome: 'alreadyEnrolled', workflowId };
    throw error;
  }
}

/** Runs `work` over `items` with at most `limit` in flight, keeping input order in the results. */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
