import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { attributePurchasedProducts } from './attribute-purchased-products';
import { countEngagement } from './count-engagement';
import { countJourneyTotals } from './count-journey-totals';
import { countNodeFunnel } from './count-node-funnel';
import { countWeeklyEngagement } from './count-weekly-engagement';
import { measureTargetCurve } from './measure-target-curve';
import { measureTimeToConvert } from './measure-time-to-convert';
import type { ReportScope } from './report-scope';

/**
 * Every figure of a journey's report for one scope and taxonomy (docs/metrics.md), computed at read
 * time from stored rows. `target` defaults to the taxonomy's deepest action.
 */
export async function buildJourneyReport(
  db: Executor,
  scope: ReportScope,
  taxonomy: FunnelTaxonomy,
  target: string = taxonomy.at(-1)?.action ?? '',
) {
  const [totals, engagement, weekly, curve, nodes, timeToConvert, products] = await Promise.all([
    countJourneyTotals(db, scope),
    countEngagement(db, scope, taxonomy),
    countWeeklyEngagement(db, scope, taxonomy),
    measureTargetCurve(db, scope, taxonomy, target),
    countNodeFunnel(db, scope, taxonomy),
    measureTimeToConvert(db, scope),
    attributePurchasedProducts(db, scope),
  ]);
  for (const [nodeId, times] of Object.entries(timeToConvert.fromNode)) {
    const node = nodes[nodeId];
    if (node) node.medianSecondsToConvert = times.medianSeconds;
  }
  return { totals, engagement, weekly, curve, nodes, timeToConvert, products };
}
export type JourneyReport = Awaited<ReturnType<typeof buildJourneyReport>>;
