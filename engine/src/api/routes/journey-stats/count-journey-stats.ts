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

/** The exit reason the interpreter records when a client reaches the journey goal (workflows/run-context.ts). */
export const GOAL_EXIT_REASON = 'converted';

/** Raw counts for one node. */
export const NodeCounts = z.object({
  /** Visits that entered the node in the window (a client looping through counts each time). */
  entered: z.number().int(),
  /** Clients at this node right now (visit not left, enrollment active); ignores the window. */
  waiting: z.number().int(),
  /** Messages the node handed to a provider in the window. */
  sent: z.number().int(),
  /** Enrollments that visited the node in the window and then reached the goal. */
  converted: z.number().int(),
});
export type NodeCounts = z.infer<typeof NodeCounts>;

export const JourneyTotals = z.object({
  enrolled: z.number().int(),
  active: z.number().int(),
  converted: z.number().int(),
  holdout: z.number().int(),
});

/** What the builder's overlay reads: counts per node id and transitions per edge id. */
export const JourneyStats = z.object({
  totals: JourneyTotals,
  nodes: z.record(z.string(), NodeCounts),
  edges: z.record(z.string(), z.number().int()),
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

const EMPTY: NodeCounts = { entered: 0, waiting: 0, sent: 0, converted: 0 };

/** Node ids and edge endpoints of the versions in scope, so untouched nodes show zeros. */
async function loadShapes(db: Database, scope: StatsScope) {
  const rows = await db
    .select({ number: journeyVersions.number, definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(
      and(
        eq(journeyVersions.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(journeyVersions.number, scope.version),
      ),
    );
  const Shape = z.looseObject({
    nodes: z.array(z.looseObject({ id: z.string() })).catch([]),
    edges: z
      .array(
        z.looseObject({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string() }),
      )
      .catch([]),
  });
  const nodeIds = new Set<string>();
  const edgeIds = new Map<string, string>();
  for (const row of rows) {
    const shape = Shape.parse(row.definition);
    for (const node of shape.nodes) nodeIds.add(node.id);
    for (const edge of shape.edges)
      edgeIds.set(`${row.number}|${edge.source}|${edge.sourcePort}|${edge.target}`, edge.id);
  }
  return { nodeIds, edgeIds };
}

/**
 * Counts per node (entered, waiting now, sent, converted) and per edge for one journey, optionally one
 * version and a time window. Transitions are matched to edges by their version's endpoints, because the
 * interpreter records the port taken, not the edge id.
 */
export async function countJourneyStats(db: Database, scope: StatsScope): Promise<JourneyStats> {
  const visitScope = and(
    eq(nodeVisits.journeyId, scope.journeyId),
    scope.version === undefined ? undefined : eq(nodeVisits.journeyVersion, scope.version),
  );
  const converted = and(eq(enrollments.status, 'completed'), eq(enrollments.exitReason, GOAL_EXIT_REASON));
  const [shapes, entered, waiting, sent, convertedRows, edgeRows, totals] = await Promise.all([
    loadShapes(db, scope),
    db
      .select({ nodeId: nodeVisits.nodeId, n: count() })
      .from(nodeVisits)
      .where(and(visitScope, inWindow(nodeVisits.enteredAt, scope)))
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
          inWindow(messages.sentAt, scope),
        ),
      )
      .groupBy(messages.nodeId),
    db
      .select({ nodeId: nodeVisits.nodeId, n: sql<number>`count(distinct ${nodeVisits.enrollmentId})::int` })
      .from(nodeVisits)
      .innerJoin(enrollments, eq(enrollments.id, nodeVisits.enrollmentId))
      .where(and(visitScope, converted, inWindow(nodeVisits.enteredAt, scope)))
      .groupBy(nodeVisits.nodeId),
    countTransitions(db, scope),
    countTotals(db, scope),
  ]);
  const nodes: Record<string, NodeCounts> = {};
  for (const id of shapes.nodeIds) nodes[id] = { ...EMPTY };
  const add = (rows: { nodeId: string | null; n: number }[], field: keyof NodeCounts) => {
    for (const row of rows) {
      if (row.nodeId === null) continue;
      nodes[row.nodeId] = { ...(nodes[row.nodeId] ?? EMPTY), [field]: Number(row.n) };
    }
  };
  add(entered, 'entered');
  add(waiting, 'waiting');
  add(sent, 'sent');
  add(convertedRows, 'converted');
  const edges: Record<string, number> = {};
  for (const row of edgeRows) {
    const key = `${row.version}|${row.fromNodeId}|${row.port}|${row.toNodeId}`;
    const edgeId = row.edgeId ?? shapes.edgeIds.get(key);
    if (edgeId !== undefined) edges[edgeId] = (edges[edgeId] ?? 0) + Number(row.n);
  }
  return { totals, nodes, edges };
}

function countTransitions(db: Database, scope: StatsScope) {
  return db
    .select({
      version: transitions.journeyVersion,
      fromNodeId: transitions.fromNodeId,
      port: transitions.port,
      toNodeId: transitions.toNodeId,
      edgeId: transitions.edgeId,
      n: count(),
    })
    .from(transitions)
    .where(
      and(
        eq(transitions.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(transitions.journeyVersion, scope.version),
        inWindow(transitions.at, scope),
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
  return row ?? { enrolled: 0, active: 0, converted: 0, holdout: 0 };
}
