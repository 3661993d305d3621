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

/** Ends an enrollment early with a reason (an operator, a migration, the client's deletion). */
export const exitEnrollmentSignal = defineSignal<[{ reason: string }]>('exitEnrollment');

/** The node the client is on now (null before the first node and after the end). */
export const getCurrentNodeQuery = defineQuery<string | null>('getCurrentNode');

/** Node ids the client has passed, oldest first (the last 500, carried through continue-as-new). */
export const getPathQuery = defineQuery<string[]>('getPath');
