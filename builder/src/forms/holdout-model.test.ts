import { describe, expect, it } from 'vitest';
import { canAddStratum, parseBounds, planFromInput } from './holdout-model';

describe('the holdout planner as the form shows it', () => {
  it('gives the textbook minimum detectable effect and its reverse', () => {
    // 20 % of 10,000 held out at a 5 % base rate: MDE = 2.8016 · √(0.0475 · (1/8000 + 1/2000)) = 0.015269.
    const answer = planFromInput({
      sharePercent: 20,
      audience: 10_000,
      baseRatePercent: 5,
      plannedLiftPercent: 10,
    });
    expect(answer.detectableLift).toBeCloseTo(0.015269 / 0.05, 3);
    expect(answer.detectableRate).toBeCloseTo(0.05 + 0.015269, 4);
    // N = 2.8016² · 0.0475 · (1.25 + 5) / 0.005² = 93,195.
    expect(answer.requiredClients).toBeGreaterThan(93_150);
    expect(answer.requiredClients).toBeLessThan(93_250);
  });

  it('the reverse needs exactly the audience whose detectable lift is the planned one', () => {
    const required = planFromInput({
      sharePercent: 10,
      audience: 1,
      baseRatePercent: 8,
      plannedLiftPercent: 15,
    }).requiredClients!;
    const back = planFromInput({
      sharePercent: 10,
      audience: required,
      baseRatePercent: 8,
      plannedLiftPercent: 15,
    });
    expect(back.detectableLift).toBeLessThanOrEqual(0.15);
    expect(back.detectableLift).toBeGreaterThan(0.1499);
  });

  it('answers nothing without a holdout or with a rate of 0 or 100 %', () => {
    const none = { detectableLift: null, detectableRate: null, requiredClients: null };
    expect(
      planFromInput({ sharePercent: 0, audience: 100, baseRatePercent: 5, plannedLiftPercent: 10 }),
    ).toEqual(none);
    expect(
      planFromInput({ sharePercent: 10, audience: 100, baseRatePercent: 100, plannedLiftPercent: 10 }),
    ).toEqual(none);
    expect(
      planFromInput({ sharePercent: 10, audience: 0, baseRatePercent: 5, plannedLiftPercent: 0 }),
    ).toEqual({ detectableLift: null, detectableRate: null, requiredClients: null });
  });
});

describe('the strata picker', () => {
  it('reads ascending bounds and refuses others', () => {
    expect(parseBounds('100, 500')).toEqual([100, 500]);
    expect(parseBounds(' 1;2 3 ')).toEqual([1, 2, 3]);
    expect(parseBounds('500, 100')).toBeNull();
    expect(parseBounds('a lot')).toBeNull();
    expect(parseBounds('')).toBeNull();
  });

  it('takes each factor once and at most four', () => {
    const rfm = { kind: 'segmentFamily', family: 'rfmCell' } as const;
    expect(canAddStratum([], rfm)).toBe(true);
    expect(canAddStratum([rfm], rfm)).toBe(false);
    const four = [
      rfm,
      { kind: 'segmentFamily', family: 'lifecycleStage' } as const,
      { kind: 'attribute', name: 'region' } as const,
      { kind: 'attribute', name: 'city' } as const,
    ];
    expect(canAddStratum(four, { kind: 'attribute', name: 'gender' })).toBe(false);
  });
});
