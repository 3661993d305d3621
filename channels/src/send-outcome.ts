import { z } from 'zod';

/** The provider accepted the message; `providerId` is its id for later delivery receipts. */
export const SentOutcome = z.object({ kind: z.literal('sent'), providerId: z.string() });
/**
 * The provider refused for good (bad number, hard bounce, stop list): retrying cannot help,
 * the contact point should be flagged and the journey takes its unreachable exit.
 */
export const RejectedOutcome = z.object({
  kind: z.literal('rejected'),
  reason: z.string(),
  permanent: z.literal(true),
});
/**
 * A transient fault (timeout, 4xx greylisting, rate limit, 5xx): try again, not before `after`.
 * `answerLost` says the request may have reached the provider and only its answer went missing
 * (connection dropped or timed out mid-request): the provider may hold the message, so the outbox
 * asks it (or records the doubt) before sending again.
 */
export const RetryOutcome = z.object({
  kind: z.literal('retry'),
  reason: z.string(),
  after: z.iso.datetime({ offset: true }).optional(),
  answerLost: z.literal(true).optional(),
});

/** The result of one delivery attempt. Expected outcomes are values; adapters do not throw for them. */
export const SendOutcome = z.discriminatedUnion('kind', [SentOutcome, RejectedOutcome, RetryOutcome]);
export type SendOutcome = z.infer<typeof SendOutcome>;
export type SentOutcome = z.infer<typeof SentOutcome>;
export type RejectedOutcome = z.infer<typeof RejectedOutcome>;
export type RetryOutcome = z.infer<typeof RetryOutcome>;

/** A permanent refusal with its reason. */
export function rejectPermanently(reason: string): RejectedOutcome {
  return { kind: 'rejected', reason, permanent: true };
}

/** A transient fault; `afterMs` is a provider hint (Retry-After) when there is one. */
export function retryLater(reason: string, afterMs?: number, now: Date = new Date()): RetryOutcome {
  return afterMs === undefined
    ? { kind: 'retry', reason }
    : { kind: 'retry', reason, after: new Date(now.getTime() + afterMs).toISOString() };
}

/** The request may have been delivered, its answer was lost (see `RetryOutcome.answerLost`). */
export function answerLost(reason: string): RetryOutcome {
  return { kind: 'retry', reason, answerLost: true };
}
