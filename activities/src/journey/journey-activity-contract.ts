import type { ClientContext } from '@touchpoint/language';
import {
  CheckpointQuery,
  EnrollmentEndStatus,
  EnrollmentSource,
  FactQuery,
  JOURNEY_PURPOSES,
  JourneyHoldout,
} from '@touchpoint/language';
import { z } from 'zod';

/**
 * Contracts of the bookkeeping activities the interpreter workflow calls. Workflows import these
 * types with `import type` only. The shapes the workflow and the activities share (fact and checkpoint
 * queries, the client context, the closed sets) come from the journey language.
 */

/** Input of `beginEnrollment`: creates (or finds, on retry) the enrollment row of a workflow run chain. */
export const BeginEnrollmentInput = z.object({
  workflowId: z.string().min(1),
  journeyId: z.uuid(),
  journeyVersion: z.number().int().positive(),
  clientId: z.uuid(),
  enrollmentKey: z.string().nullable(),
  source: EnrollmentSource,
  /** The first run's start time: identifies this enrollment among earlier ones of the same workflow id. */
  enteredAt: z.iso.datetime({ offset: true }),
  /**
   * The version's control-group settings, from the definition the run holds, so the begin write does
   * not read the version row for them. Absent in activities scheduled before runs sent it: those read
   * the version row as before.
   */
  experiment: z.object({ holdout: JourneyHoldout.nullable(), purpose: z.enum(JOURNEY_PURPOSES) }).optional(),
});
export type BeginEnrollmentInput = z.infer<typeof BeginEnrollmentInput>;

/** Input of `recordNodeVisit`: the visit, and the port + visit it came from (the transition). */
export const RecordNodeVisitInput = z.object({
  enrollmentId: z.uuid(),
  journeyId: z.uuid(),
  journeyVersion: z.number().int(),
  nodeId: z.string().min(1),
  visitSeq: z.number().int().nonnegative(),
  at: z.iso.datetime({ offset: true }),
  from: z
    .object({
      nodeId: z.string().min(1),
      visitSeq: z.number().int().nonnegative(),
      port: z.string().min(1),
      /** Why the previous node did nothing (quiet hours, no consent, checkpoint passed…). */
      skipReason: z.string().optional(),
    })
    .nullable(),
});
export type RecordNodeVisitInput = z.infer<typeof RecordNodeVisitInput>;

/**
 * How an enrollment ended: `completed` (exit node or converted), `exited` (cancelled, checkpoint
 * passed…) or `failed` (the run failed for good; `reason` is `<failure type>: <message>`).
 */
export const FinishEnrollmentInput = z.object({
  enrollmentId: z.uuid(),
  status: EnrollmentEndStatus,
  reason: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  /** The visit the client was on, closed with `reason` as its outcome (`failed` for a failed run). */
  lastVisitSeq: z.number().int().nonnegative().nullable(),
});
export type FinishEnrollmentInput = z.infer<typeof FinishEnrollmentInput>;

/** Input of `recordMigration`: the enrollment now runs on another version of its journey. */
export const RecordMigrationInput = z.object({
  enrollmentId: z.uuid(),
  journeyVersion: z.number().int().positive(),
});
export type RecordMigrationInput = z.infer<typeof RecordMigrationInput>;

export { CheckpointQuery, FactQuery };

/**
 * One bookkeeping write of a workflow task. A batched run collects them while it computes and
 * records them in one local activity (`recordBookkeeping`) where it would block, so a task costs one
 * round trip instead of one per write. `begin` carries the enrollment id the workflow drew itself
 * (deterministic `uuid4()`), so the writes after it need no answer from the database.
 */
export const BookkeepingWrite = z.discriminatedUnion('kind', [
  BeginEnrollmentInput.extend({ kind: z.literal('begin'), enrollmentId: z.uuid() }),
  RecordNodeVisitInput.extend({ kind: z.literal('visit') }),
  FinishEnrollmentInput.extend({ kind: z.literal('finish') }),
  RecordMigrationInput.extend({ kind: z.literal('migration') }),
]);
export type BookkeepingWrite = z.infer<typeof BookkeepingWrite>;

/** Most writes one flush carries: the workflow flushes early past it, so a batch stays small. */
export const BOOKKEEPING_BATCH_LIMIT = 100;

/** Input of `recordBookkeeping`: a task's writes, applied in order in one transaction. */
export const RecordBookkeepingInput = z.object({
  writes: z.array(BookkeepingWrite).min(1).max(BOOKKEEPING_BATCH_LIMIT),
});
export type RecordBookkeepingInput = z.infer<typeof RecordBookkeepingInput>;

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
