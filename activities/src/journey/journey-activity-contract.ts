import type { ClientContext } from '@touchpoint/language';
import { CheckpointQuery, EnrollmentSource, FactQuery } from '@touchpoint/language';
import { z } from 'zod';

/**
 * Contracts of the bookkeeping activities the interpreter workflow calls. Workflows import these
 * types with `import type` only. The shapes the workflow and the activities share (fact and checkpoint
 * queries, the client context, the closed sets) come from the journey language.
 */

export { CheckpointQuery, FactQuery };

// The bookkeeping writes (begin, visit, finish, migration, and a task's batch of them) are the domain's
// shapes: the activities below parse their input with them and hand it to the domain's writers.
export {
  BeginEnrollmentInput,
  BOOKKEEPING_BATCH_LIMIT,
  BookkeepingWrite,
  FinishEnrollmentInput,
  RecordBookkeepingInput,
  RecordMigrationInput,
  RecordNodeVisitInput,
} from '@touchpoint/domain';

/** Input of `loadClientContext`; `at` is the workflow's now, so engagement windows are replay-stable. */
export const LoadClientContextInput = z.object({
  clientId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  facts: z.array(FactQuery).default([]),
  checkpoints: z.array(CheckpointQuery).default([]),
});
export type LoadClientContextInput = z.input<typeof LoadClientContextInput>;

/** What a workflow learns about a client: the journey language's `ClientContext`, passed to `evaluateCondition`. */
export type ClientContextResult = ClientContext;

/** Input of `updateClient`: attributes to set and tags to add / remove (tags live in `attributes.tags`). */
export const UpdateClientInput = z.object({
  clientId: z.uuid(),
  setAttributes: z.record(z.string(), z.unknown()).default({}),
  addTags: z.array(z.string()).default([]),
  removeTags: z.array(z.string()).default([]),
});
export type UpdateClientInput = z.input<typeof UpdateClientInput>;

/**
 * Input of `startJourney`: enroll a client in a journey's current version, from another journey
 * (interconnected chains, the default source) or from a scheduled audience (`segment`).
 */
export const StartJourneyInput = z.object({
  journeyId: z.uuid(),
  clientId: z.uuid(),
  /** Makes the start idempotent: the starting workflow's id + visit, or the schedule run's id. */
  enrollmentKey: z.string().min(1),
  /** The journey that hands the client over (absent for audience entry). */
  fromJourneyId: z.uuid().optional(),
  /**
   * The handing-over run's enrollment: a client its journey's holdout keeps out is not handed over
   * (docs/metrics.md, "Hand-over"). Absent in requests scheduled before runs sent it: the client's
   * latest enrollment in `fromJourneyId` is asked instead.
   */
  fromEnrollmentId: z.uuid().optional(),
  source: EnrollmentSource.extract(['journey', 'segment']).default('journey'),
});
export type StartJourneyInput = z.infer<typeof StartJourneyInput>;

/** Input of `enrollAudience`: one run of a journey's schedule entry. */
export const EnrollAudienceInput = z.object({
  journeyId: z.uuid(),
  /** Clients in this segment are enrolled (stored memberships and the attributes that name it: `loadSegmentMemberPage`). */
  segment: z.string().min(1),
  /** The schedule run's id: enrollments of concurrent journeys are keyed by it, so a retry adds none. */
  runKey: z.string().min(1),
});
export type EnrollAudienceInput = z.infer<typeof EnrollAudienceInput>;

/** Counts of one audience run. */
export interface EnrollAudienceResult {
  members: number;
  started: number;
  alreadyRunning: number;
  notStarted: number;
}

/** A page of audience members to enroll in a journey's current version (schedule entry). */
export interface StartAudiencePageInput {
  journeyId: string;
  /** Member ids, ascending (the page order). */
  clientIds: string[];
  /** The schedule run's id (see `EnrollAudienceInput.runKey`). */
  enrollmentKey: string;
  /**
   * True when an earlier attempt of the run may have started some of these clients (the first page of
   * a retried attempt): each is then looked up before it is started, so none is enrolled twice.
   */
  mayHaveStarted: boolean;
}

/** Enrolls a page of members, results in `clientIds` order; `onStarted` after each client. */
export type StartAudiencePage = (
  input: StartAudiencePageInput,
  onStarted: () => void,
) => Promise<StartJourneyResult[]>;

/** What happened to a `startJourney` request. */
export type StartJourneyResult =
  | { status: 'started'; workflowId: string }
  | { status: 'alreadyRunning'; workflowId: string }
  | { status: 'notStarted'; reason: string };
