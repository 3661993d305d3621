import type { ActiveEnrollment, ClientEnrollmentState } from '@touchpoint/domain';
import type { EventRow } from '@touchpoint/db';
import { isCallOutcomeEventKey } from '@touchpoint/domain';
import { isWithinEntryWindow, matchesEvent, mayEnterAgain } from '@touchpoint/language';
import { journeyWorkflowId } from '../temporal/workflow-ids';
import type { ClientEvent } from '../workflows/signals';
import type { RoutableJourney } from './journey-index';

/** Starts the client's run of `journey` (signal-with-start) with `events`, the first one its entry. */
export interface StartDelivery {
  kind: 'start';
  workflowId: string;
  journey: RoutableJourney;
  clientId: string;
  /** Set for concurrent journeys: the entry event's id keys the enrollment. */
  enrollmentKey: string | null;
  events: ClientEvent[];
}

/** Signals `events` (oldest first) to a running enrollment. */
export interface SignalDelivery {
  kind: 'signal';
  workflowId: string;
  events: ClientEvent[];
}

export type Delivery = StartDelivery | SignalDelivery;

/** One routing pass's work: what to ask Temporal, and which events each ask carries. */
export interface DeliveryPlan {
  deliveries: Delivery[];
}

/**
 * The event as journeys see it (`eventId` is the stored id, so redelivery is recognised). A call
 * outcome keeps its task's key: the call-tasks API also signals it straight to the step waiting on
 * the call under that id, so a run that gets it both ways sees one event.
 */
export function toClientEvent(event: EventRow): ClientEvent {
  return {
    eventId: isCallOutcomeEventKey(event.idempotencyKey) ? event.idempotencyKey : String(event.id),
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    properties: event.properties,
    ...(event.messageId !== null ? { messageId: event.messageId } : {}),
    ...(event.nodeId !== null ? { nodeId: event.nodeId } : {}),
  };
}

interface ClientPass {
  clientId: string;
  events: ClientEvent[];
  active: ActiveEnrollment[];
  everEnrolled: ReadonlySet<string>;
}

/**
 * Entry into one journey for one client's events of a pass. Only an event the re-entry rule lets in
 * costs a Temporal call: a client already inside (or done with a `once` journey) gets further entry
 * events only as ordinary events its run waits for. A new run gets its entry event first and then,
 * in the same signal-with-start, the pass's later events it waits for.
 */
function planEntry(pass: ClientPass, journey: RoutableJourney, now: number): StartDelivery[] {
  const entry = journey.entry;
  if (entry === null || !isWithinEntryWindow(journey.definition.settings, now)) return [];
  const isConcurrent = journey.reentry === 'concurrent';
  const starts: StartDelivery[] = [];
  pass.events.forEach((event, index) => {
    if (!matchesEvent(entry, event)) return;
    const history = {
      isInside: starts.length > 0 || pass.active.some((run) => run.journeyId === journey.journeyId),
      hasEnteredBefore: pass.everEnrolled.has(`${pass.clientId}:${journey.journeyId}`),
    };
    if (!mayEnterAgain(journey.reentry, history)) return;
    const later = pass.events
      .slice(index + 1)
      .filter(
        (next) => journey.awaitedEventTypes.has(next.type) && !(isConcurrent && matchesEvent(entry, next)),
      );
    const enrollmentKey = isConcurrent ? event.eventId : null;
    starts.push({
      kind: 'start',
      workflowId: journeyWorkflowId(journey.journeyId, pass.clientId, enrollmentKey),
      journey,
      clientId: pass.clientId,
      enrollmentKey,
      events: [event, ...later],
    });
  });
  return starts;
}

/**
 * Events for the client's running enrollments: only the types their version waits for (an
 * enrollment on a version no longer routable — paused, superseded — gets them all, to be safe), and
 * never the event that just started another run of the same journey.
 */
function planSignals(
  pass: ClientPass,
  versions: ReadonlyMap<string, RoutableJourney>,
  entering: ReadonlyMap<string, ReadonlySet<string>>,
): SignalDelivery[] {
  return pass.active.flatMap((run) => {
    const journey = versions.get(`${run.journeyId}:${run.journeyVersion}`);
    const enteredHere = entering.get(run.journeyId);
    const events = pass.events.filter(
      (event) =>
        (journey === undefined || journey.awaitedEventTypes.has(event.type)) &&
        !enteredHere?.has(event.eventId),
    );
    return events.length === 0 ? [] : [{ kind: 'signal' as const, workflowId: run.workflowId, events }];
  });
}

/**
 * Decides, for a pass's events (oldest first), every call to Temporal: one signal-with-start per run
 * that begins, one batched signal per running enrollment. Pure: the stored enrollment state and the
 * journeys come in, the calls go out.
 */
export function planDeliveries(
  batch: readonly EventRow[],
  journeys: readonly RoutableJourney[],
  state: ClientEnrollmentState,
  now: number,
): DeliveryPlan {
  const byClient = new Map<string, ClientEvent[]>();
  for (const row of batch) {
    const list = byClient.get(row.clientId) ?? [];
    list.push(toClientEvent(row));
    byClient.set(row.clientId, list);
  }
  const versions = new Map(journeys.map((j) => [`${j.journeyId}:${j.version}`, j]));
  const deliveries: Delivery[] = [];
  for (const [clientId, events] of byClient) {
    const active = state.active.filter((run) => run.clientId === clientId);
    const pass: ClientPass = { clientId, events, active, everEnrolled: state.everEnrolled };
    const entering = new Map<string, Set<string>>();
    for (const journey of journeys) {
      const starts = planEntry(pass, journey, now);
      if (starts.length === 0) continue;
      entering.set(journey.journeyId, new Set(starts.map((start) => start.events[0]!.eventId)));
      deliveries.push(...starts);
    }
    deliveries.push(...planSignals(pass, versions, entering));
  }
  return { deliveries };
}
