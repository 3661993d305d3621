import { z } from 'zod';
import { FunnelTaxonomy } from '../funnel-taxonomy';
import { ATTRIBUTION_MODES, PRODUCT_MATCHES } from '../vocabulary';

// `GET /v1/journeys/:id/report` and the funnel taxonomy it is computed with. Every field carries its
// meaning; docs/metrics.md gives each as a formula over stored rows.
const int = (what: string) => z.number().int().describe(what);
const rate = (what: string) => z.number().nullable().describe(what);
const seconds = (what: string) => z.number().nullable().describe(`${what}, in seconds (null: no conversion)`);

export const ConversionTimes = z.object({
  conversions: int('converted enrollments measured'),
  medianSeconds: seconds('median time to convert'),
  p75Seconds: seconds('75th percentile (linear interpolation)'),
  p90Seconds: seconds('90th percentile (linear interpolation)'),
});
export type ConversionTimes = z.infer<typeof ConversionTimes>;

export const HistogramBin = z.object({
  fromDay: int('bin start in days, inclusive'),
  toDay: z.number().int().nullable().describe('bin end in days, exclusive (null: open)'),
  conversions: int('converted enrollments whose time to convert falls in the bin'),
});
export type HistogramBin = z.infer<typeof HistogramBin>;

export const ActionCount = z.object({
  action: z.string().describe('taxonomy action'),
  count: int('enrollments with this action claimed by one of the node’s messages'),
  rate: rate('count ÷ sent (null: nothing sent)'),
});

/** One drawn step's funnel: reached, delivered, each action (count, rate of sent), conversions. */
export const NodeFunnel = z.object({
  reached: int('enrollments that visited the node (a period: entered in it)'),
  sent: int('enrollments the node sent a message (a period: entered in it)'),
  delivered: int('enrollments with a message of the node delivered, opened or clicked'),
  actions: z.array(ActionCount).describe('each funnel action, shallowest first'),
  converted: int('enrollments that visited the node and reached the goal (a period: entered in it)'),
  medianSecondsToConvert: seconds('median from the first visit to the node to the goal'),
});
export type NodeFunnel = z.infer<typeof NodeFunnel>;

export const WeeklyEngagement = z.object({
  week: z.string().describe('Monday 00:00 UTC of the ISO week the messages were sent'),
  reached: int('clients sent a message in scope that week'),
  engaged: int('of them, clients with an action claimed by one of that week’s messages'),
  rate: z.number().describe('engaged ÷ reached'),
});
export type WeeklyEngagement = z.infer<typeof WeeklyEngagement>;

export const CurvePoint = z.object({
  day: int('whole days since the client’s first message in scope'),
  clients: int('clients with the target action by that day'),
  share: z.number().describe('clients ÷ all clients with the target action'),
});
export type CurvePoint = z.infer<typeof CurvePoint>;

export const ProductFigures = z.object({
  lines: int('goal purchase lines'),
  purchases: int('distinct goal purchases with such a line'),
  revenue: z.number().describe('sum of quantity × unit price of those lines'),
});

/** Where a report's (or `/stats`') numbers came from and how current the rollups are. */
export const ReportSource = z
  .object({
    servedFrom: z.enum(['rollups', 'raw']).describe('rollup counters, or a scan of the stored rows'),
    rawReason: z
      .enum(['period', 'rebuilding', 'otherTaxonomy', 'refreshFailed'])
      .nullable()
      .describe(
        'why stored rows were scanned: a period not of whole UTC days, a rebuild running, an older taxonomy, ' +
          'a failed catch-up',
      ),
    pendingClients: int('clients whose stored changes are not yet in the rollups (up to 2,001)'),
    oldestPendingAt: z.string().nullable().describe('when the oldest of them changed (null: none pending)'),
    taxonomyVersion: int('the taxonomy version the rollups are kept for'),
    isReady: z.boolean().describe('the rollups’ taxonomy figures are complete (false while rebuilding)'),
    isBaseReady: z.boolean().describe('the taxonomy-free figures have been built for every client'),
  })
  .describe('docs/metrics.md, “Rollups”: staleness and source of the figures');

export const JourneyReport = z
  .object({
    journeyId: z.string().describe('the journey reported on'),
    version: z.number().int().nullable().describe('the version reported on (null: every version)'),
    node: z.string().nullable().describe('the drawn node whose messages engagement is about (null: all)'),
    from: z.string().nullable().describe('start of the period, inclusive (null: open)'),
    to: z.string().nullable().describe('end of the period, exclusive (null: open)'),
    attribution: z.enum(ATTRIBUTION_MODES).describe('which qualifying message claims an action'),
    taxonomyVersion: int('the funnel taxonomy version the figures were computed with'),
    totals: z
      .object({
        enrolled: int('enrollments entered in the period'),
        active: int('of them still running'),
        converted: int('of them that reached the goal'),
        failed: int('of them whose run failed for good'),
        holdout: int('of them held out (never messaged)'),
      })
      .describe('the journey list’s totals (equal to `/stats` totals)'),
    engagement: z
      .object({
        reached: int('clients sent at least one message in scope (a period: first sent in it)'),
        engaged: int('reached clients with at least one action claimed by a message in scope'),
        rate: rate('ER = engaged ÷ reached (null: nobody reached)'),
        deepest: z
          .array(
            z.object({
              action: z.string().describe('taxonomy action'),
              clients: int('clients whose deepest claimed action is this one'),
            }),
          )
          .describe('the breakdown of engaged clients by deepest action, shallowest first'),
      })
      .describe('engagement rate of the communications in scope'),
    weekly: z.array(WeeklyEngagement).describe('ER over time, per week of sending'),
    curve: z
      .object({
        target: z.string().describe('the target action (default: the taxonomy’s deepest)'),
        clients: int('clients with the target action claimed by a message in scope'),
        points: z.array(CurvePoint).describe('the cumulative curve, one point per day'),
        day80: z.number().int().nullable().describe('first day by which 80 % had the target action'),
      })
      .describe('when the target action comes, so an analyst knows when a campaign can be judged'),
    nodes: z.record(z.string(), NodeFunnel).describe('the per-node funnel, keyed by drawn node id'),
    timeToConvert: z
      .object({
        fromEntry: ConversionTimes.extend({
          histogram: z.array(HistogramBin).describe('histogram of time to convert from entry'),
        }).describe('from entry to the goal, for converted enrollments entered in the period'),
        fromNode: z.record(z.string(), ConversionTimes).describe('from the first visit of each drawn node'),
      })
      .describe('time to convert'),
    products: z
      .record(z.enum(PRODUCT_MATCHES), ProductFigures)
      .describe('product attribution of goal purchases: the offered product, its category, other, no offer'),
    source: ReportSource,
  })
  .describe('every figure of the report, for the period, version and taxonomy asked for');
export type JourneyReport = z.infer<typeof JourneyReport>;

/** `GET`/`PUT /v1/funnel-taxonomy`: one saved version of the taxonomy the reports are computed with. */
export const FunnelTaxonomyResponse = z
  .object({
    version: z.number().int().describe('the taxonomy’s number: 1 is seed 000’s defaults, each save adds one'),
    actions: FunnelTaxonomy.describe('the funnel’s actions, shallowest first (order is depth)'),
    savedAt: z.string().nullable().describe('when this version was saved (null: the built-in defaults)'),
  })
  .describe('one version of the funnel taxonomy');
export type FunnelTaxonomyResponse = z.infer<typeof FunnelTaxonomyResponse>;

export const PutFunnelTaxonomyBody = z.strictObject({
  actions: FunnelTaxonomy.describe('the new funnel, shallowest action first'),
});
