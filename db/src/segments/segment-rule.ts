import { z } from 'zod';
import { LifecycleStage } from './segmentation-settings';

/**
 * The rule language of saved segments: conditions over a client's facts, attributes, tags, events and
 * other segments, combined with and / or / not. Compiled to one SQL condition (`compileSegmentRule`) so
 * an estimate over a million clients is one query.
 */

/**
 * Numeric client facts. `recencyScore`, `frequencyScore` and `monetaryScore` are the client's RFM
 * scores (1…3, 3 best) from their `rfmCell`; the rest come from `client_facts`. A client without
 * purchases has `purchaseCount` and `totalValue` 0 and no value for the others (never matches them).
 */
export const SEGMENT_FACTS = [
  'purchaseCount',
  'totalValue',
  'averageValue',
  'daysSinceLastPurchase',
  'meanIntervalDays',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
] as const;
export const SegmentFact = z.enum(SEGMENT_FACTS);
export type SegmentFact = z.infer<typeof SegmentFact>;

export const Comparison = z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
export type Comparison = z.infer<typeof Comparison>;

/** Segment keys: what journeys name. Letters, digits, `-`, `_`, `.`, `:`; up to 100 characters. */
export const SegmentKey = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/,
    'letters, digits, "-", "_", "." or ":", starting with a letter or digit',
  );

const Text = z.string().min(1).max(200);
const AttributeValue = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

const leafRules = [
  z.strictObject({ kind: z.literal('fact'), fact: SegmentFact, op: Comparison, value: z.number().finite() }),
  /** Seed 004's smart trigger: the wait since the last purchase exceeds the mean interval. */
  z.strictObject({ kind: z.literal('overdue'), is: z.boolean().default(true) }),
  z.strictObject({
    kind: z.literal('rfmCell'),
    in: z
      .array(z.string().regex(/^R[1-3]F[1-3]M[1-3]$/, 'an RFM cell such as R1F3M3'))
      .min(1)
      .max(27),
  }),
  z.strictObject({ kind: z.literal('lifecycleStage'), in: z.array(LifecycleStage).min(1) }),
  z
    .strictObject({
      kind: z.literal('attribute'),
      key: Text,
      op: z.enum(['eq', 'ne', 'in', 'exists', 'lt', 'lte', 'gt', 'gte']),
      value: z.union([AttributeValue, z.array(AttributeValue).min(1).max(1000)]).optional(),
    })
    .refine((rule) => rule.op === 'exists' || rule.value !== undefined, {
      message: 'value is required unless op is "exists"',
      path: ['value'],
    })
    .refine((rule) => (rule.op === 'in') === Array.isArray(rule.value) || rule.op === 'exists', {
      message: 'value is a list exactly when op is "in"',
      path: ['value'],
    })
    .refine((rule) => !['lt', 'lte', 'gt', 'gte'].includes(rule.op) || typeof rule.value === 'number', {
      message: 'value must be a number for lt, lte, gt and gte',
      path: ['value'],
    }),
  z.strictObject({ kind: z.literal('tag'), tag: Text, has: z.boolean().default(true) }),
  /** The client did (or did not) record `type` at least `minCount` times in the last `withinDays` days. */
  z.strictObject({
    kind: z.literal('event'),
    type: Text,
    performed: z.boolean().default(true),
    withinDays: z.number().int().min(1).max(36_500),
    minCount: z.number().int().min(1).max(1_000_000).default(1),
  }),
  /** Membership of another segment as of its last recompute (an RFM cell, a stage, a saved segment). */
  z.strictObject({ kind: z.literal('segment'), segment: SegmentKey, isMember: z.boolean().default(true) }),
] as const;

type LeafRule = z.infer<(typeof leafRules)[number]>;

/** One rule: a leaf condition, or `and` / `or` of rules, or `not` a rule. */
export type SegmentRule =
  | LeafRule
  | { kind: 'and'; rules: SegmentRule[] }
  | { kind: 'or'; rules: SegmentRule[] }
  | { kind: 'not'; rule: SegmentRule };

// Recursive, so the type is written out once above and the schema checked against it.
export const SegmentRule: z.ZodType<SegmentRule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    ...leafRules,
    z.strictObject({ kind: z.literal('and'), rules: z.array(SegmentRule).min(1).max(100) }),
    z.strictObject({ kind: z.literal('or'), rules: z.array(SegmentRule).min(1).max(100) }),
    z.strictObject({ kind: z.literal('not'), rule: SegmentRule }),
  ]),
);

/** Keys of the other segments a rule reads, to refuse a rule that names itself or an unknown one. */
export function segmentsReadBy(rule: SegmentRule): string[] {
  switch (rule.kind) {
    case 'segment':
      return [rule.segment];
    case 'and':
    case 'or':
      return rule.rules.flatMap(segmentsReadBy);
    case 'not':
      return segmentsReadBy(rule.rule);
    default:
      return [];
  }
}
