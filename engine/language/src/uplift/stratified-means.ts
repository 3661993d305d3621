import { isComparable, relativeUplift } from './estimate';
import type { UpliftEstimate } from './estimate';
import { studentTQuantile, twoSidedStudentP } from './student-t';

/**
 * One arm of one stratum as sums, so a rollup can keep it: clients, Σ value, Σ value². Revenue per
 * client counts every client of the arm, buyers or not (zeros included).
 */
export interface MeanArm {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export interface MeanStratum {
  treated: MeanArm;
  control: MeanArm;
}

function sampleVariance(arm: MeanArm): number {
  if (arm.n < 2) return 0;
  const mean = arm.sum / arm.n;
  return Math.max(0, (arm.sumOfSquares - arm.n * mean * mean) / (arm.n - 1));
}

/**
 * The post-stratified difference of means with Welch's interval: each stratum's mean difference
 * weighted by w = Nₛ / N; Var = Σ w² (sₜ²/nₜ + s꜀²/n꜀), each arm keeping its own variance (no pooling,
 * heavy-tailed revenue rarely has equal spreads); the degrees of freedom by Welch–Satterthwaite over all
 * the variance terms, the interval and p-value from Student's t on them.
 */
export function estimateStratifiedMeans(
  strata: readonly MeanStratum[],
  confidence = 0.95,
): UpliftEstimate & { clients: number; degreesOfFreedom: number } {
  const used = strata.filter(isComparable);
  const total = used.reduce((sum, s) => sum + s.treated.n + s.control.n, 0);
  let treated = 0;
  let control = 0;
  let varianceTreated = 0;
  let varianceControl = 0;
  let dfDenominator = 0;
  for (const s of used) {
    const w = (s.treated.n + s.control.n) / total;
    treated += (w * s.treated.sum) / s.treated.n;
    control += (w * s.control.sum) / s.control.n;
    const vt = (w * w * sampleVariance(s.treated)) / s.treated.n;
    const vc = (w * w * sampleVariance(s.control)) / s.control.n;
    varianceTreated += vt;
    varianceControl += vc;
    if (s.treated.n > 1) dfDenominator += (vt * vt) / (s.treated.n - 1);
    if (s.control.n > 1) dfDenominator += (vc * vc) / (s.control.n - 1);
  }
  const variance = varianceTreated + varianceControl;
  const degreesOfFreedom = dfDenominator === 0 ? Infinity : (variance * variance) / dfDenominator;
  const critical = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
  const absolute = treated - control;
  const standardError = Math.sqrt(variance);
  const pValue =
    total === 0 || standardError === 0
      ? absolute === 0 || total === 0
        ? 1
        : 0
      : twoSidedStudentP(absolute / standardError, degreesOfFreedom);
  return {
    clients: total,
    degreesOfFreedom,
    treated,
    control,
    absolute,
    absoluteInterval: [absolute - critical * standardError, absolute + critical * standardError],
    ...relativeUplift(treated, control, varianceTreated, varianceControl, critical),
    standardError,
    pValue,
  };
}
