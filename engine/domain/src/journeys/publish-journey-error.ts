import type { JourneyProblem } from '@touchpoint/language';

/**
 * Codes of what refuses a publish (the HTTP status for each lives with the door,
 * `engine/src/api/routes/journeys`).
 */
export const PUBLISH_JOURNEY_ERROR_CODES = [
  /** No journey has that id. */
  'journey_not_found',
  /** The journey is archived: it ended for good and takes no new version. */
  'journey_archived',
  /** The draft has problems (`problems`); nothing was published. */
  'journey_invalid',
] as const;
export type PublishJourneyErrorCode = (typeof PUBLISH_JOURNEY_ERROR_CODES)[number];

/** Thrown by `publishJourney` when the journey's state or its draft forbids publishing; nothing changed. */
export class PublishJourneyError extends Error {
  constructor(
    readonly code: PublishJourneyErrorCode,
    message: string,
    readonly problems: JourneyProblem[] = [],
  ) {
    super(message);
    this.name = 'PublishJourneyError';
  }
}
