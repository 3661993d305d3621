import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Database, EventRow, Executor } from '@touchpoint/db';
import { and, asc, enrollments, eq, events, inArray, isNull, sql } from '@touchpoint/db';
import { isWithinEntryWindow, matchesEvent, type ChannelKind } from '../language';
import { enrollOnEvent, signalClientEvents } from '../temporal';
import type { ClientEvent } from '../temporal';
import { loadRoutableJourneys } from './journey-index';
import type { RoutableJourney } from './journey-index';

/** What the router needs: the database, a Temporal client and the journeys' task queue. */
export interface EventRouterDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Per-channel activity queues for sends (each with its own rate limit); the journey queue when absent. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** Clock for entry windows (tests pin it). */
  now?: () => number;
}

/** Counts of one routing pass. */
export interface RoutingReport {
  routed: number;
  enrollmentsStarted: number;
  /** Events delivered to running enrollments (batched, up to 100 per signal). */
  signalsSent: number;
}

type ActiveEnrollment = { clientId: string; journeyId: string; journeyVersion: number; workflowId: string };

function toClientEvent(event: EventRow): ClientEvent {
  return {
    eventId: String(event.id),
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    properties: event.properties,
    ...(event.messageId !== null ? { messageId: event.messageId } : {}),
    ...(event.nodeId !== null ? { nodeId: event.nodeId } : {}),
  };
}

async function ignoreFinished(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    // Re-entry forbids a new run, or the enrollment ended meanwhile: both mean "nothing to deliver".
    if (error instanceof WorkflowExecutionAlreadyStartedError || error instanceof WorkflowNotFoundError)
      return false;
    throw error;
  }
}

async function routeOne(
  deps: EventRouterDeps,
  event: EventRow,
  journeys: readonly RoutableJourney[],
  active: readonly ActiveEnrollment[],
  report: RoutingReport,
  outbox: Map<string, ClientEvent[]>,
): Promise<void> {
  const clientEvent = toClientEvent(event);
  const now = deps.now?.() ?? Date.now();
  const entered = new Set<string>();
  for (const journey of journeys) {
    if (journey.entry === null || !matchesEvent(journey.entry, clientEvent)) continue;
    if (!isWithinEntryWindow(journey.definition.settings, now)) continue;
    entered.add(journey.journeyId);
    // Signal-with-start: also delivers the event to a run already in progress for this client.
    const input = {
      journeyId: journey.journeyId,
      journeyVersion: journey.version,
      clientId: event.clientId,
      definition: journey.definition,
      reentry: journey.reentry,
      source: 'event' as const,
      taskQueue: deps.taskQueue,
      ...(deps.sendTaskQueues ? { sendTaskQueues: deps.sendTaskQueues } : {}),
    };
    if (await ignoreFinished(enrollOnEvent(deps.temporal, input, clientEvent)))
      report.enrollmentsStarted += 1;
  }
  const versions = new Map(journeys.map((j) => [`${j.journeyId}:${j.version}`, j]));
  for (const enrollment of active) {
    if (enrollment.clientId !== event.clientId || entered.has(enrollment.journeyId)) continue;
    const journey = versions.get(`${enrollment.journeyId}:${enrollment.journeyVersion}`);
    // Enrollments on an older version still get events they may wait for; unknown versions get all.
    if (journey !== undefined && !journey.awaitedEventTypes.has(event.type)) continue;
    const queued = outbox.get(enrollment.workflowId) ?? [];
    queued.push(clientEvent);
    outbox.set(enrollment.workflowId, queued);
  }
}

/**
 * Delivers a pass's events to running enrollments, in order, up to 100 per signal: one client's burst
 * as one signal per event would make the server force-fail the workflow task (see
 * `signalClientEvents`).
 */
async function flushOutbox(
  deps: EventRouterDeps,
  outbox: Map<string, ClientEvent[]>,
  report: RoutingReport,
): Promise<void> {
  for (const [workflowId, queued] of outbox) {
    if (await ignoreFinished(signalClientEvents(deps.temporal, workflowId, queued))) {
      report.signalsSent += queued.length;
    }
  }
}

async function loadActiveEnrollments(db: Executor, clientIds: string[]): Promise<ActiveEnrollment[]> {
  if (clientIds.length === 0) return [];
  return db
    .select({
      clientId: enrollments.clientId,
      journeyId: enrollments.journeyId,
      journeyVersion: enrollments.journeyVersion,
      workflowId: enrollments.workflowId,
    })
    .from(enrollments)
    .where(and(inArray(enrollments.clientId, clientIds), eq(enrollments.status, 'active')));
}

/**
 * Routes unrouted events inside one transaction: rows are locked (`for update skip locked`, so a sweep
 * and an immediate pass never route the same row at once), delivered to Temporal, then marked with
 * `routed_at`. A crash before commit leaves them unrouted for the next sweep; a crash after delivery but
 * before commit re-delivers, which workflows ignore by event id.
 */
async function routeLocked(
  deps: EventRouterDeps,
  ids: number[] | null,
  limit: number,
): Promise<RoutingReport> {
  const report: RoutingReport = { routed: 0, enrollmentsStarted: 0, signalsSent: 0 };
  const journeys = await loadRoutableJourneys(deps.db);
  await deps.db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(events)
      .where(ids === null ? isNull(events.routedAt) : and(isNull(events.routedAt), inArray(events.id, ids)))
      .orderBy(asc(events.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (batch.length === 0) return;
    const active = await loadActiveEnrollments(tx, [...new Set(batch.map((e) => e.clientId))]);
    const outbox = new Map<string, ClientEvent[]>();
    for (const event of batch) await routeOne(deps, event, journeys, active, report, outbox);
    await flushOutbox(deps, outbox, report);
    await tx
      .update(events)
      .set({ routedAt: sql`now()` })
      .where(
        inArray(
          events.id,
          batch.map((e) => e.id),
        ),
      );
    report.routed = batch.length;
  });
  return report;
}

/** The router: immediate routing after ingestion plus the sweep that makes routing replayable. */
export interface EventRouter {
  /** Routes the given (just stored) events, skipping any already routed or being routed. */
  routeEvents(ids: readonly number[]): Promise<RoutingReport>;
  /** Routes up to `limit` of the oldest unrouted events; call until `routed` is 0 to drain. */
  sweepUnroutedEvents(limit?: number): Promise<RoutingReport>;
}

export function createEventRouter(deps: EventRouterDeps): EventRouter {
  return {
    routeEvents: (ids) => routeLocked(deps, [...ids], Math.max(ids.length, 1)),
    sweepUnroutedEvents: (limit = 500) => routeLocked(deps, null, limit),
  };
}
