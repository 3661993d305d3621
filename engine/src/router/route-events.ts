import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import {
  claimUnroutedEvents,
  loadClientEnrollmentState,
  markEventsRouted,
  releaseEventClaims,
} from '@touchpoint/domain';
import type { ChannelKind } from '@touchpoint/language';
import { enrollOnEvents, mapWithLimit, signalClientEvents } from '../temporal';
import { loadRoutableJourneys } from './journey-index';
import { planDeliveries } from './plan-deliveries';
import type { Delivery } from './plan-deliveries';

/** What the router needs: the database, a Temporal client and the journeys' task queue. */
export interface EventRouterDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Per-channel activity queues for sends (each with its own rate limit); the journey queue when absent. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** Clock for entry windows (tests pin it). */
  now?: () => number;
  /** Temporal calls in flight at once per pass (default 16); calls to one workflow stay in order. */
  concurrency?: number;
  /**
   * How long a pass owns the events it claimed (default 60 s). A pass that dies (killed process)
   * holds them that long; then the sweep of any process routes them again.
   */
  claimLeaseMs?: number;
}

/** Counts of one routing pass. */
export interface RoutingReport {
  routed: number;
  enrollmentsStarted: number;
  /** Events delivered to running enrollments (batched, up to 100 per signal). */
  signalsSent: number;
}

const DEFAULT_CONCURRENCY = 16;
const DEFAULT_CLAIM_LEASE_MS = 60_000;

/** Runs `work`; an enrollment that re-entry forbids, or that ended meanwhile, means "nothing to deliver". */
async function ignoreFinished(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError || error instanceof WorkflowNotFoundError)
      return false;
    throw error;
  }
}

function deliver(deps: EventRouterDeps, delivery: Delivery, report: RoutingReport): Promise<void> {
  if (delivery.kind === 'signal') {
    return ignoreFinished(() => signalClientEvents(deps.temporal, delivery.workflowId, delivery.events)).then(
      (isDelivered) => void (isDelivered && (report.signalsSent += delivery.events.length)),
    );
  }
  const { journey } = delivery;
  const input = {
    journeyId: journey.journeyId,
    journeyVersion: journey.version,
    clientId: delivery.clientId,
    definition: journey.definition,
    reentry: journey.reentry,
    enrollmentKey: delivery.enrollmentKey,
    source: 'event' as const,
    taskQueue: deps.taskQueue,
    ...(deps.sendTaskQueues ? { sendTaskQueues: deps.sendTaskQueues } : {}),
  };
  return ignoreFinished(() => enrollOnEvents(deps.temporal, input, delivery.events)).then(
    (isStarted) => void (isStarted && (report.enrollmentsStarted += 1)),
  );
}

/**
 * Runs a plan: calls to different workflows in parallel (at most `concurrency`), calls to one
 * workflow one after another so its events keep their order. Returns the ids of events whose
 * deliveries did not all succeed, and the first error.
 */
async function runDeliveries(
  deps: EventRouterDeps,
  deliveries: readonly Delivery[],
  report: RoutingReport,
): Promise<{ failedIds: Set<string>; firstError: unknown }> {
  const byWorkflow = new Map<string, Delivery[]>();
  for (const delivery of deliveries) {
    byWorkflow.set(delivery.workflowId, [...(byWorkflow.get(delivery.workflowId) ?? []), delivery]);
  }
  const failedIds = new Set<string>();
  let firstError: unknown = null;
  await mapWithLimit([...byWorkflow.values()], deps.concurrency ?? DEFAULT_CONCURRENCY, async (queue) => {
    for (const [index, delivery] of queue.entries()) {
      try {
        await deliver(deps, delivery, report);
      } catch (error) {
        firstError ??= error;
        // Later calls to this workflow wait for the sweep too, so they never overtake the failed one.
        for (const failed of queue.slice(index)) failed.events.forEach((e) => failedIds.add(e.eventId));
        return;
      }
    }
  });
  return { failedIds, firstError };
}

/**
 * One routing pass. It claims unrouted events with a short lease (one statement, no transaction
 * kept open), reads the clients' enrollments, plans the calls (entry only where the re-entry rule
 * lets a client in; one batched signal per running enrollment), makes them with bounded
 * concurrency, and only then marks the delivered events `routed_at`. A pass that dies midway leaves
 * its events unrouted; once the lease lapses the sweep delivers them again, which workflows ignore
 * by event id (an entry already made is found in the stored enrollments, or Temporal refuses it).
 * Events whose delivery failed are given back at once and the first error is thrown.
 */
async function routePass(deps: EventRouterDeps, ids: number[] | null, limit: number): Promise<RoutingReport> {
  const report: RoutingReport = { routed: 0, enrollmentsStarted: 0, signalsSent: 0 };
  const journeys = await loadRoutableJourneys(deps.db);
  const leaseMs = deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  const batch = await claimUnroutedEvents(deps.db, { ids, limit, leaseMs });
  if (batch.length === 0) return report;
  const onceJourneys = journeys.filter((j) => j.reentry === 'once').map((j) => j.journeyId);
  const state = await loadClientEnrollmentState(
    deps.db,
    [...new Set(batch.map((e) => e.clientId))],
    onceJourneys,
  );
  const plan = planDeliveries(batch, journeys, state, deps.now?.() ?? Date.now());
  const { failedIds, firstError } = await runDeliveries(deps, plan.deliveries, report);
  const delivered = batch.filter((event) => !failedIds.has(String(event.id))).map((event) => event.id);
  await markEventsRouted(deps.db, delivered);
  await releaseEventClaims(
    deps.db,
    batch.filter((event) => failedIds.has(String(event.id))).map((event) => event.id),
  );
  report.routed = delivered.length;
  if (firstError !== null) throw firstError;
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
    routeEvents: (ids) => routePass(deps, [...ids], Math.max(ids.length, 1)),
    sweepUnroutedEvents: (limit = 500) => routePass(deps, null, limit),
  };
}
