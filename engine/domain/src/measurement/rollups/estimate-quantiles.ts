/**
 * Time-to-convert histograms keep seconds in logarithmic buckets: bucket b holds [R^b, R^(b+1)) with
 * R = 1.01, bucket -1 holds [0, 1). Reading a value back as its bucket's geometric middle is off by at
 * most sqrt(R) − 1 ≈ 0.499 % of the value (0.5 s below one second), and so is any quantile
 * interpolated between two such values (docs/metrics.md, "Rollups").
 */
export const LOG_BUCKET_RATIO = 1.01;

/** Largest relative error of a quantile read from the histogram (values ≥ 1 s). */
export const QUANTILE_RELATIVE_ERROR = Math.sqrt(LOG_BUCKET_RATIO) - 1;

/** The bucket a number of seconds falls in (the SQL in get-client-contributions-query does the same). */
export function logBucketOf(seconds: number): number {
  return seconds < 1 ? -1 : Math.floor(Math.log(seconds) / Math.log(LOG_BUCKET_RATIO));
}

/** The value a bucket stands for: its geometric middle (0.5 s for the sub-second bucket). */
export function middleOfBucket(bucket: number): number {
  return bucket < 0 ? 0.5 : LOG_BUCKET_RATIO ** (bucket + 0.5);
}

/**
 * Quantiles `qs` of the values counted in `histogram` (bucket → count), interpolated like
 * `percentile_cont`: position q·(n−1) among the sorted values, linear between its two neighbours,
 * each neighbour standing at its bucket's middle. Null for an empty histogram.
 */
export function estimateQuantiles(histogram: Map<number, number>, qs: readonly number[]): (number | null)[] {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return qs.map(() => null);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (rank < seen) return middleOfBucket(bucket);
    }
    return middleOfBucket(buckets.at(-1)![0]);
  };
  return qs.map((q) => {
    const position = q * (total - 1);
    const below = Math.floor(position);
    const low = valueAt(below);
    const high = valueAt(Math.min(below + 1, total - 1));
    return low + (position - below) * (high - low);
  });
}
