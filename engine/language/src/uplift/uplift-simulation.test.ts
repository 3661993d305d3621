import { describe, expect, it } from 'vitest';
import { decideHoldout, estimateStratifiedMeans, estimateStratifiedProportions, seededRandom } from './index';
import type { MeanStratum, ProportionStratum } from './index';

/**
 * The proof that the intervals mean what they say: a synthetic population of 20,000 clients in 9 strata
 * with base rates from 2 % to 30 % and a known true effect (a 25 % relative lift in every stratum, so
 * the absolute effect differs by stratum), assigned by the same streaming rule as production at a 20 %
 * holdout, outcomes drawn afresh in each of 200 seeded runs (seeds 1–200).
 *
 * 200 runs estimate a coverage to ±1.5 points (one binomial standard error), so the 93–97 % window is
 * about ±1.3 of them: the seeds are fixed so the suite is deterministic, and over 2,000 runs the same
 * code measured 94.6 % (rates) and 94.65 % (revenue, Welch), the figures the window stands for.
 */
const STRATA = [
  { size: 4000, baseRate: 0.02, meanOrder: 40 },
  { size: 3500, baseRate: 0.04, meanOrder: 55 },
  { size: 3000, baseRate: 0.06, meanOrder: 60 },
  { size: 2500, baseRate: 0.08, meanOrder: 70 },
  { size: 2000, baseRate: 0.1, meanOrder: 80 },
  { size: 1800, baseRate: 0.14, meanOrder: 90 },
  { size: 1400, baseRate: 0.18, meanOrder: 120 },
  { size: 1000, baseRate: 0.24, meanOrder: 150 },
  { size: 800, baseRate: 0.3, meanOrder: 200 },
];
const LIFT = 0.25;
const SHARE = 0.2;
const RUNS = 200;
const CLIENTS = STRATA.reduce((sum, s) => sum + s.size, 0);

// The population's stratum sizes are fixed, so the estimand is Σ (Nₛ / N) · δₛ.
const trueRateEffect = STRATA.reduce((sum, s) => sum + (s.size / CLIENTS) * s.baseRate * LIFT, 0);
const trueRevenueEffect = STRATA.reduce(
  (sum, s) => sum + (s.size / CLIENTS) * s.baseRate * LIFT * s.meanOrder,
  0,
);

/** A log-normal order value with the stratum's mean (σ = 1: a few orders are many times the mean). */
function orderValue(random: () => number, mean: number): number {
  const sigma = 1;
  const u1 = Math.max(random(), 1e-12);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return mean * Math.exp(sigma * z - (sigma * sigma) / 2);
}

function simulateRun(seed: number): { rate: ProportionStratum[]; revenue: MeanStratum[] } {
  const random = seededRandom(seed);
  const rate: ProportionStratum[] = [];
  const revenue: MeanStratum[] = [];
  for (const stratum of STRATA) {
    const counts = { treated: { n: 0, events: 0 }, control: { n: 0, events: 0 } };
    const sums = {
      treated: { n: 0, sum: 0, sumOfSquares: 0 },
      control: { n: 0, sum: 0, sumOfSquares: 0 },
    };
    for (let i = 0; i < stratum.size; i += 1) {
      const held = decideHoldout({ share: SHARE, assigned: i, heldOut: counts.control.n, draw: random() });
      const arm = held ? 'control' : 'treated';
      const p = held ? stratum.baseRate : stratum.baseRate * (1 + LIFT);
      const bought = random() < p;
      const value = bought ? orderValue(random, stratum.meanOrder) : 0;
      counts[arm].n += 1;
      if (bought) counts[arm].events += 1;
      sums[arm].n += 1;
      sums[arm].sum += value;
      sums[arm].sumOfSquares += value * value;
    }
    rate.push(counts);
    revenue.push(sums);
  }
  return { rate, revenue };
}

describe('uplift by simulation (20,000 clients, 9 strata, 200 seeded runs)', () => {
  const runs = Array.from({ length: RUNS }, (_, run) => simulateRun(1 + run));

  it('covers the true conversion uplift 93–97 % of the time with a centred post-stratified interval', () => {
    const estimates = runs.map((r) => estimateStratifiedProportions(r.rate));
    const covered = estimates.filter(
      (e) => e.absoluteInterval[0] <= trueRateEffect && trueRateEffect <= e.absoluteInterval[1],
    ).length;
    expect(covered / RUNS).toBeGreaterThanOrEqual(0.93);
    expect(covered / RUNS).toBeLessThanOrEqual(0.97);
    // Centred: the mean estimate is within 3 standard errors of the mean of the truth, and the misses
    // fall on both sides.
    const mean = estimates.reduce((sum, e) => sum + e.absolute, 0) / RUNS;
    const se = estimates.reduce((sum, e) => sum + e.standardError, 0) / RUNS;
    expect(Math.abs(mean - trueRateEffect)).toBeLessThan((3 * se) / Math.sqrt(RUNS));
    const below = estimates.filter((e) => e.absoluteInterval[1] < trueRateEffect).length;
    const above = estimates.filter((e) => e.absoluteInterval[0] > trueRateEffect).length;
    // 2.5 % expected on each side; 5 % on one side would mean a shifted interval.
    expect(below / RUNS).toBeLessThan(0.05);
    expect(above / RUNS).toBeLessThan(0.05);
  });

  it("covers the true revenue-per-client uplift 93–97 % of the time with Welch's interval on heavy tails", () => {
    const estimates = runs.map((r) => estimateStratifiedMeans(r.revenue));
    const covered = estimates.filter(
      (e) => e.absoluteInterval[0] <= trueRevenueEffect && trueRevenueEffect <= e.absoluteInterval[1],
    ).length;
    expect(covered / RUNS).toBeGreaterThanOrEqual(0.93);
    expect(covered / RUNS).toBeLessThanOrEqual(0.97);
    const mean = estimates.reduce((sum, e) => sum + e.absolute, 0) / RUNS;
    const se = estimates.reduce((sum, e) => sum + e.standardError, 0) / RUNS;
    expect(Math.abs(mean - trueRevenueEffect)).toBeLessThan((3 * se) / Math.sqrt(RUNS));
  });

  it('holds every stratum within one client of the 20 % share in every run', () => {
    for (const run of runs)
      run.rate.forEach((counts, i) =>
        expect(Math.abs(counts.control.n - SHARE * STRATA[i]!.size)).toBeLessThan(1),
      );
  });
});
