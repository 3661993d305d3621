import { LIFECYCLE_STAGES } from '@touchpoint/language';
import { z } from 'zod';

/**
 * The business's segmentation rules, as configuration (`GET`/`PUT /v1/segmentation`). RFM: each of R, F
 * and M scores 1…3 (3 best: most recent, most frequent, highest value) by two cut points per dimension.
 * The lifecycle grid: seed 004's rows (purchase count 1…5+) × columns (days since the last purchase),
 * and the named regions of the grid as stages.
 */

/** Two ascending cut points `[low, high]`: a value ≤ low is the worst third, ≤ high the middle one. */
export const CutPoints = z
  .tuple([z.number().finite().min(0), z.number().finite().min(0)])
  .refine(([low, high]) => low <= high, { message: 'the first cut point must not exceed the second' });
export type CutPoints = z.infer<typeof CutPoints>;

/**
 * How the RFM cut points are chosen: `terciles` of the current base (the 1/3 and 2/3 quantiles,
 * PostgreSQL's `percentile_disc`, of the clients with a purchase, taken by every full recompute), or
 * `fixed` thresholds the business declares. Recency is in whole days since the last purchase (fewer is
 * better), frequency the purchase count, monetary the total value.
 */
export const RfmCutRule = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('terciles').describe('cut at the 1/3 and 2/3 quantiles of the base') })
      .describe('cut points from the current base, taken by every full recompute'),
    z
      .strictObject({
        kind: z.literal('fixed').describe('cut at the thresholds given here'),
        recencyDays: CutPoints.describe('days since the last purchase [low, high] (fewer is better)'),
        purchaseCount: CutPoints.describe('purchase count [low, high]'),
        totalValue: CutPoints.describe('total purchase value [low, high]'),
      })
      .describe('cut points the business declares'),
  ])
  .describe('how the RFM cut points are chosen: terciles of the base or fixed thresholds');
export type RfmCutRule = z.infer<typeof RfmCutRule>;

/** The cut points a classification uses, whatever rule produced them. */
export const RfmCutPointSet = z.object({
  recencyDays: CutPoints.describe('days since the last purchase [low, high] (fewer is better)'),
  purchaseCount: CutPoints.describe('purchase count [low, high]'),
  totalValue: CutPoints.describe('total purchase value [low, high]'),
});
export type RfmCutPointSet = z.infer<typeof RfmCutPointSet>;

export { LIFECYCLE_STAGES };
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

const Count = z.number().int().min(0).max(1_000_000);

/** One named region of the grid: purchase counts and days (both bounds inclusive; null = no upper bound). */
export const LifecycleRegion = z
  .strictObject({
    stage: LifecycleStage.describe('the stage (segment key) this region names'),
    minPurchases: Count.min(1).describe('fewest purchases, inclusive'),
    maxPurchases: Count.min(1).nullable().describe('most purchases, inclusive (null: no upper bound)'),
    minDays: Count.describe('fewest days since the last purchase, inclusive'),
    maxDays: Count.nullable().describe('most days since the last purchase, inclusive (null: no upper bound)'),
  })
  .refine((r) => r.maxPurchases === null || r.maxPurchases >= r.minPurchases, {
    message: 'maxPurchases must not be below minPurchases',
    path: ['maxPurchases'],
  })
  .refine((r) => r.maxDays === null || r.maxDays >= r.minDays, {
    message: 'maxDays must not be below minDays',
    path: ['maxDays'],
  });
export type LifecycleRegion = z.infer<typeof LifecycleRegion>;

/**
 * The grid: `dayColumns` are the columns' inclusive upper bounds in days (a last column "more" follows),
 * `purchaseRows` the number of rows (the last is "n or more"), `regions` the stages, first match wins.
 */
export const LifecycleGrid = z.strictObject({
  dayColumns: z
    .array(Count)
    .min(1)
    .max(50)
    .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), {
      message: 'day columns must ascend',
    })
    .describe('each column’s inclusive upper bound in days since the last purchase, ascending'),
  purchaseRows: z
    .number()
    .int()
    .min(1)
    .max(50)
    .describe('rows by purchase count, 1…n (the last is "n or more")'),
  regions: z.array(LifecycleRegion).min(1).max(100).describe('the stages as regions; first match wins'),
});
export type LifecycleGrid = z.infer<typeof LifecycleGrid>;

export const SegmentationSettings = z.strictObject({
  rfm: RfmCutRule,
  lifecycle: LifecycleGrid.describe('the lifecycle grid: purchase rows × day columns, regions as stages'),
});
export type SegmentationSettings = z.infer<typeof SegmentationSettings>;

/**
 * Seed 004's grid with its default boundaries. The slide draws the regions without numbers, so these are
 * ours, documented in ARCHITECTURE.md and editable: one or two purchases are `new` for 90 days, then
 * `former-new`; three or more are `best` for 90 days, `highest-potential` from 91 to 180 days (the
 * slide's "discounts only here, depending on the response": drifting but still worth an offer), and
 * `former-best` after that.
 */
export const DEFAULT_LIFECYCLE_GRID: LifecycleGrid = {
  dayColumns: [30, 60, 90, 120, 180, 270, 360, 450],
  purchaseRows: 5,
  regions: [
    { stage: 'new', minPurchases: 1, maxPurchases: 2, minDays: 0, maxDays: 90 },
    { stage: 'former-new', minPurchases: 1, maxPurchases: 2, minDays: 91, maxDays: null },
    { stage: 'best', minPurchases: 3, maxPurchases: null, minDays: 0, maxDays: 90 },
    { stage: 'highest-potential', minPurchases: 3, maxPurchases: null, minDays: 91, maxDays: 180 },
    { stage: 'former-best', minPurchases: 3, maxPurchases: null, minDays: 181, maxDays: null },
  ],
};

export const DEFAULT_SEGMENTATION_SETTINGS: SegmentationSettings = {
  rfm: { kind: 'terciles' },
  lifecycle: DEFAULT_LIFECYCLE_GRID,
};
