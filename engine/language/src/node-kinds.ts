/**
 * Every node kind a journey can contain. The exact strings are a contract shared with the builder,
 * the API and stored definitions: never rename one, add new kinds at the end.
 */
export const NODE_KINDS = [
  'entry',
  'wait',
  'waitForEvent',
  'conditionSplit',
  'randomSplit',
  'send',
  'escalationLadder',
  'updateClient',
  'startJourney',
  'exit',
] as const;

/** One of {@link NODE_KINDS}. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Channels a message can go out through, in the order a send node tries them. */
export const CHANNEL_KINDS = ['email', 'sms', 'call', 'webhook'] as const;

/** One of {@link CHANNEL_KINDS}. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What a call-center operator records on a call task. The journey language's copy of the call
 * center's `CALL_OUTCOMES` (activities/src/call-center/call-task-contract.ts; the language imports
 * nothing of ours, a test keeps the two equal): a call step's outcome ports are named after them.
 */
export const CALL_OUTCOMES = [
  'reached',
  'noAnswer',
  'callBack',
  'meetingBooked',
  'booking',
  'refused',
] as const;

/** One of {@link CALL_OUTCOMES}. */
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Called at the end of every switch over a closed set, so a new member fails to compile until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
