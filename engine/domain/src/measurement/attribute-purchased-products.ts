import { sql } from 'drizzle-orm';
import { PRODUCT_MATCHES, type ProductMatch } from '@touchpoint/language';
import type { Executor } from '@touchpoint/db';
import { classifyGoalPurchaseLinesQuery } from './classify-goal-purchase-lines-query';
import { getScopeEnrollmentsQuery } from './converted-enrollments-query';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

export type ProductAttribution = Record<ProductMatch, { lines: number; purchases: number; revenue: number }>;

/**
 * Product attribution of the converted enrollments in scope (seed 000; docs/metrics.md): lines,
 * distinct purchases and revenue of their goal purchases by how each line relates to the offered
 * product (`classifyGoalPurchaseLinesQuery`, the definition the rollups share).
 */
export async function attributePurchasedProducts(
  db: Executor,
  scope: ReportScope,
): Promise<ProductAttribution> {
  const rows = await selectRows<{ match: ProductMatch; lines: number; purchases: number; revenue: string }>(
    db,
    sql`with s as (${getScopeEnrollmentsQuery(scope)}),
      ${classifyGoalPurchaseLinesQuery({ enrollments: sql`s`, messages: sql`messages` })}
      select match, count(*)::int as lines, count(distinct purchase_id)::int as purchases,
        sum(revenue)::text as revenue
      from classified group by match`,
  );
  const result = Object.fromEntries(
    PRODUCT_MATCHES.map((match) => [match, { lines: 0, purchases: 0, revenue: 0 }]),
  ) as ProductAttribution;
  for (const row of rows)
    result[row.match] = { lines: row.lines, purchases: row.purchases, revenue: Number(row.revenue) };
  return result;
}
