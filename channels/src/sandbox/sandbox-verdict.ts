/** How a sandbox answers one recipient: accept, refuse for good, or fail transiently. */
export const SANDBOX_VERDICTS = ['accept', 'reject', 'tempfail'] as const;
export type SandboxVerdict = (typeof SANDBOX_VERDICTS)[number];

/** Decides per recipient (email address or E.164 number). */
export type SandboxVerdictFn = (recipient: string) => SandboxVerdict;

/**
 * The demo's and tests' default, by recipient: `bounce…@` addresses and numbers ending in 0000
 * hard-fail; `tempfail…@` addresses and numbers ending in 9999 fail transiently; the rest arrive.
 */
export function decideByRecipient(recipient: string): SandboxVerdict {
  const value = recipient.toLowerCase();
  if (/^bounce[^@]*@/.test(value) || /0000$/.test(value)) return 'reject';
  if (/^tempfail[^@]*@/.test(value) || /9999$/.test(value)) return 'tempfail';
  return 'accept';
}

/**
 * What becomes of an SMS the sandbox provider accepted, told by the delivery receipt it posts later:
 * `delivered`; `unreachable` (handset off or out of coverage: a transient failure); `unknownNumber`
 * (no such subscriber: a permanent failure that flags the number).
 */
export const SANDBOX_DELIVERY_OUTCOMES = ['delivered', 'unreachable', 'unknownNumber'] as const;
export type SandboxDeliveryOutcome = (typeof SANDBOX_DELIVERY_OUTCOMES)[number];

/** Decides the receipt per accepted E.164 number. */
export type SandboxDeliveryFn = (recipient: string) => SandboxDeliveryOutcome;

/**
 * The default, by number: accepted numbers ending in 0404 are unknown to the network, those ending
 * in 0408 are unreachable, the rest are delivered. (Numbers ending in 0000 or 9999 are refused at
 * send time by `decideByRecipient` and never get a receipt, as with the real providers.)
 */
export function decideDeliveryByRecipient(recipient: string): SandboxDeliveryOutcome {
  if (/0404$/.test(recipient)) return 'unknownNumber';
  if (/0408$/.test(recipient)) return 'unreachable';
  return 'delivered';
}
