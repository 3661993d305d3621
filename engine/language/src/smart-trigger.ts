const DAY_MS = 86_400_000;

/** A client's purchase rhythm as the smart trigger of seed 004 sees it. */
export interface PurchaseRhythm {
  /** Days between consecutive purchases, oldest first. */
  intervalsDays: number[];
  /** Running mean after each interval (seed 004's table: 90, 60, 30 → 90, 75, 60). */
  runningMeansDays: number[];
  /** Mean of all intervals, or null with fewer than two purchases. */
  meanIntervalDays: number | null;
  /** Last purchase + mean interval (epoch ms), or null with fewer than two purchases. */
  expectedNextPurchase: number | null;
  /** For each interval: was it longer than the mean of the intervals before it (the client was overdue)? */
  overdue: boolean[];
}

/** Computes intervals, running means, overdue flags and the expected next purchase from purchase times. */
export function computePurchaseRhythm(purchases: readonly number[]): PurchaseRhythm {
  const sorted = [...purchases].sort((a, b) => a - b);
  const intervalsDays: number[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    intervalsDays.push(((sorted[i] as number) - (sorted[i - 1] as number)) / DAY_MS);
  }
  const runningMeansDays: number[] = [];
  const overdue: boolean[] = [];
  let sum = 0;
  intervalsDays.forEach((interval, index) => {
    const meanBefore = index === 0 ? null : sum / index;
    overdue.push(meanBefore !== null && interval > meanBefore);
    sum += interval;
    runningMeansDays.push(sum / (index + 1));
  });
  const meanIntervalDays = intervalsDays.length === 0 ? null : sum / intervalsDays.length;
  const last = sorted[sorted.length - 1];
  const expectedNextPurchase =
    meanIntervalDays === null || last === undefined ? null : last + Math.round(meanIntervalDays * DAY_MS);
  return { intervalsDays, runningMeansDays, meanIntervalDays, expectedNextPurchase, overdue };
}

/** True when the time since the last purchase exceeds the client's mean interval. */
export function isOverdue(now: number, rhythm: PurchaseRhythm): boolean {
  return rhythm.expectedNextPurchase !== null && now > rhythm.expectedNextPurchase;
}
