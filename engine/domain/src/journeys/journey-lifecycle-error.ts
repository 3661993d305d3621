/**
 * Codes of what refuses a pause, resume or archive (the HTTP status for each lives with the door,
 * `engine/src/api/routes/journeys`). Nothing changed when one is thrown.
 */
export const JOURNEY_LIFECYCLE_ERROR_CODES = [
  /** No journey has that id. */
  'journey_not_found',
  /** The journey's status does not allow the step (only an active journey pauses, …). */
  'journey_wrong_status',
  /** Clients inside would have to leave, and nobody can ask them now (no Temporal connection). */
  'exit_unavailable',
] as const;
export type JourneyLifecycleErrorCode = (typeof JOURNEY_LIFECYCLE_ERROR_CODES)[number];

/** Thrown by `changeJourneyStatus` when the journey's state forbids the step; nothing changed. */
export class JourneyLifecycleError extends Error {
  constructor(
    readonly code: JourneyLifecycleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JourneyLifecycleError';
  }
}
