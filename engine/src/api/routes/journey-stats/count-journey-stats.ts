import type { Database, SQL } from '@touchpoint/db';
import {
  and,
  count,
  enrollments,
  eq,
  gte,
  isNotNull,
  isNull,
  journeyVersions,
  lt,
  messages,
  nodeVisits,
  sql,
  transitions,
} from '@touchpoint/db';
import { z } from 'zod';
import { EMPTY_COUNTS, NodeCounts, rollUpStats } from './roll-up-stats';
import type { DrawnShapes, RawStats } from './roll-up-stats';

/** The exit reason the interpreter records when a client reaches the journey goal (workflows/run-context.ts). */
export const GOAL_EXIT_REASON = 'converted';

/** The outcome a failed run's last visit is closed with (activities/src/journey/enrollment-records.ts). */
export const FAILED_OUTCOME = 'failed';

export const JourneyTotals = z
  .object({
    enrolled: z.number().int().describe('enrollments in the window'),
    active: z.number().int().describe('of them, still inside'),
    converted: z.number().int().describe('of them, that met the goal'),
    /** Enrollments whose run failed for good (reason on the enrollment, shown in the client timeline). */
    failed: z.number().int().describe('of them, whose run failed for good (reason in the client timeline)'),
    holdout: z.number().int().describe('of them, held out of every send (the control group)'),
  })
  .describe('totals over the enrollments');

/**
 * What the builder's overlay reads: counts per drawn node id and transitions per edge id; `steps` has
 * the raw per-step counts (an escalation ladder's rungs are steps `<ladderId>/<rungId>/wait|send`).
 */
export const JourneyStats = z.object({
  totals: JourneyTotals,
  nodes: z.record(z.string(), NodeCounts).describe('counts by drawn node id'),
  edges: z.record(z.string(), z.number().int()).describe('transitions by edge id'),
  steps: z
    .record(z.string(), NodeCounts)
    .describe('counts by compiled step (a ladder rung is `<ladderId>/<rungId>/wait|send`)'),
});
export type JourneyStats = z.infer<typeof JourneyStats>;

export interface StatsScope {
  journeyId: string;
  version?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

type Column = Parameters<typeof gte>[0];

function inWindow(column: Column, scope: StatsScope): SQL | undefined {
  return and(
    scope.from === undefined ? undefined : gte(column, scope.from),
    scope.to === undefined ? undefined : lt(column, scope.to),
  );
}

/**
 * A period picks enrollments by their entry (docs/metrics.md, "Periods"): their visits, sends and
 * transitions count whenever they happened, so a period's counts sum over its days.
 */
function enteredInWindow(enrollmentId: Column, scope: StatsScope): SQL | undefined {
  if (scope.from === undefined && scope.to === undefined) return undefined;
  return sql`${enrollmentId} in (select ${enrollments.id} from ${enrollments}
    where ${and(eq(enrollments.journeyId, scope.journeyId), inWindow(enrollments.enteredAt, scope))})`;
}

const DrawnShape = z.looseObject({
  nodes: z.array(z.looseObject({ id: z.string() })).catch([]),
  edges: z
    .array(z.looseObject({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string() }))
    .catch([]),
});

/** Node ids and edge endpoints of the versions in scope, so untouched nodes show zeros. */
export async function loadShapes(db: Database, scope: StatsScope): Promise<DrawnShapes> {
  const rows = await db
    .select({ number: journeyVersions.number, definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(
      and(
        eq(journeyVersions.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(journeyVersions.number, scope.version),
      ),
    );
  const shapes: DrawnShapes = { nodeIds: new Set(), edgeIds: new Map() };
  for (const row of rows) {
    const shape = DrawnShape.parse(row.definition);
    for (const node of shape.nodes) shapes.nodeIds.add(node.id);
    for (const edge of shape.edges) {
      shapes.edgeIds.set(`${row.number}|${edge.source}|${edge.sourcePort}|${edge.target}`, edge.id);
    }
  }
  return shapes;
}

async function loadRawStats(db: Database, scope: StatsScope): Promise<RawStats> {
  const visitScope = and(
    eq(nodeVisits.journeyId, scope.journeyId),
    scope.version === undefined ? undefined : eq(nodeVisits.journeyVersion, scope.version),
  );
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
          eq(messages.journeyId, scope.journeyId),
          scope.version === undefined ? undefined : eq(messages.journeyVersion, scope.version),
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
    // Distinct per drawn node: a client who went through three rungs of a ladder converts once there.
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
  const steps: Record<string, NodeCounts> = {};
  const add = (rows: { nodeId: string | null; n: number }[], field: keyof NodeCounts) => {
    for (const row of rows) {
      if (row.nodeId !== null) (steps[row.nodeId] ??= { ...EMPTY_COUNTS })[field] = Number(row.n);
    }
  };
  add(entered, 'entered');
  add(waiting, 'waiting');
  add(sent, 'sent');
  add(convertedSteps, 'converted');
  add(failed, 'failed');
  const convertedByNode = Object.fromEntries(convertedNodes.map((row) => [row.nodeId, Number(row.n)]));
  return { steps, convertedByNode, transitions: transitionRows.map((row) => ({ ...row, n: Number(row.n) })) };
}

function countTransitions(db: Database, scope: StatsScope) {
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
        eq(transitions.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(transitions.journeyVersion, scope.version),
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

async function countTotals(db: Database, scope: StatsScope) {
  const [row] = await db
    .select({
      enrolled: count(),
      active: sql<number>`count(*) filter (where ${enrollments.status} = 'active')::int`,
      converted: sql<number>`count(*) filter (where ${enrollments.status} = 'completed' and ${enrollments.exitReason} = ${GOAL_EXIT_REASON})::int`,
      failed: sql<number>`count(*) filter (where ${enrollments.status} = 'failed')::int`,
      holdout: sql<number>`count(*) filter (where ${enrollments.isHoldout})::int`,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(enrollments.journeyVersion, scope.version),
        inWindow(enrollments.enteredAt, scope),
      ),
    );
  return row ?? { enrolled: 0, active: 0, converted: 0, failed: 0, holdout: 0 };
}

/**
 * Counts per node (entered, waiting now, sent, converted, failed) and per edge for one journey, optionally one
 * version and a time window, rolled up from compiled steps to the drawn graph.
 */
export async function countJourneyStats(db: Database, scope: StatsScope): Promise<JourneyStats> {
  const [shapes, raw, totals] = await Promise.all([
    loadShapes(db, scope),
    loadRawStats(db, scope),
    countTotals(db, scope),
  ]);
  return { totals, ...rollUpStats(raw, shapes), steps: raw.steps };
}
