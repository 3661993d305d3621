import { z } from 'zod';
import { UpliftFigure } from './schemas';

/**
 * What the builder reads from `GET /v1/journeys/:id/uplift` (engine/src/api/routes/journey-uplift),
 * the fields the canvas and the report page show; the server may add more. docs/metrics.md
 * ("Uplift") defines every figure.
 */
const WelchFigure = UpliftFigure.extend({ degreesOfFreedom: z.number().nullable() });

export const UpliftStratumFigures = z.object({
  stratum: z.string(),
  treatedClients: z.number().int(),
  controlClients: z.number().int(),
  heldOutShare: z.number(),
  goal: UpliftFigure,
  revenuePerClient: WelchFigure,
});
export type UpliftStratumFigures = z.infer<typeof UpliftStratumFigures>;

export const JourneyUpliftAnswer = z.object({
  journeyId: z.string(),
  version: z.number().int().nullable(),
  node: z.string().nullable(),
  holdout: z.object({ share: z.number(), minimumDetectableEffect: z.number() }).nullable(),
  treatedClients: z.number().int(),
  controlClients: z.number().int(),
  requiredClients: z.number().nullable(),
  enoughData: z.boolean(),
  goal: UpliftFigure,
  revenuePerClient: WelchFigure,
  /** Spend before joining, treated vs control: the split's balance check. */
  pastSpendBalance: UpliftFigure,
  strata: z.array(UpliftStratumFigures),
});
export type JourneyUpliftAnswer = z.infer<typeof JourneyUpliftAnswer>;
