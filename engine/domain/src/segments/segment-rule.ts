import { SEGMENT_ATTRIBUTE_OPS, SEGMENT_COMPARISONS, SEGMENT_FACTS } from '@touchpoint/language';
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
export { SEGMENT_FACTS };
export const SegmentFact = z.enum(SEGMENT_FACTS);
export type SegmentFact = z.infer<typeof SegmentFact>;

export const Comparison = z.enum(SEGMENT_COMPARISONS);
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
  z
    .strictObject({
      kind: z.literal('fact').describe('compare a numeric client fact'),
      fact: SegmentFact.describe('the fact: client_facts figures, or an RFM score 1…3 (3 best)'),
      op: Comparison.describe('how the fact compares with value'),
      value: z.number().finite().describe('the number compared with'),
    })
    .describe('a numeric fact of the client (a client without one never matches)'),
  /** Seed 004's smart trigger: the wait since the last purchase exceeds the mean interval. */
  z
    .strictObject({
      kind: z.literal('overdue').describe('the smart trigger of seed 004'),
      is: z.boolean().default(true).describe('true (default): overdue; false: not overdue'),
    })
    .describe('the wait since the last purchase exceeds the client’s mean interval'),
  z
    .strictObject({
      kind: z.literal('rfmCell').describe('membership of RFM cells'),
      in: z
        .array(z.string().regex(/^R[1-3]F[1-3]M[1-3]$/, 'an RFM cell such as R1F3M3'))
        .min(1)
        .max(27)
        .describe('the cells, such as R3F3M3 (scores 1…3, 3 best); any of them matches'),
    })
    .describe('the client’s RFM cell is one of these'),
  z
    .strictObject({
      kind: z.literal('lifecycleStage').describe('membership of lifecycle stages'),
      in: z.array(LifecycleStage).min(1).describe('the stages; any of them matches'),
    })
    .describe('the client’s lifecycle stage is one of these'),
  z
    .strictObject({
      kind: z.literal('attribute').describe('compare a client attribute'),
      key: Text.describe('the attribute’s key'),
      op: z
        .enum(SEGMENT_ATTRIBUTE_OPS)
        .describe('how the attribute compares with value; exists: the client has the attribute'),
      value: z
        .union([AttributeValue, z.array(AttributeValue).min(1).max(1000)])
        .optional()
        .describe('the value compared with: a list for in, a number for lt…gte, none for exists'),
    })
    .describe('an attribute of the client')
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
  z
    .strictObject({
      kind: z.literal('tag').describe('whether the client has a tag'),
      tag: Text.describe('the tag'),
      has: z.boolean().default(true).describe('true (default): has it; false: has not'),
    })
    .describe('a tag of the client'),
  /** The client did (or did not) record `type` at least `minCount` times in the last `withinDays` days. */
  z
    .strictObject({
      kind: z.literal('event').describe('what the client did lately'),
      type: Text.describe('the event type, such as purchase'),
      performed: z.boolean().default(true).describe('true (default): did it; false: did not'),
      withinDays: z.number().int().min(1).max(36_500).describe('the look-back window, in days'),
      minCount: z
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .default(1)
        .describe('how many times at least (default 1)'),
    })
    .describe('the client recorded an event type at least minCount times in the last withinDays days'),
  /** Membership of another segment as of its last recompute (an RFM cell, a stage, a saved segment). */
  z
    .strictObject({
      kind: z.literal('segment').describe('membership of another segment'),
      segment: SegmentKey.describe('the other segment’s key (an RFM cell, a stage, a saved segment)'),
      isMember: z.boolean().default(true).describe('true (default): a member; false: not a member'),
    })
    .describe('membership of another segment as of its last recompute'),
] as const;

type LeafRule = z.infer<(typeof leafRules)[number]>;

/** One rule: a leaf condition, or `and` / `or` of rules, or `not` a rule. */
export type SegmentRule =
  | LeafRule
  | { kind: 'and'; rules: SegmentRule[] }
  | { kind: 'or'; rules: SegmentRule[] }
  | { kind: 'not'; rule: SegmentRule };

// Recursive, so the type is written out once above and the schema checked against it. Its `id` makes it
// one OpenAPI component that refers to itself (without one, the document's `$ref` would point nowhere).
export const SegmentRule: z.ZodType<SegmentRule> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      ...leafRules,
      z
        .strictObject({
          kind: z.literal('and').describe('every rule must match'),
          rules: z.array(SegmentRule).min(1).max(100).describe('the rules combined'),
        })
        .describe('all of the rules'),
      z
        .strictObject({
          kind: z.literal('or').describe('one rule is enough'),
          rules: z.array(SegmentRule).min(1).max(100).describe('the rules combined'),
        })
        .describe('any of the rules'),
      z
        .strictObject({
          kind: z.literal('not').describe('the rule must not match'),
          rule: SegmentRule,
        })
        .describe('the opposite of a rule'),
    ]),
  )
  .meta({
    id: 'SegmentRule',
    description: 'a segment rule: a condition on the client, or and / or / not of rules (by kind)',
  });

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
