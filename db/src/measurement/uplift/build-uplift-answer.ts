import {
  estimateStratifiedMeans,
  estimateStratifiedProportions,
  mergeSmallStrata,
  requiredAudience,
} from '@touchpoint/language';
import type { UpliftEstimate } from '@touchpoint/language';
import type { UpliftCell } from './count-uplift-arms';

/** Strata whose smaller arm has fewer clients than this are merged by their leading attribute. */
export const MIN_CLIENTS_PER_ARM = 10;

interface Arm {
  n: number;
  converted: number;
  acted: number;
  revenue: number;
  revenueSquares: number;
  pastSpend: number;
  pastSpendSquares: number;
}
interface Stratum {
  key: string;
  treated: Arm;
  control: Arm;
}

const emptyArm = (): Arm => ({
  n: 0,
  converted: 0,
  acted: 0,
  revenue: 0,
  revenueSquares: 0,
  pastSpend: 0,
  pastSpendSquares: 0,
});
const addArms = (a: Arm, b: Arm): Arm => ({
  n: a.n + b.n,
  converted: a.converted + b.converted,
  acted: a.acted + b.acted,
  revenue: a.revenue + b.revenue,
  revenueSquares: a.revenueSquares + b.revenueSquares,
  pastSpend: a.pastSpend + b.pastSpend,
  pastSpendSquares: a.pastSpendSquares + b.pastSpendSquares,
});

/** One stratum's figures for the forest plot and the balance report. */
export interface UpliftStratumAnswer {
  stratum: string;
  treatedClients: number;
  controlClients: number;
  /** control / (treated + control): the realised holdout share. */
  heldOutShare: number;
  goal: UpliftEstimate;
  action: UpliftEstimate | null;
  revenuePerClient: UpliftEstimate & { degreesOfFreedom: number };
}

export interface UpliftAnswer {
  treatedClients: number;
  controlClients: number;
  /** The planner's audience for the planned lift at the observed control rate; null when unknown. */
  requiredClients: number | null;
  /** False until `requiredClients` have entered: the figures are shown as "not enough data yet". */
  enoughData: boolean;
  goal: UpliftEstimate;
  action: UpliftEstimate | null;
  revenuePerClient: UpliftEstimate & { degreesOfFreedom: number };
  /** Pre-entry spend, treated vs control: a balance check (a small p-value flags an unbalanced split). */
  pastSpendBalance: UpliftEstimate;
  /** The strata as estimated (small ones merged), for the forest plot. */
  strata: UpliftStratumAnswer[];
}

const proportionOf = (s: Stratum, field: 'converted' | 'acted') => ({
  treated: { n: s.treated.n, events: s.treated[field] },
  control: { n: s.control.n, events: s.control[field] },
});
const meanOf = (s: Stratum, field: 'revenue' | 'pastSpend') => {
  const squares = field === 'revenue' ? 'revenueSquares' : 'pastSpendSquares';
  return {
    treated: { n: s.treated.n, sum: s.treated[field], sumOfSquares: s.treated[squares] },
    control: { n: s.control.n, sum: s.control[field], sumOfSquares: s.control[squares] },
  };
};

/**
 * The uplift answer from the (stratum, arm) cells: small strata merged, then the post-stratified
 * difference of proportions for the goal and the action, stratified Welch for revenue per client
 * (docs/metrics.md, "Uplift"). Pure, so the API and an independent recount can be compared.
 */
export function buildUpliftAnswer(
  cells: readonly UpliftCell[],
  plan: { share: number; minimumDetectableEffect: number },
  withAction: boolean,
): UpliftAnswer {
  const byKey = new Map<string, Stratum>();
  for (const cell of cells) {
    const stratum = byKey.get(cell.stratum) ?? {
      key: cell.stratum,
      treated: emptyArm(),
      control: emptyArm(),
    };
    const arm: Arm = {
      n: cell.clients,
      converted: cell.converted,
      acted: cell.acted,
      revenue: cell.revenue,
      revenueSquares: cell.revenueSquares,
      pastSpend: cell.pastSpend,
      pastSpendSquares: cell.pastSpendSquares,
    };
    if (cell.control) stratum.control = addArms(stratum.control, arm);
    else stratum.treated = addArms(stratum.treated, arm);
    byKey.set(cell.stratum, stratum);
  }
  const strata = mergeSmallStrata([...byKey.values()], MIN_CLIENTS_PER_ARM, (a, b, key) => ({
    key,
    treated: addArms(a.treated, b.treated),
    control: addArms(a.control, b.control),
  }));
  const treatedClients = strata.reduce((sum, s) => sum + s.treated.n, 0);
  const controlClients = strata.reduce((sum, s) => sum + s.control.n, 0);
  const goal = estimateStratifiedProportions(strata.map((s) => proportionOf(s, 'converted')));
  const baseRate = goal.control > 0 ? goal.control : goal.treated;
  const requiredClients =
    baseRate > 0 && baseRate < 1
      ? requiredAudience({ share: plan.share, baseRate, relativeEffect: plan.minimumDetectableEffect })
      : null;
  return {
    treatedClients,
    controlClients,
    requiredClients,
    enoughData:
      requiredClients !== null && treatedClients + controlClients >= requiredClients && controlClients > 0,
    goal: strip(goal),
    action: withAction
      ? strip(estimateStratifiedProportions(strata.map((s) => proportionOf(s, 'acted'))))
      : null,
    revenuePerClient: strip(estimateStratifiedMeans(strata.map((s) => meanOf(s, 'revenue')))),
    pastSpendBalance: strip(estimateStratifiedMeans(strata.map((s) => meanOf(s, 'pastSpend')))),
    strata: strata.map((s) => ({
      stratum: s.key,
      treatedClients: s.treated.n,
      controlClients: s.control.n,
      heldOutShare: s.control.n / Math.max(1, s.treated.n + s.control.n),
      goal: strip(estimateStratifiedProportions([proportionOf(s, 'converted')])),
      action: withAction ? strip(estimateStratifiedProportions([proportionOf(s, 'acted')])) : null,
      revenuePerClient: strip(estimateStratifiedMeans([meanOf(s, 'revenue')])),
    })),
  };
}

// The estimators also say how many clients they compared; the answer states that once, per arm.
function strip<T extends UpliftEstimate & { clients: number }>(estimate: T): Omit<T, 'clients'> {
  const { clients: _clients, ...rest } = estimate;
  return rest;
}
