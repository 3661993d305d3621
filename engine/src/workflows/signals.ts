import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * A client event delivered to a running journey: a purchase, an open or click (carrying the
 * `messageId` / `nodeId` of the message it belongs to), a call outcome, a segment change. `eventId`
 * makes redelivery harmless: a journey ignores an id it has already seen.
 */
export interface ClientEvent {
  eventId: string;
  type: string;
  /** ISO 8601. */
  occurredAt: string;
  properties: Record<string, unknown>;
  messageId?: string;
  nodeId?: string;
}

/** The one signal that carries client events into journey workflows (router, API, call center). */
export const clientEventSignal = defineSignal<[ClientEvent]>('clientEvent');

/**
 * Several client events in one signal, oldest first. Senders that may deliver bursts (the router, the
 * mailbox sender in engine/src/temporal) use it: the server force-fails a workflow task once ~100
 * signals buffer during it, so one signal per event under a flood keeps the run from ever making
 * progress (or continuing as new). The workflow treats each event exactly as a `clientEventSignal`.
 */
export const clientEventsSignal = defineSignal<[{ events: ClientEvent[] }]>('clientEvents');

/**
 * Moves a client waiting on `fromNodeId` of version `fromVersion` onto `toNodeId` of `toVersion`
 * (sent by `migrateEnrollments`). The run ignores it unless it is still on that node of that version,
 * so a client that moved on meanwhile is left alone; otherwise it continues as new on the new
 * definition, its wait still measured from when it first arrived.
 */
export interface MigrationRequest {
  fromVersion: number;
  toVersion: number;
  fromNodeId: string;
  toNodeId: string;
  /** The new version's definition snapshot. */
  definition: unknown;
}

export const migrateEnrollmentSignal = defineSignal<[MigrationRequest]>('migrateEnrollment');

/** Ends an enrollment early with a reason (an operator, a migration, the client's deletion). */
export const exitEnrollmentSignal = defineSignal<[{ reason: string }]>('exitEnrollment');

/** The node the client is on now (null before the first node and after the end). */
export const getCurrentNodeQuery = defineQuery<string | null>('getCurrentNode');

/** How many distinct client events this enrollment has accepted (all runs; redeliveries not counted). */
export const getEventCountQuery = defineQuery<number>('getEventCount');

/** Node ids the client has passed, oldest first (the last 500, carried through continue-as-new). */
export const getPathQuery = defineQuery<string[]>('getPath');
