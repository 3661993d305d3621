import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '@touchpoint/db';
import { enrollments, events } from '@touchpoint/db';
import type { EventRow } from '@touchpoint/db';

/** Which unrouted events a routing pass asks for. */
export interface ClaimEventsRequest {
  /** Just-stored events to route (immediate routing), or null for the oldest unrouted ones (the sweep). */
  ids: readonly number[] | null;
  limit: number;
  /** How long the pass may take before another pass may take its events over. */
  leaseMs: number;
}

/**
 * Claims up to `limit` unrouted events for one routing pass, oldest first, in one short statement:
 * rows nobody claims (or whose claim has lapsed because its pass died) get `routing_claimed_until`
 * set and are returned. `skip locked` lets two passes claim side by side; the lease — not a
 * transaction held open across Temporal calls — keeps them from routing the same rows at once.
 */
export async function claimUnroutedEvents(db: Database, request: ClaimEventsRequest): Promise<EventRow[]> {
  const claimable = and(
    isNull(events.routedAt),
    or(isNull(events.routingClaimedUntil), lt(events.routingClaimedUntil, sql`now()`)),
    request.ids === null ? undefined : inArray(events.id, [...request.ids]),
  );
  const candidates = db
    .select({ id: events.id })
    .from(events)
    .where(claimable)
    .orderBy(asc(events.id))
    .limit(request.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(events)
    .set({ routingClaimedUntil: sql`now() + ${`${request.leaseMs} milliseconds`}::interval` })
    .where(inArray(events.id, candidates))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/** Marks events delivered to every journey that wanted them; the sweep never routes them again. */
export async function markEventsRouted(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(events)
    .set({ routedAt: sql`now()`, routingClaimedUntil: null })
    .where(inArray(events.id, [...ids]));
}

/** Gives claimed events back (their delivery failed): the next sweep retries them. */
export async function releaseEventClaims(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(events)
    .set({ routingClaimedUntil: null })
    .where(and(inArray(events.id, [...ids]), isNull(events.routedAt)));
}

/** A client's run that is still going, as the router needs it. */
export interface ActiveEnrollment {
  clientId: string;
  journeyId: string;
  journeyVersion: number;
  workflowId: string;
}

/** What the router knows of the given clients' enrollments, to decide who may (re-)enter. */
export interface ClientEnrollmentState {
  active: ActiveEnrollment[];
  /** `clientId:journeyId` of every enrollment that exists at all (for journeys a client enters once). */
  everEnrolled: Set<string>;
}

/** Loads the enrollments of `clientIds` in `journeyIds` (active ones in any journey, for signals). */
export async function loadClientEnrollmentState(
  db: Executor,
  clientIds: readonly string[],
  onceJourneyIds: readonly string[],
): Promise<ClientEnrollmentState> {
  if (clientIds.length === 0) return { active: [], everEnrolled: new Set() };
  const active = await db
    .select({
      clientId: enrollments.clientId,
      journeyId: enrollments.journeyId,
      journeyVersion: enrollments.journeyVersion,
      workflowId: enrollments.workflowId,
    })
    .from(enrollments)
    .where(and(inArray(enrollments.clientId, [...clientIds]), eq(enrollments.status, 'active')));
  const ever =
    onceJourneyIds.length === 0
      ? []
      : await db
          .selectDistinct({ clientId: enrollments.clientId, journeyId: enrollments.journeyId })
          .from(enrollments)
          .where(
            and(
              inArray(enrollments.clientId, [...clientIds]),
              inArray(enrollments.journeyId, [...onceJourneyIds]),
            ),
          );
  return { active, everEnrolled: new Set(ever.map((row) => `${row.clientId}:${row.journeyId}`)) };
}
