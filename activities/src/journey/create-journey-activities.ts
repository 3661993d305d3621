import type { Database } from '@touchpoint/db';
import type { z } from 'zod';
import { activityFailure, parseActivityInput } from '../activity-failures';
import { loadClientContext, updateClient } from './client-context';
import { enrollAudience } from './enroll-audience';
import {
  beginEnrollment,
  finishEnrollment,
  recordBookkeeping,
  recordMigration,
  recordNodeVisit,
} from '@touchpoint/domain';
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
  /** Members an audience enrolls per page (and heartbeats after); `AUDIENCE_PAGE_SIZE` when unset. */
  audiencePageSize?: number;
}

const noStarter = () =>
  activityFailure('StartJourneyUnavailable', 'No journey starter configured on this worker');

/** The bookkeeping activities of the interpreter workflow, bound to their dependencies. */
export function createJourneyActivities(deps: JourneyActivityDeps) {
  return {
    beginEnrollment: async (input: BeginEnrollmentInput): Promise<{ enrollmentId: string }> =>
      beginEnrollment(deps.db, parseActivityInput(BeginEnrollmentInput, input, 'beginEnrollment')),
    recordNodeVisit: async (input: RecordNodeVisitInput): Promise<void> =>
      recordNodeVisit(deps.db, parseActivityInput(RecordNodeVisitInput, input, 'recordNodeVisit')),
    finishEnrollment: async (input: FinishEnrollmentInput): Promise<void> =>
      finishEnrollment(deps.db, parseActivityInput(FinishEnrollmentInput, input, 'finishEnrollment')),
    /** A batched run's writes of one workflow task, in one transaction (see `BookkeepingWrite`). */
    recordBookkeeping: async (input: RecordBookkeepingInput): Promise<void> =>
      recordBookkeeping(deps.db, parseActivityInput(RecordBookkeepingInput, input, 'recordBookkeeping')),
    recordMigration: async (input: RecordMigrationInput): Promise<void> =>
      recordMigration(deps.db, parseActivityInput(RecordMigrationInput, input, 'recordMigration')),
    loadClientContext: async (input: LoadClientContextInput): Promise<ClientContextResult> =>
      loadClientContext(deps.db, input),
    updateClient: (input: UpdateClientInput): Promise<void> => updateClient(deps.db, input),
    startJourney: async (input: z.input<typeof StartJourneyInput>): Promise<StartJourneyResult> => {
      if (!deps.startJourney) {
        throw noStarter();
      }
      return deps.startJourney(parseActivityInput(StartJourneyInput, input, 'startJourney'));
    },
    enrollAudience: async (input: EnrollAudienceInput): Promise<EnrollAudienceResult> => {
      // Invalid input fails as such even on a worker without a starter.
      const parsed = parseActivityInput(EnrollAudienceInput, input, 'enrollAudience');
      const startPage = deps.startAudiencePage;
      if (!startPage) {
        throw noStarter();
      }
      return enrollAudience(deps.db, startPage, parsed, deps.audiencePageSize);
    },
  };
}

export type JourneyActivities = ReturnType<typeof createJourneyActivities>;
