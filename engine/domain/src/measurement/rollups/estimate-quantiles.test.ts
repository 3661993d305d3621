import { describe, expect, it } from 'vitest';
import { estimateQuantiles, logBucketOf, QUANTILE_RELATIVE_ERROR } from './estimate-quantiles';

/** percentile_cont over sorted values, as PostgreSQL computes it. */
function exactQuantile(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (position - below) * (high - low);
}

function histogramOf(values: number[]) {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(logBucketOf(value), (histogram.get(logBucketOf(value)) ?? 0) + 1);
  return histogram;
}

describe('quantiles read from the time-to-convert histogram', () => {
  it('stay within the documented relative error of percentile_cont', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const size of [1, 2, 3, 10, 999, 20_000]) {
      const values = Array.from({ length: size }, () => 1 + random() * 60 * 86_400).sort((a, b) => a - b);
      const estimates = estimateQuantiles(histogramOf(values), [0.5, 0.75, 0.9]);
      [0.5, 0.75, 0.9].forEach((q, index) => {
        const exact = exactQuantile(values, q);
        const error = Math.abs(estimates[index]! - exact) / exact;
        expect(error, `n=${size} q=${q}`).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR + 1e-12);
      });
    }
  });

  it('answers null for no conversions and half a second below one second', () => {
    expect(estimateQuantiles(new Map(), [0.5])).toEqual([null]);
    expect(estimateQuantiles(histogramOf([0.2, 0.9]), [0.5])).toEqual([0.5]);
  });
});
