import { Context } from '@temporalio/activity';
import { recomputeSegments } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { RecomputeProgress } from '@touchpoint/domain';

/** Input of the `recomputeSegments` activity: the moment to classify for (the schedule's run time). */
export interface RecomputeSegmentsInput {
  asOf: string;
}

/**
 * The segmentation job's activity: the full recompute as of `asOf`, heartbeating after each committed
 * chunk with where it got to. A retried attempt (the worker died) resumes after the last heartbeat's
 * client; chunks past it that had committed find nothing left to change, so every transition is
 * stored once whichever attempt reached it.
 */
export function createSegmentActivities(deps: { db: Database }) {
  return {
    recomputeSegments: async (input: RecomputeSegmentsInput): Promise<RecomputeProgress> => {
      const context = Context.current();
      const [resumed] =
        context.info.heartbeatDetails === undefined
          ? []
          : [context.info.heartbeatDetails as RecomputeProgress];
      return recomputeSegments(deps.db, {
        asOf: new Date(input.asOf),
        startAfter: resumed?.after ?? null,
        onChunk: (progress) => context.heartbeat(progress),
      });
    },
  };
}

export type SegmentActivities = ReturnType<typeof createSegmentActivities>;
