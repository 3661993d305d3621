import { sql, type SQL } from 'drizzle-orm';

/**
 * The one definition of product attribution (seed 000; docs/metrics.md, "Product attribution"),
 * shared by the read-time report and the rollups so the two cannot drift. Given two relations —
 * `enrollments` (id, client_id, journey_id, journey_version, entered_at, is_converted) and `messages`
 * (id, enrollment_id, sent_at not null, content) — it defines the CTEs:
 * - `goal`: a converted enrollment's goal purchase, the client's earliest purchase after entry;
 * - `offered`: the product the enrollment's latest message sent at or before it offered
 *   (`content.offer.offerId`, the offer's key or id; `offers.product_sku` as the catalog holds it now:
 *   a message keeps the reference, not a copy);
 * - `classified`: each line of the goal purchase as the offered product, another product of its
 *   category, another product, or without an offer to compare (client_id, journey_id,
 *   journey_version, enrolled_at — the enrollment's entry, which puts it in a period —, purchase_id,
 *   revenue, match).
 */
export function classifyGoalPurchaseLinesQuery(relations: { enrollments: SQL; messages: SQL }): SQL {
  return sql`
    goal as (
      select distinct on (s.id) s.id as enrollment_id, s.client_id, s.journey_id, s.journey_version,
        s.entered_at as enrolled_at, p.id as purchase_id, p.purchased_at
      from ${relations.enrollments} s
      join purchases p on p.client_id = s.client_id and p.purchased_at > s.entered_at
      where s.is_converted order by s.id, p.purchased_at, p.id
    ),
    message_offers as (
      select m.id, m.enrollment_id, m.sent_at, o.product_sku as sku
      from ${relations.messages} m
      join offers o on o.key = m.content->'offer'->>'offerId' or o.id::text = m.content->'offer'->>'offerId'
      where m.sent_at is not null and o.product_sku is not null
    ),
    offered as (
      select distinct on (g.purchase_id, g.enrollment_id) g.enrollment_id, g.purchase_id, mo.sku
      from goal g join message_offers mo on mo.enrollment_id = g.enrollment_id and mo.sent_at <= g.purchased_at
      order by g.purchase_id, g.enrollment_id, mo.sent_at desc, mo.id
    ),
    classified as (
      select g.client_id, g.journey_id, g.journey_version, g.enrolled_at, g.purchase_id,
        l.quantity * l.unit_price as revenue,
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
    )`;
}
