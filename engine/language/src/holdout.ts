import { z } from 'zod';

/** The largest share a journey may hold out: beyond half, the journey would be the experiment's minority. */
export const MAX_HOLDOUT_SHARE = 0.5;

/** The client facts a stratum may bucket (numbers kept per client by the purchase refresh). */
export const STRATUM_FACTS = ['purchaseCount', 'totalValue', 'averageValue'] as const;
export type StratumFact = (typeof STRATUM_FACTS)[number];

/** The segment families whose cell a stratum may use (written by the segmentation job). */
export const STRATUM_SEGMENT_FAMILIES = ['rfmCell', 'lifecycleStage'] as const;
export type StratumSegmentFamily = (typeof STRATUM_SEGMENT_FAMILIES)[number];

/**
 * One factor the control group is balanced on (seed 000: the factors that drive revenue): a client
 * attribute from the CRM (`region`), a segment family's cell (`rfmCell`, `lifecycleStage`), or a fact
 * cut into buckets at ascending `bounds` (`totalValue` at [100, 500] → `<100`, `100–500`, `≥500`).
 */
export const HoldoutStratum = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('attribute'),
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'an attribute name: letters, digits, _ . - (1–64)'),
  }),
  z.strictObject({ kind: z.literal('segmentFamily'), family: z.enum(STRATUM_SEGMENT_FAMILIES) }),
  z.strictObject({
    kind: z.literal('factBucket'),
    fact: z.enum(STRATUM_FACTS),
    bounds: z
      .array(z.number().finite())
      .min(1)
      .max(9)
      .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), 'bounds must be strictly ascending'),
  }),
]);
export type HoldoutStratum = z.infer<typeof HoldoutStratum>;

/** The name a stratum factor has in a stratum key (`region`, `rfmCell`, `totalValue`). */
export function stratumFactorName(stratum: HoldoutStratum): string {
  switch (stratum.kind) {
    case 'attribute':
      return stratum.name;
    case 'segmentFamily':
      return stratum.family;
    case 'factBucket':
      return stratum.fact;
    default: {
      const unhandled: never = stratum;
      throw new Error(`Unknown stratum ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The bucket label of a fact value: `<b₀`, `bᵢ–bᵢ₊₁`, `≥bₙ`; null stays null (no facts yet). */
export function factBucketLabel(bounds: readonly number[], value: number | null): string | null {
  if (value === null) return null;
  if (value < bounds[0]!) return `<${bounds[0]}`;
  for (let i = 1; i < bounds.length; i += 1) if (value < bounds[i]!) return `${bounds[i - 1]}–${bounds[i]}`;
  return `≥${bounds[bounds.length - 1]}`;
}

/**
 * A journey's control group: `share` of its entrants (0–50 %) walk the journey in shadow (every send
 * recorded as held out, none delivered), balanced within each stratum. The assignment is keyed by the
 * journey and `experiment` (default `default`): versions share it, so a client keeps their group
 * across versions; naming a new experiment starts a fresh assignment. `minimumDetectableEffect` is the
 * relative lift the test is planned to detect; uplift says "not enough data yet" until the planner's
 * audience for it at the observed base rate has entered.
 */
export const JourneyHoldout = z.strictObject({
  share: z.number().min(0).max(MAX_HOLDOUT_SHARE),
  strata: z
    .array(HoldoutStratum)
    .max(4)
    .default([])
    .refine(
      (list) => new Set(list.map(stratumFactorName)).size === list.length,
      'each stratum factor may be listed once',
    ),
  experiment: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'an experiment name: letters, digits, _ . - (1–64)')
    .default('default'),
  minimumDetectableEffect: z.number().gt(0).max(10).default(0.1),
});
export type JourneyHoldout = z.infer<typeof JourneyHoldout>;

/**
 * What the journey is for: `promotional` (the default) obeys the global control group; `transactional`
 * journeys (receipts, password resets) are exempt from it, since holding them back would hurt service.
 */
export const JOURNEY_PURPOSES = ['promotional', 'transactional'] as const;
export type JourneyPurpose = (typeof JOURNEY_PURPOSES)[number];

/** The experiment key of a journey's holdout: the journey and the experiment's name. */
export function journeyExperimentKey(journeyId: string, holdout: Pick<JourneyHoldout, 'experiment'>): string {
  return `journey:${journeyId}:${holdout.experiment}`;
}

/** The experiment key of the global control group. */
export const GLOBAL_EXPERIMENT_KEY = 'global';
