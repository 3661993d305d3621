import { seededRandom } from './seeded-random';

/** One stratum's raw values (revenue per client, zeros included) per arm. */
export interface ValueStratum {
  treated: readonly number[];
  control: readonly number[];
}

/**
 * A percentile bootstrap of the post-stratified difference of means: each resample redraws every arm
 * of every stratum with replacement at its own size (so stratum weights stay fixed), with a fixed seed
 * so the same data always gives the same interval. It assumes nothing about the tails, which is why it
 * is offered beside Welch for revenue, whose few large orders make the normal shape doubtful.
 */
export function bootstrapStratifiedMeans(
  strata: readonly ValueStratum[],
  options: { resamples?: number; seed?: number; confidence?: number } = {},
): { absolute: number; absoluteInterval: [number, number]; resamples: number; seed: number } {
  const resamples = options.resamples ?? 2000;
  const seed = options.seed ?? 20260401;
  const confidence = options.confidence ?? 0.95;
  const used = strata.filter((s) => s.treated.length > 0 && s.control.length > 0);
  const total = used.reduce((sum, s) => sum + s.treated.length + s.control.length, 0);
  const weights = used.map((s) => (s.treated.length + s.control.length) / total);
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const absolute = used.reduce((sum, s, i) => sum + weights[i]! * (mean(s.treated) - mean(s.control)), 0);
  const random = seededRandom(seed);
  const resampledMean = (values: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < values.length; i += 1) sum += values[Math.floor(random() * values.length)]!;
    return sum / values.length;
  };
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) {
    let difference = 0;
    used.forEach((s, i) => {
      difference += weights[i]! * (resampledMean(s.treated) - resampledMean(s.control));
    });
    draws[r] = difference;
  }
  draws.sort();
  const alpha = (1 - confidence) / 2;
  const at = (q: number) => draws[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { absolute, absoluteInterval: [at(alpha), at(1 - alpha)], resamples, seed };
}
