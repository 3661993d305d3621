import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EnrollAudienceResult, JourneyActivities } from '@touchpoint/activities';

/** Input of {@link audienceEntryWorkflow}: what the journey's schedule entry enrolls. */
export interface AudienceEntryInput {
  journeyId: string;
  segment: string;
}

// A large audience takes a while; heartbeats (one per page) tell a slow run from a stuck one.
const { enrollAudience } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/**
 * One run of a journey's schedule entry, started by the journey's Temporal Schedule: enrolls the
 * segment's members in the journey's current version. The run's workflow id (the schedule id plus
 * the scheduled time) keys the enrollments, so a retried run enrolls no one twice.
 */
export async function audienceEntryWorkflow(input: AudienceEntryInput): Promise<EnrollAudienceResult> {
  return enrollAudience({ ...input, runKey: workflowInfo().workflowId });
}
