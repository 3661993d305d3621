import {
  estimateStratifiedMeans,
  estimateStratifiedProportions,
  requiredAudience,
} from '@touchpoint/language';
import type { UpliftEstimate } from '@touchpoint/language';
import type { GlobalControlArms } from './count-global-control-arms';

/** The relative lift in revenue per client the global report's "enough data" is planned for. */
export const GLOBAL_PLANNED_LIFT = 0.1;

export interface GlobalControlFigures {
  treatedClients: number;
  controlClients: number;
  /** Σ revenue of the treated arm in the window. */
  treatedRevenue: number;
  /** Revenue per client, treated vs control (Welch, one stratum: the group is not stratified). */
  revenuePerClient: UpliftEstimate & { degreesOfFreedom: number };
  /** Share of clients who bought in the window, treated vs control. */
  buyers: UpliftEstimate;
  /** (treated − control revenue per client) × treated clients, with the interval scaled the same way. */
  incrementalRevenue: number;
  incrementalRevenueInterval: [number, number];
  /** The planner's audience for +10 % buyers at the observed control rate; null when unknown yet. */
  requiredClients: number | null;
  enoughData: boolean;
}

/**
 * The global control report from the two arms' sums (docs/metrics.md, "Global control report"). Pure,
 * so the API and an independent recount of the rows can be compared.
 */
export function buildGlobalControlReport(arms: GlobalControlArms, share: number): GlobalControlFigures {
  const { treated, control } = arms;
  const revenue = estimateStratifiedMeans([
    {
      treated: { n: treated.clients, sum: treated.revenue, sumOfSquares: treated.revenueSquares },
      control: { n: control.clients, sum: control.revenue, sumOfSquares: control.revenueSquares },
    },
  ]);
  const buyers = estimateStratifiedProportions([
    {
      treated: { n: treated.clients, events: treated.buyers },
      control: { n: control.clients, events: control.buyers },
    },
  ]);
  const baseRate = buyers.control > 0 ? buyers.control : buyers.treated;
  const requiredClients =
    baseRate > 0 && baseRate < 1 && share > 0 && share < 1
      ? requiredAudience({ share, baseRate, relativeEffect: GLOBAL_PLANNED_LIFT })
      : null;
  const { clients: _r, ...revenuePerClient } = revenue;
  const { clients: _b, ...buyerFigures } = buyers;
  return {
    treatedClients: treated.clients,
    controlClients: control.clients,
    treatedRevenue: treated.revenue,
    revenuePerClient,
    buyers: buyerFigures,
    incrementalRevenue: revenue.absolute * treated.clients,
    incrementalRevenueInterval: [
      revenue.absoluteInterval[0] * treated.clients,
      revenue.absoluteInterval[1] * treated.clients,
    ],
    requiredClients,
    enoughData:
      requiredClients !== null && control.clients > 0 && treated.clients + control.clients >= requiredClients,
  };
}
