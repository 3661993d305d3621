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
