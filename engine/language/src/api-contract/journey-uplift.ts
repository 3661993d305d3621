import { z } from 'zod';
import { UpliftFigure } from './global-control';
import { ReportSource } from './journey-report';

// `GET /v1/journeys/:id/uplift`; docs/metrics.md ("Uplift") defines every figure.

/** One estimator's answer (post-stratified proportions or stratified Welch): the contract's figure, stratum-weighted. */
export const UpliftEstimateResponse = UpliftFigure.extend({
  treated: z.number().describe('the treated arm’s stratum-weighted rate (or mean per client)'),
  control: z.number().describe('the control arm’s rate (or mean) on the same stratum weights'),
}).describe('treated vs control for one figure');

const WelchEstimate = UpliftEstimateResponse.extend({
  degreesOfFreedom: z
    .number()
    .nullable()
    .describe('Welch–Satterthwaite degrees of freedom; null when unbounded (no spread)'),
}).describe('treated vs control revenue per client, Welch’s interval');

/** One funnel action's uplift: every action of the current taxonomy, in its order. */
const UpliftAction = z
  .object({
    action: z.string().describe('the action’s name in the taxonomy'),
    labels: z
      .object({ en: z.string().describe('English label'), ru: z.string().describe('Russian label') })
      .describe('the action’s labels'),
    estimate: UpliftEstimateResponse.describe(
      'enrollments that did the action within its window, treated vs control',
    ),
  })
  .describe('one funnel action, treated vs control (post-stratified difference of proportions)');

const Actions = z.array(UpliftAction).describe('every funnel action of the current taxonomy, in its order');
const Engagement = UpliftEstimateResponse.describe(
  'ER: enrollments that did any funnel action within its window after entry, treated vs control',
);

export const UpliftSource = ReportSource.extend({
  rawReason: z
    .enum(['period', 'revenueDays', 'rebuilding', 'otherTaxonomy', 'refreshFailed'])
    .nullable()
    .describe(
      'why stored rows were counted: a period, a revenue window other than 30 days, a rebuild running, ' +
        'a taxonomy the rollups are not kept for yet, a failed catch-up',
    ),
}).describe('docs/metrics.md, “Uplift rollups”: where the cells came from and how current they are');

export const UpliftStratum = z
  .object({
    stratum: z
      .string()
      .describe('the stratum key (`rfmCell=R1F1M1|region=EU`; `*` where merged; empty: all)'),
    treatedClients: z.number().int().describe('treated enrollments in the stratum'),
    controlClients: z.number().int().describe('held-out enrollments in the stratum'),
    heldOutShare: z.number().describe('control / (treated + control) in the stratum'),
    goal: UpliftEstimateResponse.describe('goal conversion, treated vs control, in this stratum'),
    action: UpliftEstimateResponse.nullable().describe(
      'the funnel action in this stratum; null when none asked',
    ),
    engagement: Engagement,
    actions: Actions,
    revenuePerClient: WelchEstimate.describe('revenue per client in this stratum'),
  })
  .describe('one stratum (small strata merged by their leading attribute)');

export const JourneyUplift = z
  .object({
    journeyId: z.string().describe('the journey'),
    version: z.number().int().nullable().describe('the version asked for; null: all versions'),
    node: z.string().nullable().describe('the drawn node asked for; null: the whole journey'),
    from: z.string().nullable().describe('entered from, inclusive (null: open)'),
    to: z.string().nullable().describe('entered before, exclusive (null: open)'),
    taxonomyVersion: z.number().int().describe('the funnel taxonomy the actions and ER are counted with'),
    actionName: z.string().nullable().describe('the funnel action measured beside the goal; null when none'),
    revenueDays: z.number().int().describe('days after entry whose purchases count as revenue'),
    holdout: z
      .object({
        share: z.number().describe('the holdout share of the version read (0–0.5)'),
        minimumDetectableEffect: z.number().describe('the relative lift the test is planned to detect'),
      })
      .nullable()
      .describe('the holdout setting; null when no version of the scope has one'),
    treatedClients: z.number().int().describe('treated enrollments compared'),
    controlClients: z.number().int().describe('held-out enrollments compared (the journey’s own holdout)'),
    requiredClients: z
      .number()
      .nullable()
      .describe(
        'the planner’s audience for the planned lift at the observed control rate; null: unknown yet',
      ),
    enoughData: z.boolean().describe('false until requiredClients have entered: show “not enough data yet”'),
    goal: UpliftEstimateResponse.describe(
      'goal conversion uplift (post-stratified difference of proportions)',
    ),
    action: UpliftEstimateResponse.nullable().describe('the funnel action’s uplift; null when none asked'),
    engagement: Engagement,
    actions: Actions,
    revenuePerClient: WelchEstimate.describe('revenue per client uplift (post-stratified, Welch)'),
    pastSpendBalance: UpliftEstimateResponse.describe(
      'balance check: pre-entry spend treated vs control (should not differ)',
    ),
    strata: z.array(UpliftStratum).describe('per stratum, for the forest plot and the balance report'),
    source: UpliftSource,
  })
  .describe('a journey’s uplift against its holdout (docs/metrics.md, “Uplift”)');
export type JourneyUplift = z.infer<typeof JourneyUplift>;
export type UpliftStratum = z.infer<typeof UpliftStratum>;
