import { z } from 'zod';
import { JourneyTotals } from './schemas';

/**
 * What the builder reads from the measurement routes (`GET /v1/journeys/:id/report`,
 * `GET`/`PUT /v1/funnel-taxonomy`), mirroring their OpenAPI (engine/src/api/routes/journey-report,
 * funnel-taxonomy). Kept in one file so it moves whole when the shared contracts get their package.
 * docs/metrics.md defines every figure.
 */

// The builder may not import db/; test/src/builder/report-contract.test.ts keeps these lists equal to
// db/src/measurement's.
/** Which qualifying message claims an action (the report's `attribution`). */
export const ATTRIBUTION_MODES = ['last', 'first', 'every'] as const;
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number];

/** How a goal purchase's product relates to the offer of the message it is attributed to. */
export const PRODUCT_MATCHES = ['sameProduct', 'sameCategory', 'otherProduct', 'noOffer'] as const;
export type ProductMatch = (typeof PRODUCT_MATCHES)[number];

/** One funnel action of the taxonomy: name, EN/RU labels, measurement window, the events producing it. */
export const FunnelActionRule = z.object({
  action: z.string(),
  labels: z.object({ en: z.string(), ru: z.string() }),
  windowDays: z.number().int(),
  eventTypes: z.array(z.string()),
});
export type FunnelActionRule = z.infer<typeof FunnelActionRule>;

/** A saved taxonomy version; order of `actions` is depth (shallowest first). */
export const FunnelTaxonomyVersion = z.object({
  version: z.number().int(),
  actions: z.array(FunnelActionRule),
  savedAt: z.string().nullable(),
});
export type FunnelTaxonomyVersion = z.infer<typeof FunnelTaxonomyVersion>;

const ConversionTimes = z.object({
  conversions: z.number().int(),
  medianSeconds: z.number().nullable(),
  p75Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
export type ConversionTimes = z.infer<typeof ConversionTimes>;

export const HistogramBin = z.object({
  fromDay: z.number().int(),
  toDay: z.number().int().nullable(),
  conversions: z.number().int(),
});
export type HistogramBin = z.infer<typeof HistogramBin>;

export const ActionCount = z.object({
  action: z.string(),
  count: z.number().int(),
  rate: z.number().nullable(),
});

/** One drawn step's funnel: reached, delivered, each action (count, rate of sent), conversions. */
export const NodeFunnel = z.object({
  reached: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  actions: z.array(ActionCount),
  converted: z.number().int(),
  medianSecondsToConvert: z.number().nullable(),
});
export type NodeFunnel = z.infer<typeof NodeFunnel>;

export const WeeklyEngagement = z.object({
  week: z.string(),
  reached: z.number().int(),
  engaged: z.number().int(),
  rate: z.number(),
});
export type WeeklyEngagement = z.infer<typeof WeeklyEngagement>;

export const CurvePoint = z.object({ day: z.number().int(), clients: z.number().int(), share: z.number() });
export type CurvePoint = z.infer<typeof CurvePoint>;

export const ProductFigures = z.object({
  lines: z.number().int(),
  purchases: z.number().int(),
  revenue: z.number(),
});

export const JourneyReport = z.object({
  journeyId: z.string(),
  version: z.number().int().nullable(),
  node: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  attribution: z.enum(ATTRIBUTION_MODES),
  taxonomyVersion: z.number().int(),
  totals: JourneyTotals,
  engagement: z.object({
    reached: z.number().int(),
    engaged: z.number().int(),
    rate: z.number().nullable(),
    deepest: z.array(z.object({ action: z.string(), clients: z.number().int() })),
  }),
  weekly: z.array(WeeklyEngagement),
  curve: z.object({
    target: z.string(),
    clients: z.number().int(),
    points: z.array(CurvePoint),
    day80: z.number().int().nullable(),
  }),
  nodes: z.record(z.string(), NodeFunnel),
  timeToConvert: z.object({
    fromEntry: ConversionTimes.extend({ histogram: z.array(HistogramBin) }),
    fromNode: z.record(z.string(), ConversionTimes),
  }),
  products: z.record(z.enum(PRODUCT_MATCHES), ProductFigures),
});
export type JourneyReport = z.infer<typeof JourneyReport>;

/** The report's query: every field optional, as the server defaults them. */
export interface ReportQuery {
  version?: number;
  from?: string;
  to?: string;
  attribution?: AttributionMode;
  target?: string;
  taxonomyVersion?: number;
}
