import { createJourneyActivities } from './journey/create-journey-activities';
import type { JourneyActivityDeps } from './journey/create-journey-activities';
import { createSegmentActivities } from './segments/create-segment-activities';
import { createSendActivities } from './send/create-send-activities';
import type { SendActivityDeps } from './send/send-activity-deps';

/** Everything the activities need: the database plus channel adapters and delivery policy for sends. */
export type ActivityDeps = JourneyActivityDeps & Omit<SendActivityDeps, 'now'> & { now?: () => Date };

/**
 * Every activity of Touchpoint, bound to its dependencies (`createActivities(deps)`). The journey
 * worker registers the bookkeeping ones on the journey task queue; the send ones are registered on
 * the per-channel queues in `SEND_TASK_QUEUES`.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createJourneyActivities(deps),
    ...createSegmentActivities(deps),
    ...createSendActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
