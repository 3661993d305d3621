import type { Database } from '@touchpoint/db';
import type { StoredFunnelTaxonomy } from '../load-funnel-taxonomy';
import { catchUpReportRollups, type RollupFreshness } from '../rollups/read-rollup-freshness';
import { buildUpliftAnswer, type UpliftAnswer } from './build-uplift-answer';
import { countUpliftArms, type UpliftScope } from './count-uplift-arms';
import { ROLLUP_REVENUE_DAYS } from './get-uplift-contributions-query';
import { readUpliftCounters } from './read-uplift-counters';

/** Where an uplift answer's cells came from (docs/metrics.md, "Uplift rollups"). */
export interface UpliftSource extends RollupFreshness {
  servedFrom: 'rollups' | 'raw';
  /** Why raw rows were counted instead; null when served from rollups. */
  rawReason: 'period' | 'revenueDays' | 'rebuilding' | 'otherTaxonomy' | 'refreshFailed' | null;
}

/**
 * A journey's uplift from the maintained counters when they cover the scope (after folding in a small
 * backlog, as the reports do), else counted from raw rows; the same cells either way, so the same
 * answer, with where it came from.
 */
export async function answerJourneyUplift(
  db: Database,
  scope: Omit<UpliftScope, 'taxonomy'>,
  taxonomy: StoredFunnelTaxonomy,
  plan: { share: number; minimumDetectableEffect: number; action: string | null },
  onRefreshError?: (error: unknown) => void,
): Promise<UpliftAnswer & { source: UpliftSource }> {
  const { catchUpError, ...freshness } = await catchUpReportRollups(db);
  if (catchUpError !== undefined) onRefreshError?.(catchUpError);
  const rawReason = upliftRawReason(scope, { ...freshness, catchUpError }, taxonomy.version);
  const cells =
    rawReason === null
      ? await readUpliftCounters(db, scope, taxonomy.version)
      : await countUpliftArms(db, { ...scope, taxonomy: taxonomy.actions });
  const answer = buildUpliftAnswer(cells, plan, {
    action: plan.action,
    actions: taxonomy.actions.map((a) => a.action),
  });
  return {
    ...answer,
    source: { ...freshness, servedFrom: rawReason === null ? 'rollups' : 'raw', rawReason },
  };
}

/** Why a scope cannot be read from the uplift counters, or null when it can. */
function upliftRawReason(
  scope: Pick<UpliftScope, 'from' | 'to' | 'revenueDays'>,
  freshness: RollupFreshness & { catchUpError?: unknown },
  taxonomyVersion: number,
): UpliftSource['rawReason'] {
  if (freshness.catchUpError !== undefined) return 'refreshFailed';
  if (scope.from !== undefined || scope.to !== undefined) return 'period';
  if (scope.revenueDays !== ROLLUP_REVENUE_DAYS) return 'revenueDays';
  if (!freshness.isBaseReady || !freshness.isReady) return 'rebuilding';
  if (taxonomyVersion !== freshness.taxonomyVersion) return 'otherTaxonomy';
  return null;
}
