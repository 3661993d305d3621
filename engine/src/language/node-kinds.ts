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

/** Called at the end of every switch over a closed set, so a new member fails to compile until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
