import { readReportCounters } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import { EMPTY_COUNTS, rollUpStats, type NodeCounts, type RawStats } from './roll-up-stats';
import { loadShapes, type JourneyStats, type StatsScope } from './count-journey-stats';

const STEP_FIELDS: Record<string, keyof NodeCounts> = {
  stepEntered: 'entered',
  stepWaiting: 'waiting',
  stepSent: 'sent',
  stepConverted: 'converted',
  stepFailed: 'failed',
};
const TOTALS = ['enrolled', 'active', 'converted', 'failed', 'holdout'] as const;

/**
 * `/stats` read from the rollup counters (docs/metrics.md, "Rollups"): the same per-step, per-node and
 * per-edge counts as `countJourneyStats`, for all time or a period of whole UTC days.
 */
export async function countJourneyStatsFromRollups(db: Database, scope: StatsScope): Promise<JourneyStats> {
  const [shapes, rows] = await Promise.all([
    loadShapes(db, scope),
    readReportCounters(db, {
      journeyId: scope.journeyId,
      version: scope.version,
      from: scope.from,
      to: scope.to,
    }),
  ]);
  const raw: RawStats = { steps: {}, convertedByNode: {}, transitions: [] };
  const totals = Object.fromEntries(TOTALS.map((figure) => [figure, 0])) as JourneyStats['totals'];
  for (const row of rows) {
    const field = STEP_FIELDS[row.figure];
    if (field !== undefined) (raw.steps[row.nodeId] ??= { ...EMPTY_COUNTS })[field] += row.n;
    else if (row.figure === 'nodeConverted')
      raw.convertedByNode[row.nodeId] = (raw.convertedByNode[row.nodeId] ?? 0) + row.n;
    else if (row.figure === 'edge') {
      const [fromNodeId, port, toNodeId, edgeId] = JSON.parse(row.bucket) as [
        string,
        string,
        string | null,
        string | null,
      ];
      raw.transitions.push({ version: row.journeyVersion, fromNodeId, port, toNodeId, edgeId, n: row.n });
    } else if ((TOTALS as readonly string[]).includes(row.figure))
      totals[row.figure as (typeof TOTALS)[number]] += row.n;
  }
  return { totals, ...rollUpStats(raw, shapes), steps: raw.steps };
}
