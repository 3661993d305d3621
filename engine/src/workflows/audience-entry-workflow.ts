import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EnrollAudienceResult, JourneyActivities } from '@touchpoint/activities';

/** Input of {@link audienceEntryWorkflow}: what the journey's schedule entry enrolls. */
export interface AudienceEntryInput {
  journeyId: string;
  segment: string;
}

// An audience of any size: no overall deadline that a large one could outgrow (a day bounds a bug),
// while heartbeats (after every client started) tell a dead worker within 20 s; the retry resumes
// from the last heartbeated page, so time already spent is never spent again.
const { enrollAudience } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '24 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/**
 * One run of a journey's schedule entry, started by the journey's Temporal Schedule: enrolls the
 * segment's members in the journey's current version, in pages (see `enrollAudience`). The run's
 * workflow id (the schedule id plus the scheduled time) keys the enrollments, so a retried run enrolls
 * no one twice; its progress is in `audience_runs` (`GET /v1/journeys/:id/audience-runs`).
 */
export async function audienceEntryWorkflow(input: AudienceEntryInput): Promise<EnrollAudienceResult> {
  return enrollAudience({ ...input, runKey: workflowInfo().workflowId });
}
