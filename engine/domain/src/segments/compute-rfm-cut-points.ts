import { gt, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import { daysSinceLastPurchaseSql } from './fact-sql';
import type { RfmCutPointSet, RfmCutRule } from './segmentation-settings';

/** `percentile_disc(fraction)` of a column, cast to float8 so every driver hands back a number. */
function quantile(column: unknown, fraction: '1/3' | '2/3') {
  return sql<
    number | null
  >`(percentile_disc(${sql.raw(fraction)}::float8) within group (order by ${column}))::float8`;
}

const pair = (low: number | null | undefined, high: number | null | undefined): [number, number] => [
  Number(low ?? 0),
  Number(high ?? 0),
];

/**
 * The cut points the rule declares: `fixed` as given; `terciles` as the 1/3 and 2/3 quantiles
 * (`percentile_disc`: the value at row ⌈f·n⌉ of the sorted base) of recency days, purchase count and
 * total value over the clients with a purchase, as of `asOf`. An empty base cuts at 0.
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
  const [row] = await db
    .select({
      r1: quantile(days, '1/3'),
      r2: quantile(days, '2/3'),
      f1: quantile(clientFacts.purchaseCount, '1/3'),
      f2: quantile(clientFacts.purchaseCount, '2/3'),
      m1: quantile(clientFacts.totalValue, '1/3'),
      m2: quantile(clientFacts.totalValue, '2/3'),
    })
    .from(clientFacts)
    .where(gt(clientFacts.purchaseCount, 0));
  return {
    recencyDays: pair(row?.r1, row?.r2),
    purchaseCount: pair(row?.f1, row?.f2),
    totalValue: pair(row?.m1, row?.m2),
  };
}
