import { isComparable, relativeUplift } from './estimate';
import type { UpliftEstimate } from './estimate';
import { normalQuantile, twoSidedNormalP } from './normal';

/** One stratum's counts: clients and those who did the action, per arm. */
export interface ProportionStratum {
  treated: { n: number; events: number };
  control: { n: number; events: number };
}

/**
 * The post-stratified difference of proportions: each stratum's difference p̂ₜ − p̂꜀ weighted by its
 * share of all compared clients, w = Nₛ / N, so a stratum that happens to hold more controls
 * cannot tilt the answer. Var = Σ w² (p̂ₜ(1−p̂ₜ)/nₜ + p̂꜀(1−p̂꜀)/n꜀); Wald interval; the p-value is
 * that of the z statistic. Strata with an empty arm are left out (merge small strata first).
 */
export function estimateStratifiedProportions(
  strata: readonly ProportionStratum[],
  confidence = 0.95,
): UpliftEstimate & { clients: number } {
  const used = strata.filter(isComparable);
  const total = used.reduce((sum, s) => sum + s.treated.n + s.control.n, 0);
  let treated = 0;
  let control = 0;
  let varianceTreated = 0;
  let varianceControl = 0;
  for (const s of used) {
    const w = (s.treated.n + s.control.n) / total;
    const pt = s.treated.events / s.treated.n;
    const pc = s.control.events / s.control.n;
    treated += w * pt;
    control += w * pc;
    varianceTreated += (w * w * pt * (1 - pt)) / s.treated.n;
    varianceControl += (w * w * pc * (1 - pc)) / s.control.n;
  }
  const critical = normalQuantile(1 - (1 - confidence) / 2);
  const absolute = treated - control;
  const standardError = Math.sqrt(varianceTreated + varianceControl);
  const pValue =
    total === 0
      ? 1
      : standardError === 0
        ? absolute === 0
          ? 1
          : 0
        : twoSidedNormalP(absolute / standardError);
  return {
    clients: total,
    treated,
    control,
    absolute,
    absoluteInterval: [absolute - critical * standardError, absolute + critical * standardError],
    ...relativeUplift(treated, control, varianceTreated, varianceControl, critical),
    standardError,
    pValue: total === 0 ? 1 : pValue,
  };
}

/**
 * The Cochran–Mantel–Haenszel test of "no difference in any stratum" (without continuity correction):
 * χ² = (Σ (aₛ − E aₛ))² / Σ Var aₛ with aₛ the treated events, on one degree of freedom. Reported beside
 * the post-stratified estimate as the classic check; its p-value agrees with the estimate's when the
 * strata's effects share one sign.
 */
export function cochranMantelHaenszel(strata: readonly ProportionStratum[]): {
  chiSquare: number;
  pValue: number;
} {
  let deviation = 0;
  let variance = 0;
  for (const s of strata.filter(isComparable)) {
    const n = s.treated.n + s.control.n;
    const events = s.treated.events + s.control.events;
    if (n < 2) continue;
    deviation += s.treated.events - (s.treated.n * events) / n;
    variance += (s.treated.n * s.control.n * events * (n - events)) / (n * n * (n - 1));
  }
  if (variance === 0) return { chiSquare: 0, pValue: 1 };
  const chiSquare = (deviation * deviation) / variance;
  return { chiSquare, pValue: twoSidedNormalP(Math.sqrt(chiSquare)) };
}
