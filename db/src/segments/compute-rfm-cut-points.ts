import { gt, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { clientFacts } from '../schema/client-facts';
import { daysSinceLastPurchaseSql } from './fact-sql';
import type { RfmCutPointSet, RfmCutRule } from './segmentation-settings';

/**
 * The cut points the rule declares: `fixed` as given; `terciles` as the 1/3 and 2/3 quantiles
 * (`percentile_disc`: the smallest value at or above that share of the base) of recency days, purchase
 * count and total value over the clients with a purchase, as of `asOf`. An empty base cuts at 0.
 */
export async function computeRfmCutPoints(
  db: Executor,
  rule: RfmCutRule,
  asOf: Date,
): Promise<RfmCutPointSet> {
  if (rule.kind === 'fixed') {
    return { recencyDays: rule.recencyDays, purchaseCount: rule.purchaseCount, totalValue: rule.totalValue };
  }
  const days = daysSinceLastPurchaseSql(asOf);
  const quantiles = (column: unknown) =>
    sql<
      (string | number)[] | null
    >`percentile_disc(array[1/3::float8, 2/3::float8]) within group (order by ${column})`;
  const [row] = await db
    .select({
      recency: quantiles(days),
      frequency: quantiles(clientFacts.purchaseCount),
      monetary: quantiles(clientFacts.totalValue),
    })
    .from(clientFacts)
    .where(gt(clientFacts.purchaseCount, 0));
  const pair = (values: (string | number)[] | null | undefined): [number, number] => [
    Number(values?.[0] ?? 0),
    Number(values?.[1] ?? 0),
  ];
  return { recencyDays: pair(row?.recency), purchaseCount: pair(row?.frequency), totalValue: pair(row?.monetary) };
}
