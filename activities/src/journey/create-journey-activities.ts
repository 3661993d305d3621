import { ApplicationFailure } from '@temporalio/common';
import type { Database } from '@touchpoint/db';
import type { z } from 'zod';
import { loadClientContext, updateClient } from './client-context';
import { enrollAudience } from './enroll-audience';
import {
  beginEnrollment,
  finishEnrollment,
  recordBookkeeping,
  recordMigration,
  recordNodeVisit,
} from './enrollment-records';
import {
  BeginEnrollmentInput,
  EnrollAudienceInput,
  FinishEnrollmentInput,
  RecordBookkeepingInput,
  RecordMigrationInput,
  RecordNodeVisitInput,
  StartJourneyInput,
} from './journey-activity-contract';
import type {
  ClientContextResult,
  EnrollAudienceResult,
  LoadClientContextInput,
  StartAudiencePage,
  StartJourneyResult,
  UpdateClientInput,
} from './journey-activity-contract';

/** What the journey bookkeeping activities need. */
export interface JourneyActivityDeps {
  db: Database;
  /**
   * Starts another journey for a client. Supplied by the engine (it owns the Temporal client);
   * without it `startJourney` fails permanently with type `StartJourneyUnavailable`.
   */
  startJourney?: (input: StartJourneyInput) => Promise<StartJourneyResult>;
  /** Enrolls a page of an audience (schedule entry); without it `enrollAudience` fails like `startJourney`. */
  startAudiencePage?: StartAudiencePage;
}

/** Bad input is a bug in the caller, not a transient fault: fail without retrying. */
function parseOrFail<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Error } },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (!result.success) throw ApplicationFailure.nonRetryable(result.error.message, 'InvalidActivityInput');
  return result.data;
}

/** The bookkeeping activities of the interpreter workflow, bound to their dependencies. */
export function createJourneyActivities(deps: JourneyActivityDeps) {
  return {
    beginEnrollment: (input: BeginEnrollmentInput): Promise<{ enrollmentId: string }> =>
      beginEnrollment(deps.db, parseOrFail(BeginEnrollmentInput, input)),
    recordNodeVisit: (input: RecordNodeVisitInput): Promise<void> =>
      recordNodeVisit(deps.db, parseOrFail(RecordNodeVisitInput, input)),
    finishEnrollment: (input: FinishEnrollmentInput): Promise<void> =>
      finishEnrollment(deps.db, parseOrFail(FinishEnrollmentInput, input)),
    /** A batched run's writes of one workflow task, in one transaction (see `BookkeepingWrite`). */
    recordBookkeeping: (input: RecordBookkeepingInput): Promise<void> =>
      recordBookkeeping(deps.db, parseOrFail(RecordBookkeepingInput, input)),
    recordMigration: (input: RecordMigrationInput): Promise<void> =>
      recordMigration(deps.db, parseOrFail(RecordMigrationInput, input)),
    loadClientContext: (input: LoadClientContextInput): Promise<ClientContextResult> =>
      loadClientContext(deps.db, input),
    updateClient: (input: UpdateClientInput): Promise<void> => updateClient(deps.db, input),
    startJourney: async (input: z.input<typeof StartJourneyInput>): Promise<StartJourneyResult> => {
      if (!deps.startJourney) {
        throw ApplicationFailure.nonRetryable(
          'No journey starter configured on this worker',
          'StartJourneyUnavailable',
        );
      }
      return deps.startJourney(parseOrFail(StartJourneyInput, input));
    },
    enrollAudience: async (input: EnrollAudienceInput): Promise<EnrollAudienceResult> => {
      const startPage = deps.startAudiencePage;
      if (!startPage) {
        throw ApplicationFailure.nonRetryable(
          'No journey starter configured on this worker',
          'StartJourneyUnavailable',
        );
      }
      return enrollAudience(deps.db, startPage, parseOrFail(EnrollAudienceInput, input));
    },
  };
}

export type JourneyActivities = ReturnType<typeof createJourneyActivities>;
