import {
  minimumDetectableEffect,
  requiredAudience,
  stratumFactorName,
  type HoldoutStratum,
} from '@touchpoint/language';

/** What the marketer types into the planner, in the units the form shows (percent, clients). */
export interface PlannerInput {
  /** Holdout share, percent (0–50). */
  sharePercent: number;
  /** Clients expected to enter over the test. */
  audience: number;
  /** The action's rate without the journey, percent. */
  baseRatePercent: number;
  /** The relative lift the test is planned to detect, percent (10 = +10 %). */
  plannedLiftPercent: number;
}

/** The planner's two answers; null where the input cannot give one (no holdout, rate 0 or 100 %). */
export interface PlannerAnswer {
  /** The smallest relative lift the expected audience can detect (0.12 = +12 %). */
  detectableLift: number | null;
  /** The base rate the detectable lift would move the treated clients to. */
  detectableRate: number | null;
  /** Clients who must enter to detect the planned lift. */
  requiredClients: number | null;
}

const isUsable = (value: number) => Number.isFinite(value) && value > 0;

/**
 * The planner as the settings form shows it (docs/metrics.md, "Planner"): the minimum detectable effect
 * for the expected audience, and the reverse, the audience the planned lift needs, at α 0.05 and power 0.8.
 */
export function planFromInput(input: PlannerInput): PlannerAnswer {
  const share = input.sharePercent / 100;
  const baseRate = input.baseRatePercent / 100;
  if (!(share > 0 && share < 1) || !(baseRate > 0 && baseRate < 1)) {
    return { detectableLift: null, detectableRate: null, requiredClients: null };
  }
  const mde = isUsable(input.audience)
    ? minimumDetectableEffect({ share, audience: input.audience, baseRate })
    : null;
  const detectableLift = mde && Number.isFinite(mde.relative) ? mde.relative : null;
  const required = isUsable(input.plannedLiftPercent)
    ? requiredAudience({ share, baseRate, relativeEffect: input.plannedLiftPercent / 100 })
    : Infinity;
  return {
    detectableLift,
    detectableRate: detectableLift === null ? null : baseRate * (1 + detectableLift),
    requiredClients: Number.isFinite(required) ? required : null,
  };
}

/**
 * Parses the bucket bounds the marketer types (`100, 500` or `100; 500`): ascending numbers, or null
 * when the text is not that, so the form can mark it.
 */
export function parseBounds(text: string): number[] | null {
  const parts = text
    .split(/[;,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0 || parts.length > 9) return null;
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  return numbers.every((n, i) => i === 0 || n > numbers[i - 1]!) ? numbers : null;
}

/** Whether `candidate` may join `strata`: at most four factors, each once. */
export function canAddStratum(strata: readonly HoldoutStratum[], candidate: HoldoutStratum): boolean {
  return strata.length < 4 && !strata.some((s) => stratumFactorName(s) === stratumFactorName(candidate));
}
