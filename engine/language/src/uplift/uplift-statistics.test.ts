import { describe, expect, it } from 'vitest';
import {
  bootstrapStratifiedMeans,
  cochranMantelHaenszel,
  decideHoldout,
  estimateStratifiedMeans,
  estimateStratifiedProportions,
  holdoutDraw,
  mergeSmallStrata,
  minimumDetectableEffect,
  normalCdf,
  normalQuantile,
  requiredAudience,
  studentTQuantile,
  twoSidedStudentP,
} from './index';
import type { MeanArm } from './index';

function armOf(values: number[]): MeanArm {
  return {
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumOfSquares: values.reduce((a, b) => a + b * b, 0),
  };
}

describe('distributions (table values)', () => {
  it('gives the normal table values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 6);
    expect(normalCdf(-2.5758)).toBeCloseTo(0.005, 5);
  });

  it("gives Student's t table values", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032143, 4);
    expect(twoSidedStudentP(2.228139, 10)).toBeCloseTo(0.05, 5);
  });
});

describe('difference of proportions', () => {
  it('reduces to the Wald difference in one stratum: 10/100 vs 20/100', () => {
    const estimate = estimateStratifiedProportions([
      { treated: { n: 100, events: 10 }, control: { n: 100, events: 20 } },
    ]);
    expect(estimate.absolute).toBeCloseTo(-0.1, 12);
    expect(estimate.standardError).toBeCloseTo(0.05, 12);
    expect(estimate.absoluteInterval[0]).toBeCloseTo(-0.1 - 1.959964 * 0.05, 6);
    expect(estimate.pValue).toBeCloseTo(0.0455, 4);
    expect(estimate.relative).toBeCloseTo(-0.5, 12);
  });

  it('weights strata by their size, not by how many controls they hold', () => {
    // Stratum A converts at 10 % treated / 5 % control, B at 50 % / 40 %; A holds 3/4 of the clients.
    const estimate = estimateStratifiedProportions([
      { treated: { n: 700, events: 70 }, control: { n: 50, events: 2.5 } },
      { treated: { n: 50, events: 25 }, control: { n: 200, events: 80 } },
    ]);
    expect(estimate.absolute).toBeCloseTo(0.75 * 0.05 + 0.25 * 0.1, 12);
    // The naive pooled difference would be (95/750) − (82.5/250) < 0: Simpson's paradox avoided.
    expect(95 / 750 - 82.5 / 250).toBeLessThan(0);
  });

  it("matches the Mantel–Haenszel χ² of a 2×2 table: Pearson's 3.9216 × (n − 1)/n", () => {
    const { chiSquare, pValue } = cochranMantelHaenszel([
      { treated: { n: 100, events: 10 }, control: { n: 100, events: 20 } },
    ]);
    expect(chiSquare).toBeCloseTo((3.921569 * 199) / 200, 4);
    expect(pValue).toBeCloseTo(0.0482, 3);
  });
});

describe('revenue per client', () => {
  // Wikipedia's Welch example 1: t = −2.46, ν = 24.99, p = 0.021.
  const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

  it("reproduces Welch's textbook example in one stratum", () => {
    const estimate = estimateStratifiedMeans([{ treated: armOf(a1), control: armOf(a2) }]);
    expect(estimate.absolute / estimate.standardError).toBeCloseTo(-2.46, 2);
    expect(estimate.degreesOfFreedom).toBeCloseTo(24.99, 1);
    expect(estimate.pValue).toBeCloseTo(0.021, 3);
  });

  it('bootstraps with a fixed seed: the same interval every time, around the same difference', () => {
    const strata = [{ treated: a1, control: a2 }];
    const first = bootstrapStratifiedMeans(strata, { seed: 7 });
    const again = bootstrapStratifiedMeans(strata, { seed: 7 });
    expect(again).toEqual(first);
    const welch = estimateStratifiedMeans([{ treated: armOf(a1), control: armOf(a2) }]);
    expect(first.absolute).toBeCloseTo(welch.absolute, 12);
    expect(first.absoluteInterval[0]).toBeLessThan(first.absolute);
    expect(first.absoluteInterval[1]).toBeGreaterThan(first.absolute);
    // A percentile interval of a mean difference on 15 + 15 values is near Welch's width (±25 %).
    const width = (i: [number, number]) => i[1] - i[0];
    expect(width(first.absoluteInterval) / width(welch.absoluteInterval)).toBeGreaterThan(0.75);
    expect(width(first.absoluteInterval) / width(welch.absoluteInterval)).toBeLessThan(1.25);
  });
});

describe('merging small strata', () => {
  const cell = (key: string, treated: number, control: number) => ({
    key,
    treated: { n: treated },
    control: { n: control },
  });
  const combine = (a: ReturnType<typeof cell>, b: ReturnType<typeof cell>, key: string) =>
    cell(key, a.treated.n + b.treated.n, a.control.n + b.control.n);

  it('merges small strata by their first attribute and leaves large ones alone', () => {
    const merged = mergeSmallStrata(
      [
        cell('stage=best|region=EU', 400, 100),
        cell('stage=best|region=US', 40, 8),
        cell('stage=best|region=RU', 30, 6),
        cell('stage=new|region=EU', 20, 4),
      ],
      30,
      combine,
    );
    expect(merged).toEqual([cell('stage=*|region=*', 90, 18), cell('stage=best|region=EU', 400, 100)]);
  });
});

describe('the planner', () => {
  it('finds the audience a 10 % lift on a 5 % base rate needs with a 20 % holdout (93,206)', () => {
    expect(requiredAudience({ share: 0.2, baseRate: 0.05, relativeEffect: 0.1 })).toBe(93206);
  });

  it('is the inverse of the minimum detectable effect', () => {
    const audience = requiredAudience({ share: 0.1, baseRate: 0.12, relativeEffect: 0.15 });
    const mde = minimumDetectableEffect({ share: 0.1, baseRate: 0.12, audience });
    expect(mde.relative).toBeLessThanOrEqual(0.15);
    expect(
      minimumDetectableEffect({ share: 0.1, baseRate: 0.12, audience: audience - 2 }).relative,
    ).toBeGreaterThan(0.15);
    expect(mde.absolute).toBeCloseTo(0.15 * 0.12, 5);
  });

  it('detects nothing without a control group', () => {
    expect(minimumDetectableEffect({ share: 0, baseRate: 0.1, audience: 1000 }).absolute).toBe(Infinity);
  });
});

describe('streaming assignment', () => {
  it('keeps every prefix of a stratum within one client of the share', () => {
    for (const share of [0.05, 0.2, 1 / 3, 0.5]) {
      let heldOut = 0;
      for (let assigned = 0; assigned < 5000; assigned += 1) {
        if (decideHoldout({ share, assigned, heldOut, draw: holdoutDraw('exp', `client-${assigned}`) }))
          heldOut += 1;
        expect(Math.abs(heldOut - share * (assigned + 1))).toBeLessThan(1);
      }
    }
  });

  it('draws uniformly and stably from the experiment key and the client', () => {
    expect(holdoutDraw('j1', 'c1')).toBe(holdoutDraw('j1', 'c1'));
    expect(holdoutDraw('j1', 'c1')).not.toBe(holdoutDraw('j2', 'c1'));
    const draws = Array.from({ length: 10000 }, (_, i) => holdoutDraw('journey', `c${i}`));
    const deciles = new Array<number>(10).fill(0);
    for (const d of draws) deciles[Math.floor(d * 10)]! += 1;
    for (const count of deciles) expect(Math.abs(count - 1000)).toBeLessThan(130);
  });
});
