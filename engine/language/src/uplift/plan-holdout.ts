import { normalQuantile } from './normal';

/** What the planner needs: the holdout share, the audience expected over the test, its base rate. */
export interface HoldoutPlan {
  /** Share of the audience held out, 0 < share < 1. */
  share: number;
  /** Clients expected to enter during the test (both arms). */
  audience: number;
  /** The control rate expected (the action's rate without the journey), 0 < baseRate < 1. */
  baseRate: number;
  /** Two-sided significance level; 0.05 unless told. */
  alpha?: number;
  /** Power to detect the effect; 0.8 unless told. */
  power?: number;
}

function criticalSum(alpha = 0.05, power = 0.8): number {
  return normalQuantile(1 - alpha / 2) + normalQuantile(power);
}

/**
 * The minimum detectable effect, absolute (in rate points) and relative to the base rate: the smallest
 * true difference a two-sided z test at `alpha` finds with probability `power`, by the normal
 * approximation with the base rate's variance in both arms:
 * MDE = (z₁₋α/₂ + z_power) · √(p(1−p) · (1/n_treated + 1/n_control)).
 */
export function minimumDetectableEffect(plan: HoldoutPlan): { absolute: number; relative: number } {
  const control = plan.audience * plan.share;
  const treated = plan.audience - control;
  if (control <= 0 || treated <= 0) return { absolute: Infinity, relative: Infinity };
  const p = plan.baseRate;
  const absolute = criticalSum(plan.alpha, plan.power) * Math.sqrt(p * (1 - p) * (1 / treated + 1 / control));
  return { absolute, relative: absolute / p };
}

/**
 * The reverse: the audience (both arms) needed to detect a relative effect `relativeEffect` (0.1 = +10 %
 * over the base rate) with the same test. Rounded up to whole clients.
 */
export function requiredAudience(plan: Omit<HoldoutPlan, 'audience'> & { relativeEffect: number }): number {
  const p = plan.baseRate;
  const delta = plan.relativeEffect * p;
  if (!(delta > 0) || !(plan.share > 0 && plan.share < 1)) return Infinity;
  const k = criticalSum(plan.alpha, plan.power);
  return Math.ceil((k * k * p * (1 - p) * (1 / (1 - plan.share) + 1 / plan.share)) / (delta * delta));
}
