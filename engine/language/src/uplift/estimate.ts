/** What every uplift estimator answers: treated vs control, the difference, its 95 % interval and p. */
export interface UpliftEstimate {
  /** Stratum-weighted rate (or mean) of the treated arm. */
  treated: number;
  /** Stratum-weighted rate (or mean) of the control arm, on the same weights. */
  control: number;
  /** treated − control. */
  absolute: number;
  /** The interval of `absolute` at the requested confidence. */
  absoluteInterval: [number, number];
  /** treated / control − 1; null when the control figure is 0. */
  relative: number | null;
  /** Delta-method interval of `relative`; null when the control figure is 0. */
  relativeInterval: [number, number] | null;
  /** Standard error of `absolute`. */
  standardError: number;
  /** Two-sided p-value of "no difference". */
  pValue: number;
}

/** Strata with an empty arm cannot be compared inside themselves; estimators skip them (merge first). */
export function isComparable(arms: { treated: { n: number }; control: { n: number } }): boolean {
  return arms.treated.n > 0 && arms.control.n > 0;
}

/**
 * The relative uplift R − 1 = T/C − 1 with the delta method: Var(T/C) ≈ (T/C)² (Var T / T² + Var C / C²)
 * (T and C independent arms), on the same critical value as the absolute interval.
 */
export function relativeUplift(
  treated: number,
  control: number,
  varianceTreated: number,
  varianceControl: number,
  critical: number,
): { relative: number | null; relativeInterval: [number, number] | null } {
  if (control === 0) return { relative: null, relativeInterval: null };
  const ratio = treated / control;
  const relTerm = treated === 0 ? 0 : varianceTreated / (treated * treated);
  const se = Math.sqrt(ratio * ratio * (relTerm + varianceControl / (control * control)));
  // With no treated events the ratio's delta method collapses; fall back to the treated arm's own spread.
  const spread = treated === 0 ? Math.sqrt(varianceTreated) / control : se;
  return {
    relative: ratio - 1,
    relativeInterval: [ratio - 1 - critical * spread, ratio - 1 + critical * spread],
  };
}
