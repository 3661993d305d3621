import { enrollments, messages, nodeVisits, transitions, type Executor } from '@touchpoint/db';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { enteredInWindow, ofJourneyVersion, type StatsScope } from './stats-scope';

/** The exit reason the interpreter records when a client reaches the journey goal (workflows/run-context.ts). */
export const GOAL_EXIT_REASON = 'converted';

/** The outcome a failed run's last visit is closed with (activities/src/journey/enrollment-records.ts). */
export const FAILED_OUTCOME = 'failed';

/**
 * Per compiled step of the journey in scope: visits entered, clients waiting there now, messages sent,
 * converted enrollments that passed it, failed runs' last visits; converted enrollments per drawn node
 * (distinct, so a client who went through three rungs of a ladder converts once there); and the
 * clients who took each transition.
 */
export async function countStepVisits(db: Executor, scope: StatsScope) {
  const visitScope = ofJourneyVersion(nodeVisits.journeyId, nodeVisits.journeyVersion, scope);
  const converted = and(eq(enrollments.status, 'completed'), eq(enrollments.exitReason, GOAL_EXIT_REASON));
  const origin = sql<string>`split_part(${nodeVisits.nodeId}, '/', 1)`;
  const distinctEnrollments = sql<number>`count(distinct ${nodeVisits.enrollmentId})::int`;
  const [entered, waiting, sent, convertedSteps, convertedNodes, failed, transitionRows] = await Promise.all([
    db
      .select({ nodeId: nodeVisits.nodeId, n: count() })
      .from(nodeVisits)
      .where(and(visitScope, enteredInWindow(nodeVisits.enrollmentId, scope)))
      .groupBy(nodeVisits.nodeId),
    db
      .select({ nodeId: nodeVisits.nodeId, n: count() })
      .from(nodeVisits)
      .innerJoin(enrollments, eq(enrollments.id, nodeVisits.enrollmentId))
      .where(and(visitScope, isNull(nodeVisits.leftAt), eq(enrollments.status, 'active')))
      .groupBy(nodeVisits.nodeId),
    db
      .select({ nodeId: messages.nodeId, n: count() })
      .from(messages)
      .where(
        and(
          ofJourneyVersion(messages.journeyId, messages.journeyVersion, scope),
          isNotNull(messages.sentAt),
          enteredInWindow(messages.enrollmentId, scope),
        ),
      )
      .groupBy(messages.nodeId),
    db
      .select({ nodeId: nodeVisits.nodeId, n: distinctEnrollments })
      .from(nodeVisits)
      .innerJoin(enrollments, eq(enrollments.id, nodeVisits.enrollmentId))
      .where(and(visitScope, converted, enteredInWindow(nodeVisits.enrollmentId, scope)))
      .groupBy(nodeVisits.nodeId),
    db
      .select({ nodeId: origin, n: distinctEnrollments })
      .from(nodeVisits)
      .innerJoin(enrollments, eq(enrollments.id, nodeVisits.enrollmentId))
      .where(and(visitScope, converted, enteredInWindow(nodeVisits.enrollmentId, scope)))
      .groupBy(origin),
    // finishEnrollment closes a failed run's last visit with outcome `failed`.
    db
      .select({ nodeId: nodeVisits.nodeId, n: count() })
      .from(nodeVisits)
      .where(
        and(
          visitScope,
          eq(nodeVisits.outcome, FAILED_OUTCOME),
          enteredInWindow(nodeVisits.enrollmentId, scope),
        ),
      )
      .groupBy(nodeVisits.nodeId),
    countTransitions(db, scope),
  ]);
  return { entered, waiting, sent, convertedSteps, convertedNodes, failed, transitions: transitionRows };
}

function countTransitions(db: Executor, scope: StatsScope) {
  return db
    .select({
      version: transitions.journeyVersion,
      fromNodeId: transitions.fromNodeId,
      port: transitions.port,
      toNodeId: transitions.toNodeId,
      edgeId: transitions.edgeId,
      // Clients who took the edge: a client looping through it counts once.
      n: sql<number>`count(distinct ${transitions.enrollmentId})::int`,
    })
    .from(transitions)
    .where(
      and(
        ofJourneyVersion(transitions.journeyId, transitions.journeyVersion, scope),
        enteredInWindow(transitions.enrollmentId, scope),
      ),
    )
    .groupBy(
      transitions.journeyVersion,
      transitions.fromNodeId,
      transitions.port,
      transitions.toNodeId,
      transitions.edgeId,
    );
}
