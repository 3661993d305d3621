import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';

/**
 * Every failure type an activity reports to its workflow: the closed catalogue. A permanent one is a
 * non-retryable `ApplicationFailure` (the run fails for good: its enrollment ends `failed` with
 * `<type>: <message>`, see ARCHITECTURE.md "A run never fails silently"); a retryable one is retried
 * under the activity's retry policy. A plain `Error` means "transient, retry". The workflow's own
 * `InvalidJourney` (a plan that does not compile) is not an activity failure and lives in the workflow.
 */
export const ACTIVITY_FAILURES = {
  /** Permanent. The input breaks the activity's contract (a `ZodError`): a bug in the caller, retrying cannot fix it. */
  InvalidActivityInput: { isRetryable: false },
  /** Permanent. The client the activity is about does not exist (by internal or CRM id). */
  ClientNotFound: { isRetryable: false },
  /** Permanent. The send's template has no variant for the channel it goes out on. */
  TemplateNotFound: { isRetryable: false },
  /** Permanent. The template does not render for this client (a Liquid or MJML error); the message is `failed`. */
  TemplateRenderFailed: { isRetryable: false },
  /** Permanent. The send names an offer deleted since publishing. */
  OfferNotFound: { isRetryable: false },
  /** Permanent. The send's channel has no adapter on this deployment. */
  ChannelNotConfigured: { isRetryable: false },
  /** Permanent. A webhook or call-center URL points at a private or loopback address; the message is `failed`. */
  WebhookTargetBlocked: { isRetryable: false },
  /** Permanent. The worker was started without a journey starter, so `startJourney` / `enrollAudience` cannot run. */
  StartJourneyUnavailable: { isRetryable: false },
  /** Retryable. The provider answered "try later" (rate limit, deferral); retried after its `after`, if given. */
  TransientSendFailure: { isRetryable: true },
  /** Retryable. An interrupted attempt must be settled by asking the provider, which did not answer. */
  ProviderLookupFailed: { isRetryable: true },
  /** Retryable. Another attempt of the same visit holds its lease; retried once it has finished. */
  SendInProgress: { isRetryable: true },
  /** Retryable. The visit's lease was lost before the provider was called. */
  SendLeaseLost: { isRetryable: true },
} as const satisfies Record<string, { isRetryable: boolean }>;

/** One of {@link ACTIVITY_FAILURES}. */
export type ActivityFailureType = keyof typeof ACTIVITY_FAILURES;

/** The failure of `type`, retryable or not as the catalogue says. */
export function activityFailure(
  type: ActivityFailureType,
  message: string,
  options: { nextRetryDelay?: number | undefined } = {},
): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message,
    nonRetryable: !ACTIVITY_FAILURES[type].isRetryable,
    ...(options.nextRetryDelay === undefined ? {} : { nextRetryDelay: options.nextRetryDelay }),
  });
}

/**
 * Parses an activity's input with its schema; input that breaks the contract fails for good
 * (`InvalidActivityInput`) instead of being retried forever.
 */
export function parseActivityInput<T>(
  schema: { parse(input: unknown): T },
  input: unknown,
  activity: string,
): T {
  try {
    return schema.parse(input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw activityFailure('InvalidActivityInput', `${activity}: ${error.message}`);
  }
}
