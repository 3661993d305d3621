import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/workflow';

/**
 * Finishes a run that failed for good as `failed` (status, failure type and message) instead of
 * leaving its enrollment `active`. Runs whose history predates the patch end as they did.
 */
export const FAILED_ENROLLMENT_PATCH = 'failed-enrollment';

/** Longest failure message kept on the enrollment: enough for a render error, bounded for the row. */
const MESSAGE_LIMIT = 500;

/** What ended a run for good, as the enrollment and the timeline show it. */
export interface RunFailure {
  type: string;
  message: string;
}

/**
 * The failure that fails this workflow execution, or null when the error is not one: a plain error
 * (a bug in workflow code) fails only the workflow task, which Temporal retries until fixed code is
 * deployed, so the enrollment must stay open for it. An activity's failure is described by its cause
 * (`TemplateNotFound: …`), not by the wrapper ("Activity task failed").
 */
export function describeRunFailure(error: unknown): RunFailure | null {
  if (!(error instanceof TemporalFailure)) return null;
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  const type = cause instanceof ApplicationFailure && cause.type ? cause.type : cause.name;
  return { type, message: cause.message.slice(0, MESSAGE_LIMIT) };
}

/** The enrollment's exit reason for a failure: type first, so it reads and groups by kind. */
export function failureReason(failure: RunFailure): string {
  return `${failure.type}: ${failure.message}`;
}
