import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { RecomputeSegmentsInput, SegmentActivities } from '@touchpoint/activities';

// A million clients take a minute or so; heartbeats (one per chunk) tell a slow run from a dead worker,
// whose retry resumes from the last one.
const { recomputeSegments } = proxyActivities<SegmentActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/**
 * One run of the segmentation Schedule: the full recompute as of the run's start. The moment is taken
 * from the workflow (fixed for the run, replay-safe), so every retry of the activity classifies for
 * the same day and decides the same transitions.
 */
export async function segmentRecomputeWorkflow(): Promise<{ clients: number; transitions: number }> {
  const input: RecomputeSegmentsInput = { asOf: workflowInfo().startTime.toISOString() };
  const { clients, transitions } = await recomputeSegments(input);
  return { clients, transitions };
}
