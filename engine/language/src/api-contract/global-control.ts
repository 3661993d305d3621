import { z } from 'zod';
import { MAX_HOLDOUT_SHARE } from '../holdout';

/**
 * The global control group's shapes (`GET`/`PUT /v1/global-control`, `GET /v1/global-control/report`):
 * the server declares its responses with these schemas and the builder parses with them, so they
 * cannot disagree. docs/metrics.md ("Global control report") defines every figure.
 */

const Interval = (what: string) =>
  z.tuple([z.number().describe('lower bound'), z.number().describe('upper bound')]).describe(what);

/** Treated vs control for one figure: the estimators' answer (`UpliftEstimate`), every field described. */
export const UpliftFigure = z
  .object({
    treated: z.number().describe('the treated arm’s rate (or mean per client)'),
    control: z.number().describe('the control arm’s rate (or mean per client)'),
    absolute: z.number().describe('absolute uplift: treated − control'),
    absoluteInterval: Interval('95 % confidence interval of the absolute uplift'),
    relative: z
      .number()
      .nullable()
      .describe('relative uplift: treated / control − 1; null when control is 0'),
    relativeInterval: Interval('95 % interval of the relative uplift (delta method)')
      .nullable()
      .describe('95 % interval of the relative uplift (delta method); null when control is 0'),
    standardError: z.number().describe('standard error of the absolute uplift'),
    pValue: z.number().describe('two-sided p-value of no difference'),
  })
  .describe('treated vs control for one figure');
export type UpliftFigure = z.infer<typeof UpliftFigure>;

export const GlobalControlSettingAnswer = z
  .object({
    share: z.number().describe('share of all clients kept out of every promotional journey (0–0.5)'),
    startedAt: z
      .string()
      .nullable()
      .describe('when the group began (the share last rose from 0); null when never set'),
    updatedAt: z.string().nullable().describe('when the share was last set; null when never set'),
  })
  .describe('the global control group’s setting');
export type GlobalControlSettingAnswer = z.infer<typeof GlobalControlSettingAnswer>;

export const PutGlobalControlBody = z.strictObject({
  share: z
    .number()
    .min(0)
    .max(MAX_HOLDOUT_SHARE)
    .describe('share of clients to keep out of every promotional journey, 0 (none) to 0.5'),
});

export const GlobalControlJourney = z
  .object({
    journeyId: z.string().describe('the journey'),
    name: z.string().describe('the journey’s name'),
    purpose: z
      .string()
      .describe('the current version’s purpose: promotional, or transactional (exempt from the group)'),
    treatedEnrollments: z
      .number()
      .int()
      .describe('enrollments of globally assigned clients the global group did not hold out'),
    globalControlEnrollments: z
      .number()
      .int()
      .describe('enrollments the global group held out (walked in shadow, nothing sent)'),
  })
  .describe('one journey’s enrollments of clients in the global experiment');

export const GlobalControlReport = z
  .object({
    share: z.number().describe('the global control share now set'),
    startedAt: z.string().nullable().describe('when the group began; null when never set'),
    revenueDays: z.number().int().describe('days after a client’s assignment whose purchases count'),
    treatedClients: z.number().int().describe('assigned clients not held out: reached by marketing'),
    controlClients: z.number().int().describe('assigned clients kept out of every promotional journey'),
    treatedRevenue: z.number().describe('Σ purchase value of the treated clients in their window'),
    revenuePerClient: UpliftFigure.extend({
      degreesOfFreedom: z
        .number()
        .nullable()
        .describe('Welch–Satterthwaite degrees of freedom; null when unbounded (no spread)'),
    }).describe('revenue per client, treated vs control, Welch’s interval'),
    buyers: UpliftFigure.describe('share of clients who bought in their window, treated vs control'),
    incrementalRevenue: z
      .number()
      .describe('what all promotional journeys added: revenue-per-client uplift × treated clients'),
    incrementalRevenueInterval: Interval('95 % interval of the incremental revenue'),
    requiredClients: z
      .number()
      .nullable()
      .describe('the planner’s audience to detect +10 % buyers at the control rate; null: unknown yet'),
    enoughData: z.boolean().describe('false until requiredClients are assigned: “not enough data yet”'),
    journeys: z.array(GlobalControlJourney).describe('per journey, its enrollments of assigned clients'),
  })
  .describe('all marketing’s incremental revenue against the global control group');
export type GlobalControlReport = z.infer<typeof GlobalControlReport>;
