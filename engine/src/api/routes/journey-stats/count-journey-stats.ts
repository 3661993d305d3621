import type { Database } from '@touchpoint/db';
import {
  countEnrollmentTotals,
  countStepVisits,
  listScopeDefinitions,
  type StatsScope,
} from '@touchpoint/domain';
import { z } from 'zod';
import { EMPTY_COUNTS, NodeCounts, rollUpStats } from './roll-up-stats';
import type { DrawnShapes, RawStats } from './roll-up-stats';

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

export type { StatsScope };

const DrawnShape = z.looseObject({
  nodes: z.array(z.looseObject({ id: z.string() })).catch([]),
  edges: z
    .array(z.looseObject({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string() }))
    .catch([]),
});

/** Node ids and edge endpoints of the versions in scope, so untouched nodes show zeros. */
export async function loadShapes(db: Database, scope: StatsScope): Promise<DrawnShapes> {
  const rows = await listScopeDefinitions(db, scope);
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
  const { entered, waiting, sent, convertedSteps, convertedNodes, failed, transitions } =
    await countStepVisits(db, scope);
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
  return { steps, convertedByNode, transitions: transitions.map((row) => ({ ...row, n: Number(row.n) })) };
}

/**
 * Counts per node (entered, waiting now, sent, converted, failed) and per edge for one journey, optionally one
 * version and a time window, rolled up from compiled steps to the drawn graph.
 */
export async function countJourneyStats(db: Database, scope: StatsScope): Promise<JourneyStats> {
  const [shapes, raw, totals] = await Promise.all([
    loadShapes(db, scope),
    loadRawStats(db, scope),
    countEnrollmentTotals(db, scope),
  ]);
  return { totals, ...rollUpStats(raw, shapes), steps: raw.steps };
}
