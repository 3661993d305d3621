import type { Database } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { buildJourneyReport, type JourneyReport } from '../build-journey-report';
import { isWholeDayPeriod } from '../period-filter';
import type { ReportScope } from '../report-scope';
import { buildJourneyReportFromRollups } from './build-journey-report-from-rollups';
import { catchUpReportRollups, type RollupFreshness } from './read-rollup-freshness';

/** Where a report's numbers came from, and how current they are (docs/metrics.md, "Rollups"). */
export interface ReportSource extends RollupFreshness {
  servedFrom: 'rollups' | 'raw';
  /** Why raw rows were scanned instead (null when served from rollups; 'period': not whole UTC days). */
  rawReason: 'period' | 'rebuilding' | 'otherTaxonomy' | 'refreshFailed' | null;
}

/** Why a scope cannot be read from the counters, or null when it can. */
export function rawReasonOf(
  scope: Pick<ReportScope, 'from' | 'to'>,
  freshness: RollupFreshness & { catchUpError?: unknown },
  taxonomyVersion: number | null,
): ReportSource['rawReason'] {
  if (freshness.catchUpError !== undefined) return 'refreshFailed';
  if (!isWholeDayPeriod(scope)) return 'period';
  if (!freshness.isBaseReady) return 'rebuilding';
  if (taxonomyVersion === null) return null;
  if (taxonomyVersion !== freshness.taxonomyVersion) return 'otherTaxonomy';
  return freshness.isReady ? null : 'rebuilding';
}

/**
 * A journey's report from the rollups when they are keyed for its scope and complete for its taxonomy
 * (after folding in a small backlog of pending clients), else computed from raw rows; either way the
 * same figures, with where they came from.
 */
export async function answerJourneyReport(
  db: Database,
  scope: ReportScope,
  taxonomy: { version: number; actions: FunnelTaxonomy },
  target: string,
  onRefreshError?: (error: unknown) => void,
): Promise<JourneyReport & { source: ReportSource }> {
  const { catchUpError, ...freshness } = await catchUpReportRollups(db);
  if (catchUpError !== undefined) onRefreshError?.(catchUpError);
  const rawReason = rawReasonOf(scope, { ...freshness, catchUpError }, taxonomy.version);
  const report =
    rawReason === null
      ? await buildJourneyReportFromRollups(db, scope, taxonomy, target)
      : await buildJourneyReport(db, scope, taxonomy.actions, target);
  return {
    ...report,
    source: { ...freshness, servedFrom: rawReason === null ? 'rollups' : 'raw', rawReason },
  };
}
