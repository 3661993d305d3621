/**
 * Idempotency keys of the events Touchpoint records itself share the `events` key space with the keys
 * integrations send. Each internal producer owns one prefix below, and client keys that start with one
 * are refused at the API, so no client key can ever make a real order or a click look like a duplicate.
 * Reserving the prefixes the stored keys already use (rather than renaming them) needs no migration and
 * keeps a purchase retried across an upgrade a duplicate, as it must be.
 */
export const INTERNAL_EVENT_KEY_PREFIXES = {
  /** `purchase:<order id>`: the event every stored purchase records. */
  purchase: 'purchase:',
  /** `tracking:<action>:<message id>[:<link>]`: opens, clicks and unsubscribes from sent mail. */
  tracking: 'tracking:',
  /** `call:<task id>`: the outcome an operator recorded on a call task (`call.<outcome>`). */
  call: 'call:',
  /** `segment:<segment id>:<client id>:<entry n>:<entered|left>`: segment transitions (engine/domain/src/segments). */
  segment: 'segment:',
} as const;

/** Whether a key lies in a namespace Touchpoint keeps for its own events. */
export function isInternalEventKey(key: string): boolean {
  return Object.values(INTERNAL_EVENT_KEY_PREFIXES).some((prefix) => key.startsWith(prefix));
}

/** The key of the `call.<outcome>` event recorded when a call task is completed: one per task. */
export function callOutcomeEventKey(taskId: string): string {
  return `${INTERNAL_EVENT_KEY_PREFIXES.call}${taskId}`;
}

/** Whether a stored event is a call task's outcome (its key is the task's, see {@link callOutcomeEventKey}). */
export function isCallOutcomeEventKey(key: string): boolean {
  return key.startsWith(INTERNAL_EVENT_KEY_PREFIXES.call);
}

/** The key of the `purchase` event recorded for an order. */
export function purchaseEventKey(orderKey: string): string {
  return `${INTERNAL_EVENT_KEY_PREFIXES.purchase}${orderKey}`;
}
