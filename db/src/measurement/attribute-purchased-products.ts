import { sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { getScopeEnrollmentsQuery } from './converted-enrollments-query';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** How a goal purchase's line relates to the product its communication offered. */
export const PRODUCT_MATCHES = ['sameProduct', 'sameCategory', 'otherProduct', 'noOffer'] as const;
export type ProductMatch = (typeof PRODUCT_MATCHES)[number];

export type ProductAttribution = Record<ProductMatch, { lines: number; purchases: number; revenue: number }>;

/**
 * Product attribution (seed 000; docs/metrics.md): a converted enrollment's goal purchase is the
 * client's earliest purchase after entry; its communication is the enrollment's latest message sent at
 * or before it whose offer (`content.offer.offerId`, the offer's key or id) names a product
 * (`offers.product_sku`, as the catalog holds it now: a message keeps the reference, not a copy). Each line of the purchase is the
 * offered product, another product of its category, another product, or has no offer to compare.
 */
export async function attributePurchasedProducts(
  db: Executor,
  scope: ReportScope,
): Promise<ProductAttribution> {
  const rows = await selectRows<{ match: ProductMatch; lines: number; purchases: number; revenue: string }>(
    db,
    sql`with s as (${getScopeEnrollmentsQuery(scope)}),
      goal as (
        select distinct on (s.id) s.id as enrollment_id, p.id as purchase_id, p.purchased_at
        from s join purchases p on p.client_id = s.client_id and p.purchased_at > s.entered_at
        where s.is_converted
        order by s.id, p.purchased_at, p.id
      ),
      message_offers as (
        select m.id, m.enrollment_id, m.sent_at, o.product_sku as sku
        from messages m
        join offers o on o.key = m.content->'offer'->>'offerId' or o.id::text = m.content->'offer'->>'offerId'
        where m.sent_at is not null and o.product_sku is not null
      ),
      offered as (
        select distinct on (g.purchase_id, g.enrollment_id) g.enrollment_id, g.purchase_id, mo.sku
        from goal g join message_offers mo on mo.enrollment_id = g.enrollment_id
          and mo.sent_at <= g.purchased_at
        order by g.purchase_id, g.enrollment_id, mo.sent_at desc, mo.id
      ),
      classified as (
        select g.purchase_id, l.quantity * l.unit_price as revenue,
          case
            when o.sku is null then 'noOffer'
            when l.sku = o.sku then 'sameProduct'
            when bought.category is not null and bought.category = offered_product.category then 'sameCategory'
            else 'otherProduct'
          end as match
        from goal g
        join purchase_lines l on l.purchase_id = g.purchase_id
        left join offered o on o.enrollment_id = g.enrollment_id
        left join products bought on bought.sku = l.sku
        left join products offered_product on offered_product.sku = o.sku
      )
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
