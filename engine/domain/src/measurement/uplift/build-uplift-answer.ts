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
  engaged: number;
  actedBy: Record<string, number>;
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
  engaged: 0,
  actedBy: {},
  revenue: 0,
  revenueSquares: 0,
  pastSpend: 0,
  pastSpendSquares: 0,
});
const addArms = (a: Arm, b: Arm): Arm => ({
  n: a.n + b.n,
  converted: a.converted + b.converted,
  engaged: a.engaged + b.engaged,
  actedBy: addCounts(a.actedBy, b.actedBy),
  revenue: a.revenue + b.revenue,
  revenueSquares: a.revenueSquares + b.revenueSquares,
  pastSpend: a.pastSpend + b.pastSpend,
  pastSpendSquares: a.pastSpendSquares + b.pastSpendSquares,
});

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [name, n] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + n;
  return sum;
}

/** One funnel action's uplift (every action of the taxonomy, in its order). */
export interface UpliftActionAnswer {
  action: string;
  estimate: UpliftEstimate;
}

/** One stratum's figures for the forest plot and the balance report. */
export interface UpliftStratumAnswer {
  stratum: string;
  treatedClients: number;
  controlClients: number;
  /** control / (treated + control): the realised holdout share. */
  heldOutShare: number;
  goal: UpliftEstimate;
  action: UpliftEstimate | null;
  /** ER: any action of the taxonomy within its window after entry. */
  engagement: UpliftEstimate;
  actions: UpliftActionAnswer[];
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
  /** ER: any action of the taxonomy within its window after entry. */
  engagement: UpliftEstimate;
  /** Every funnel action of the taxonomy (seed 000: small segments judge by a lower-order action). */
  actions: UpliftActionAnswer[];
  revenuePerClient: UpliftEstimate & { degreesOfFreedom: number };
  /** Pre-entry spend, treated vs control: a balance check (a small p-value flags an unbalanced split). */
  pastSpendBalance: UpliftEstimate;
  /** The strata as estimated (small ones merged), for the forest plot. */
  strata: UpliftStratumAnswer[];
}

/** The events of one figure in an arm: a column, or one action's count. */
type Counted = 'converted' | 'engaged' | { action: string };
const eventsOf = (arm: Arm, what: Counted) =>
  typeof what === 'string' ? arm[what] : (arm.actedBy[what.action] ?? 0);
const proportionOf = (s: Stratum, what: Counted) => ({
  treated: { n: s.treated.n, events: eventsOf(s.treated, what) },
  control: { n: s.control.n, events: eventsOf(s.control, what) },
});
const proportions = (strata: readonly Stratum[], what: Counted) =>
  strip(estimateStratifiedProportions(strata.map((s) => proportionOf(s, what))));
const meanOf = (s: Stratum, field: 'revenue' | 'pastSpend') => {
  const squares = field === 'revenue' ? 'revenueSquares' : 'pastSpendSquares';
  return {
    treated: { n: s.treated.n, sum: s.treated[field], sumOfSquares: s.treated[squares] },
    control: { n: s.control.n, sum: s.control[field], sumOfSquares: s.control[squares] },
  };
};

/**
 * The uplift answer from the (stratum, arm) cells: small strata merged, then the post-stratified
 * difference of proportions for the goal, ER and every funnel action (`measured.actions`, in taxonomy
 * order; `measured.action` once more on its own), stratified Welch for revenue per client
 * (docs/metrics.md, "Uplift"). Pure, so the API and an independent recount can be compared.
 */
export function buildUpliftAnswer(
  cells: readonly UpliftCell[],
  plan: { share: number; minimumDetectableEffect: number },
  measured: { action: string | null; actions: readonly string[] },
): UpliftAnswer {
  const byKey = new Map<string, Stratum>();
  // One order whichever road counted the cells (raw rows or rollups), so their sums add up alike.
  const ordered = [...cells].sort((a, b) =>
    a.stratum === b.stratum ? Number(a.control) - Number(b.control) : a.stratum < b.stratum ? -1 : 1,
  );
  for (const cell of ordered) {
    const stratum = byKey.get(cell.stratum) ?? {
      key: cell.stratum,
      treated: emptyArm(),
      control: emptyArm(),
    };
    const arm: Arm = {
      n: cell.clients,
      converted: cell.converted,
      engaged: cell.engaged,
      actedBy: cell.actedBy,
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
  const action = measured.action;
  const figuresOf = (list: readonly Stratum[]) => ({
    action: action === null ? null : proportions(list, { action }),
    engagement: proportions(list, 'engaged'),
    actions: measured.actions.map((name) => ({
      action: name,
      estimate: proportions(list, { action: name }),
    })),
  });
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
    ...figuresOf(strata),
    revenuePerClient: strip(estimateStratifiedMeans(strata.map((s) => meanOf(s, 'revenue')))),
    pastSpendBalance: strip(estimateStratifiedMeans(strata.map((s) => meanOf(s, 'pastSpend')))),
    strata: strata.map((s) => ({
      stratum: s.key,
      treatedClients: s.treated.n,
      controlClients: s.control.n,
      heldOutShare: s.control.n / Math.max(1, s.treated.n + s.control.n),
      goal: proportions([s], 'converted'),
      ...figuresOf([s]),
      revenuePerClient: strip(estimateStratifiedMeans([meanOf(s, 'revenue')])),
    })),
  };
}

// The estimators also say how many clients they compared; the answer states that once, per arm.
function strip<T extends UpliftEstimate & { clients: number }>(estimate: T): Omit<T, 'clients'> {
  const { clients: _clients, ...rest } = estimate;
  return rest;
}
