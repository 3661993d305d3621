import { describe, expect, it } from 'vitest';
import { computePurchaseRhythm, isOverdue } from './smart-trigger';

const DAY = 86_400_000;

describe('computePurchaseRhythm', () => {
  // Seed 004's worked table: intervals 90, 60, 30, 60, 90, 120, 150 days.
  const intervals = [90, 60, 30, 60, 90, 120, 150];
  const purchases = intervals.reduce<number[]>(
    (times, days) => [...times, (times.at(-1) as number) + days * DAY],
    [0],
  );

  it("reproduces seed 004's running means", () => {
    const rhythm = computePurchaseRhythm(purchases);
    expect(rhythm.intervalsDays).toEqual(intervals);
    expect(rhythm.runningMeansDays.map((mean) => Math.round(mean * 10) / 10)).toEqual([
      90, 75, 60, 60, 66, 75, 85.7,
    ]);
  });

  it('marks the client overdue from the fifth interval on', () => {
    expect(computePurchaseRhythm(purchases).overdue).toEqual([false, false, false, false, true, true, true]);
  });

  it('expects the next purchase one mean interval after the last', () => {
    const rhythm = computePurchaseRhythm([0, 30 * DAY, 90 * DAY]);
    expect(rhythm.meanIntervalDays).toBe(45);
    expect(rhythm.expectedNextPurchase).toBe(135 * DAY);
    expect(isOverdue(136 * DAY, rhythm)).toBe(true);
    expect(isOverdue(134 * DAY, rhythm)).toBe(false);
  });

  it('has no expectation with a single purchase', () => {
    const rhythm = computePurchaseRhythm([5 * DAY]);
    expect(rhythm.expectedNextPurchase).toBeNull();
    expect(isOverdue(100 * DAY, rhythm)).toBe(false);
  });
});
