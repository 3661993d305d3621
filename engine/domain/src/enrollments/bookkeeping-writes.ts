import {
  EnrollmentEndStatus,
  EnrollmentSource,
  JOURNEY_PURPOSES,
  JourneyHoldout,
} from '@touchpoint/language';
import { z } from 'zod';

// What an enrollment's run writes as it goes: its begin, each visit with the transition into it, its
// finish, a migration to another version, and one workflow task's batch of them. The interpreter's
// bookkeeping activities parse their input with these and the writers beside them apply it.

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
